import { describe, expect, it } from 'vitest';
import { softmaxForward, softmax } from '../src/core/ops/softmax';
import { gelu } from '../src/core/ops/gelu';
import { layernormForward } from '../src/core/ops/layernorm';
import { attentionForward } from '../src/core/ops/attention';
import { linearForward } from '../src/core/ops/linear';
import { embeddingForward } from '../src/core/ops/embedding';
import { unembeddingForward } from '../src/core/ops/unembedding';
import { exp } from '../src/core/ops/exp';
import fc from 'fast-check';

describe('exp', () => {
  it('is e^x at points a reader can check', () => {
    expect(exp(0)).toBe(1);
    expect(exp(1)).toBeCloseTo(2.718281828459045, 14);
    expect(exp(-1)).toBeCloseTo(0.36787944117144233, 14);
    expect(exp(Math.log(10))).toBeCloseTo(10, 13);
  });

  it('agrees with Math.exp to 1e-14 relative over the whole range', () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709.7, noNaN: true }), (x) => {
        const expected = Math.exp(x);
        expect(Math.abs(exp(x) - expected)).toBeLessThanOrEqual(1e-14 * expected);
      }),
      { numRuns: 20_000 },
    );
  });

  it('keeps the edge cases of Math.exp', () => {
    for (const x of [NaN, Infinity, -Infinity, 710, -746, 1e300, -1e300]) expect(exp(x)).toBe(Math.exp(x));
  });
});

describe('softmax', () => {
  it('rows sum to 1 and match a hand computation', () => {
    const out = new Float32Array(6);
    softmaxForward(out, Float32Array.from([0, Math.log(2), Math.log(3), 1, 1, 1]), 2, 3);
    // e^0 : e^ln2 : e^ln3 = 1 : 2 : 3
    expect(Array.from(out.subarray(0, 3)).map((x) => x * 6)).toEqual([1, 2, 3].map((x) => expect.closeTo(x, 5)));
    expect(Array.from(out.subarray(3))).toEqual([1 / 3, 1 / 3, 1 / 3].map((x) => expect.closeTo(x, 6)));
  });
  it('stays finite for huge logits', () => {
    const p = softmax([1000, 999, -1000]);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(p[2]).toBe(0);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it('temperature sharpens and flattens', () => {
    const logits = [2, 1, 0];
    expect(softmax(logits, 0.5)[0]).toBeGreaterThan(softmax(logits, 1)[0]);
    expect(softmax(logits, 10)[0]).toBeLessThan(softmax(logits, 1)[0]);
    // t = 2 equals softmax of halved logits
    expect(softmax(logits, 2)[1]).toBeCloseTo(softmax([1, 0.5, 0])[1], 12);
  });
  it('refuses a non-positive temperature', () => {
    expect(() => softmax([1, 2], 0)).toThrow(/temperature/);
    expect(() => softmax([1, 2], Number.NaN)).toThrow(/temperature/);
  });
});

describe('gelu (tanh form)', () => {
  it('matches known values', () => {
    expect(gelu(0)).toBe(0);
    // 0.5 * 1 * (1 + tanh(sqrt(2/pi) * 1.044715)) computed by hand: tanh(0.833554...) = 0.682706...
    expect(gelu(1)).toBeCloseTo(0.841192, 6);
    expect(gelu(-1)).toBeCloseTo(-0.158808, 6);
    expect(gelu(3)).toBeCloseTo(2.9963627, 6);
    expect(gelu(-10)).toBeCloseTo(0, 10);
  });
});

describe('layer norm', () => {
  it('gives mean 0 and variance 1 before scale and shift', () => {
    const C = 4;
    const inp = Float32Array.from([1, 2, 3, 4, -5, 0, 5, 100]);
    const out = new Float32Array(8);
    const mean = new Float32Array(2);
    const rstd = new Float32Array(2);
    layernormForward(out, mean, rstd, inp, new Float32Array(C).fill(1), new Float32Array(C), 2, C, 1e-5);
    expect(mean[0]).toBeCloseTo(2.5, 6);
    // variance of 1,2,3,4 is 1.25
    expect(rstd[0]).toBeCloseTo(1 / Math.sqrt(1.25 + 1e-5), 6);
    for (let t = 0; t < 2; t++) {
      const r = out.subarray(t * C, (t + 1) * C);
      const m = r.reduce((a, b) => a + b, 0) / C;
      const v = r.reduce((a, b) => a + (b - m) ** 2, 0) / C;
      expect(m).toBeCloseTo(0, 5);
      expect(v).toBeCloseTo(1, 3);
    }
  });
  it('applies weight and bias per channel', () => {
    const out = new Float32Array(2);
    layernormForward(out, null, null, Float32Array.from([0, 2]), Float32Array.from([2, 3]), Float32Array.from([10, 20]), 1, 2, 0);
    expect(Array.from(out)).toEqual([10 - 2, 20 + 3]);
  });
});

describe('linear (Conv1D orientation)', () => {
  it('computes x @ W + b', () => {
    const out = new Float32Array(3);
    // x = [1, 2], W = [[1, 0, 2], [3, 1, 0]] (in=2, out=3), b = [0.5, 0, -1]
    linearForward(out, Float32Array.from([1, 2]), Float32Array.from([1, 0, 2, 3, 1, 0]), Float32Array.from([0.5, 0, -1]), 1, 2, 3);
    expect(Array.from(out)).toEqual([7.5, 2, 1]);
  });
});

describe('embedding and unembedding', () => {
  it('adds the token row and the position row', () => {
    const wte = Float32Array.from([0, 0, 1, 2, 3, 4]); // V=3, C=2
    const wpe = Float32Array.from([10, 20, 30, 40]); // maxT=2
    const tok = new Float32Array(4);
    const pos = new Float32Array(4);
    const out = new Float32Array(4);
    embeddingForward(tok, pos, out, [2, 1], wte, wpe, 2, 2);
    expect(Array.from(tok)).toEqual([3, 4, 1, 2]);
    expect(Array.from(out)).toEqual([13, 24, 31, 42]);
  });
  it('gives one dot product per vocabulary row', () => {
    const logits = new Float32Array(3);
    unembeddingForward(logits, Float32Array.from([1, -1]), Float32Array.from([1, 0, 0, 1, 2, 2]), 1, 2, 3);
    expect(Array.from(logits)).toEqual([1, -1, 0]);
  });
});

describe('causal attention', () => {
  const T = 4;
  const C = 4;
  const NH = 2;
  const qkv = Float32Array.from({ length: T * 3 * C }, (_, i) => Math.sin(i * 1.7) * 2);
  const bufs = {
    q: new Float32Array(NH * T * 2),
    k: new Float32Array(NH * T * 2),
    v: new Float32Array(NH * T * 2),
    scores: new Float32Array(NH * T * T),
    masked: new Float32Array(NH * T * T),
    weights: new Float32Array(NH * T * T),
    out: new Float32Array(T * C),
  };
  attentionForward(bufs, qkv, T, C, NH);
  it('gives exactly zero weight to future tokens, and rows sum to 1', () => {
    for (let h = 0; h < NH; h++) {
      for (let t = 0; t < T; t++) {
        let sum = 0;
        for (let s = 0; s < T; s++) {
          const w = bufs.weights[(h * T + t) * T + s];
          if (s > t) {
            expect(w).toBe(0);
            expect(bufs.masked[(h * T + t) * T + s]).toBe(-Infinity);
          }
          sum += w;
        }
        expect(sum).toBeCloseTo(1, 6);
      }
    }
  });
  it('the first token attends only to itself, so its output is its own value', () => {
    for (let h = 0; h < NH; h++) {
      expect(bufs.weights[h * T * T]).toBe(1);
      for (let d = 0; d < 2; d++) expect(bufs.out[h * 2 + d]).toBeCloseTo(qkv[2 * C + h * 2 + d], 6);
    }
  });
  it('scores are q·k / sqrt(head size)', () => {
    // head 1, t=2, s=1: q at columns 2..3 of row 2, k at columns C+2..C+3 of row 1
    const q = [qkv[2 * 3 * C + 2], qkv[2 * 3 * C + 3]];
    const k = [qkv[1 * 3 * C + C + 2], qkv[1 * 3 * C + C + 3]];
    expect(bufs.scores[(1 * T + 2) * T + 1]).toBeCloseTo((q[0] * k[0] + q[1] * k[1]) / Math.SQRT2, 5);
  });
});
