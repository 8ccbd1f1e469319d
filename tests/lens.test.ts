import { describe, expect, it } from 'vitest';
import { logitLens } from '../src/core/lens';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { forward } from '../src/core/gpt';
import type { GPTConfig } from '../src/core/config';

const config: GPTConfig = {
  vocabSize: 23,
  nPositions: 10,
  nEmbd: 8,
  nLayer: 3,
  nHead: 2,
  layerNormEpsilon: 1e-5,
  activationFunction: 'gelu_new',
  tieWordEmbeddings: false,
};
const model = initModel(config, createRng(11));
// A random init has zero ln biases and tiny weights; give ln_f a real shape so the test can see it used.
model.params.ln_f.weight.data.forEach((_, i, a) => (a[i] = 0.5 + i / 8));
model.params.ln_f.bias.data.forEach((_, i, a) => (a[i] = (i % 3) * 0.1));
model.params.lm_head!.data.forEach((x, i, a) => (a[i] = x * 100));
const ids = [3, 7, 1, 20, 5];

function topOf(row: Float32Array, k: number): { id: number; prob: number }[] {
  return Array.from(row, (prob, id) => ({ id, prob }))
    .sort((a, b) => b.prob - a.prob || a.id - b.id)
    .slice(0, k);
}

describe('logit lens', () => {
  const trace = forward(model, ids);
  const V = config.vocabSize;

  it('has one row for the embedding and one after each block', () => {
    const rows = logitLens(model, trace, 4, 5);
    expect(rows.map((r) => r.layer)).toEqual([0, 1, 2, 3]);
    for (const r of rows) expect(r.top).toHaveLength(5);
  });

  it.each([0, 2, 4])('its last row is the model’s own prediction at position %i', (position) => {
    const last = logitLens(model, trace, position, 6).at(-1)!;
    const expected = topOf(trace.probs.data.subarray(position * V, (position + 1) * V), 6);
    expect(last.top.map((t) => t.id)).toEqual(expected.map((t) => t.id));
    last.top.forEach((t, i) => expect(t.prob).toBeCloseTo(expected[i].prob, 6));
  });

  it('its first row reads the embedding: the same as a model with no blocks', () => {
    const noBlocks = { config: { ...config, nLayer: 0 }, params: { ...model.params, h: [] } };
    const direct = forward(noBlocks, ids);
    const first = logitLens(model, trace, 1, 4)[0];
    const expected = topOf(direct.probs.data.subarray(V, 2 * V), 4);
    expect(first.top.map((t) => t.id)).toEqual(expected.map((t) => t.id));
    first.top.forEach((t, i) => expect(t.prob).toBeCloseTo(expected[i].prob, 6));
  });

  it('computes only the snapshots asked for, the same as in the full table', () => {
    const all = logitLens(model, trace, 3, 4);
    expect(logitLens(model, trace, 3, 4, [2])).toEqual([all[2]]);
    expect(logitLens(model, trace, 3, 4, [3, 0])).toEqual([all[3], all[0]]);
    expect(() => logitLens(model, trace, 3, 4, [4])).toThrow(/no snapshot 4/);
  });

  it('refuses a position outside the text', () => {
    expect(() => logitLens(model, trace, 5, 3)).toThrow(/position 5 is outside 0\.\.4/);
  });
});
