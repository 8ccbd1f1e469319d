import { describe, expect, it } from 'vitest';
import { logitLens } from '../src/core/lens';
import { forward } from '../src/core/gpt';
import { lensModel } from './lensFixture';

const { config, model } = lensModel({
  vocabSize: 23,
  nPositions: 10,
  seed: 11,
  lnWeight: (i) => 0.5 + i / 8,
  lnBias: (i) => (i % 3) * 0.1,
  headScale: 100,
});
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
