import { describe, expect, it } from 'vitest';
import { lensTop, logitLens } from '../src/core/lens';
import { forward } from '../src/core/gpt';
import { buildStages } from '../src/viz/stages';
import { lensStreamForStage, lensStreamVector } from '../src/viz/output/lensRow';
import { showsByte } from '../src/viz/format';
import { lensModel } from './lensFixture';

const { config, model } = lensModel({
  vocabSize: 19,
  nPositions: 8,
  seed: 5,
  lnWeight: (i) => 0.6 + i / 10,
  lnBias: (i) => (i % 2) * 0.2,
  headScale: 80,
});
const ids = [4, 9, 2, 17];
const trace = forward(model, ids);
const C = config.nEmbd;

/** ln_f, W_u and softmax written out plainly in float64, for one stream vector. */
function referenceTop(x: ArrayLike<number>, k: number): { id: number; prob: number }[] {
  const v = Array.from(x);
  const mean = v.reduce((a, b) => a + b, 0) / C;
  const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / C;
  const w = model.params.ln_f.weight.data;
  const b = model.params.ln_f.bias.data;
  const normed = v.map((xi, i) => ((xi - mean) / Math.sqrt(variance + config.layerNormEpsilon)) * w[i] + b[i]);
  const wu = model.params.lm_head!.data;
  const logits = Array.from({ length: config.vocabSize }, (_, id) => normed.reduce((s, n, c) => s + n * wu[id * C + c], 0));
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const sum = exps.reduce((a, e) => a + e, 0);
  return exps
    .map((e, id) => ({ id, prob: e / sum }))
    .sort((a, b2) => b2.prob - a.prob)
    .slice(0, k);
}

describe('the stepper’s lens stream', () => {
  const stages = buildStages(config.nLayer);
  const streamAt = (kind: string, layer: number | null) =>
    lensStreamForStage(
      stages.find((s) => s.kind === kind && s.layer === layer)!,
      config.nLayer,
    );

  it('has nothing to read before the embedding is formed', () => {
    for (const kind of ['tokens', 'tokEmb', 'posEmb']) expect(streamAt(kind, null)).toEqual({ kind: 'none' });
    expect(lensStreamVector({ kind: 'none' }, trace, 0)).toBeNull();
  });

  it('reads x0 until layer 1’s attention is added, then the newest stream in each block, then the last', () => {
    expect(streamAt('x0', null)).toEqual({ kind: 'embedding' });
    for (const kind of ['ln1', 'q', 'k', 'v', 'scores', 'masked', 'weights', 'attnOut', 'attnProj']) {
      expect(streamAt(kind, 0)).toEqual({ kind: 'embedding' });
      expect(streamAt(kind, 2)).toEqual({ kind: 'afterBlock', layer: 1 });
    }
    // GELU and the rest of the MLP come after the attention's residual add: never the embedding.
    for (const kind of ['resid1', 'ln2', 'fc', 'gelu', 'mlpProj']) {
      expect(streamAt(kind, 0)).toEqual({ kind: 'afterAttention', layer: 0 });
      expect(streamAt(kind, 1)).toEqual({ kind: 'afterAttention', layer: 1 });
    }
    expect(streamAt('resid2', 1)).toEqual({ kind: 'afterBlock', layer: 1 });
    for (const kind of ['lnF', 'logits', 'probs']) expect(streamAt(kind, null)).toEqual({ kind: 'afterBlock', layer: 2 });
    // Every stage from x0 on reads a stream the trace has.
    for (const stage of stages.slice(stages.findIndex((s) => s.kind === 'x0'))) {
      expect(lensStreamVector(lensStreamForStage(stage, config.nLayer), trace, 1)).toHaveLength(C);
    }
  });

  it('takes the selected position’s row of that stream', () => {
    expect(lensStreamVector({ kind: 'embedding' }, trace, 2)).toEqual(trace.x0.data.subarray(2 * C, 3 * C));
    expect(lensStreamVector({ kind: 'afterAttention', layer: 1 }, trace, 3)).toEqual(trace.blocks[1].resid1.data.subarray(3 * C, 4 * C));
    expect(lensStreamVector({ kind: 'afterBlock', layer: 2 }, trace, 0)).toEqual(trace.blocks[2].resid2.data.subarray(0, C));
  });

  it('reads the stream after attention through ln_f and W_u, as a plain float64 computation does', () => {
    const x = lensStreamVector({ kind: 'afterAttention', layer: 1 }, trace, 2)!;
    const got = lensTop(model, x, 4);
    const want = referenceTop(x, 4);
    expect(got.map((r) => r.id)).toEqual(want.map((r) => r.id));
    got.forEach((r, i) => expect(r.prob).toBeCloseTo(want[i].prob, 5));
    // It differs from the stream entering the block, so the label matters.
    expect(got).not.toEqual(lensTop(model, lensStreamVector({ kind: 'afterBlock', layer: 0 }, trace, 2)!, 4));
  });

  it('agrees with the lens table on x0 and after every block', () => {
    const table = logitLens(model, trace, 1, 3);
    expect(lensTop(model, lensStreamVector({ kind: 'embedding' }, trace, 1)!, 3)).toEqual(table[0].top);
    for (let layer = 0; layer < config.nLayer; layer++) {
      expect(lensTop(model, lensStreamVector({ kind: 'afterBlock', layer }, trace, 1)!, 3)).toEqual(table[layer + 1].top);
    }
    expect(() => lensTop(model, new Float32Array(C + 1), 3)).toThrow(/8 numbers, not 9/);
  });
});

describe('showsByte', () => {
  it('finds a byte written as ⟨XX⟩ and nothing else', () => {
    expect(showsByte('⟨E6⟩')).toBe(true);
    expect(showsByte('␣⟨E4⟩⟨BD⟩')).toBe(true);
    expect(showsByte('a⟨0B⟩b')).toBe(true);
    expect(showsByte('␣king')).toBe(false);
    expect(showsByte('你')).toBe(false);
    expect(showsByte('⟨⟩')).toBe(false);
    expect(showsByte('⟨E⟩')).toBe(false);
    expect(showsByte('<E6>')).toBe(false);
  });
});
