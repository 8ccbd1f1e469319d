import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cooccurrenceCounts, ppmiInPlace } from '../src/core/train/ppmi';
import { rowsPerSimdCall, timesInRowBlocks } from '../src/core/train/rowBlocks';
import { MAX_COPIED } from '../src/core/ops/simd';
import { truncatedSvd } from '../src/core/train/svd';
import { createRng } from '../src/core/rng';

// The ops that build the starting W_e: co-occurrence counts, PPMI, and a truncated SVD whose products run a block
// of rows at a time.

describe('co-occurrence counts', () => {
  it('counts each neighbour within the window, both ways', () => {
    // tokens 0 1 0 1, window 1: the pairs (0,1) (1,0) (1,0) (0,1) (0,1) (1,0)
    expect(Array.from(cooccurrenceCounts([0, 1, 0, 1], 2, { window: 1, harmonic: false }))).toEqual([0, 3, 3, 0]);
  });

  it('weights a neighbour at distance d by 1/d when harmonic', () => {
    // tokens 0 1 0, window 2: 0 sees 1 at distance 1 twice and itself at distance 2 twice (½ each); 1 sees 0 twice
    expect(Array.from(cooccurrenceCounts([0, 1, 0], 2, { window: 2, harmonic: true }))).toEqual([1, 2, 2, 0]);
  });
});

describe('PPMI', () => {
  it('is log P(w, c) / (P(w) P_α(c)), with negatives set to 0', () => {
    const counts = cooccurrenceCounts([0, 1, 2], 3, { window: 1, harmonic: false }); // 0–1 and 1–2, both ways
    const ppmi = ppmiInPlace(counts, 3);
    const colPow = [1, 2 ** 0.75, 1];
    const colTotal = colPow[0] + colPow[1] + colPow[2];
    const pmi = (rowSum: number, col: number) => Math.log(1 / 4 / ((rowSum / 4) * (colPow[col] / colTotal)));
    expect(ppmi[0 * 3 + 1]).toBeCloseTo(pmi(1, 1), 6);
    expect(ppmi[1 * 3 + 0]).toBeCloseTo(pmi(2, 0), 6);
    expect(ppmi[1 * 3 + 2]).toBeCloseTo(pmi(2, 2), 6);
    expect(ppmi[0]).toBe(0);
    expect(ppmi[2]).toBe(0);
  });
});

describe('products in row blocks', () => {
  const matrix = (rows: number, cols: number) =>
    fc.array(fc.integer({ min: -9, max: 9 }), { minLength: rows * cols, maxLength: rows * cols }).map((a) => Float32Array.from(a));

  it('add A X into out, whatever the block size, with A split anywhere', () => {
    // Small integers multiply and add exactly in float32, so every path must give the plain triple loop's numbers.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 10 }),
        (M, N, L, blockRows) =>
          fc.assert(
            fc.property(matrix(M, N), matrix(N, L), matrix(M, L), (A, X, start) => {
              const out = Float32Array.from(start);
              timesInRowBlocks(out, A, X, M, N, L, blockRows);
              for (let i = 0; i < M; i++)
                for (let j = 0; j < L; j++) {
                  let d = start[i * L + j];
                  for (let k = 0; k < N; k++) d += A[i * N + k] * X[k * L + j];
                  expect(out[i * L + j]).toBe(d);
                }
            }),
            { numRuns: 5 },
          ),
      ),
      { numRuns: 40 },
    );
  });
  it('takes blocks the SIMD kernels copy whole, for the shipped vocabulary and twice its width', () => {
    for (const L of [96, 160]) {
      const rows = rowsPerSimdCall(8192, L);
      expect(rows).toBeGreaterThan(100);
      expect(rows * 8192 + 8192 * L + rows * L).toBeLessThanOrEqual(MAX_COPIED);
      expect((rows + 1) * 8192 + 8192 * L + (rows + 1) * L).toBeGreaterThan(MAX_COPIED);
    }
  });

  it('refuses a block of no rows or of part of a row', () => {
    const one = new Float32Array(1);
    for (const blockRows of [0, 0.5, NaN]) expect(() => timesInRowBlocks(one, one, one, 1, 1, 1, blockRows)).toThrow(/rows per block/);
  });
});

describe('truncated SVD', () => {
  it('finds the singular values and vectors of a scaled permutation', () => {
    // (5, 4) with one entry per row and column: singular values 4, 3, 2, 1 on rows 0, 3, 1, 4
    const A = new Float32Array(20);
    A[0 * 4 + 2] = 4;
    A[3 * 4 + 0] = -3;
    A[1 * 4 + 1] = 2;
    A[4 * 4 + 3] = 1;
    const { u, s } = truncatedSvd(A, 5, 4, 2, createRng(1));
    expect(s[0]).toBeCloseTo(4, 5);
    expect(s[1]).toBeCloseTo(3, 5);
    const column = (j: number) => [0, 1, 2, 3, 4].map((i) => Math.abs(u[i * 2 + j]));
    column(0).forEach((x, i) => expect(x).toBeCloseTo(i === 0 ? 1 : 0, 5));
    column(1).forEach((x, i) => expect(x).toBeCloseTo(i === 3 ? 1 : 0, 5));
  });

  it('recovers a rank-2 matrix 5·a bᵀ + 2·c dᵀ built from orthonormal vectors', () => {
    const rng = createRng(7);
    const orthonormalPair = (n: number) => {
      const p = Array.from({ length: n }, () => rng.normal());
      const q = Array.from({ length: n }, () => rng.normal());
      const norm = (v: number[]) => Math.hypot(...v);
      const a = p.map((x) => x / norm(p));
      const dot = q.reduce((sum, x, i) => sum + x * a[i], 0);
      const r = q.map((x, i) => x - dot * a[i]);
      return [a, r.map((x) => x / norm(r))];
    };
    const [M, N] = [30, 20];
    const [a, c] = orthonormalPair(M);
    const [b, d] = orthonormalPair(N);
    const A = new Float32Array(M * N);
    for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) A[i * N + j] = 5 * a[i] * b[j] + 2 * c[i] * d[j];
    const { u, s } = truncatedSvd(A, M, N, 2, createRng(1));
    expect(s[0]).toBeCloseTo(5, 4);
    expect(s[1]).toBeCloseTo(2, 4);
    const alignment = (j: number, v: number[]) => Math.abs(v.reduce((sum, x, i) => sum + x * u[i * 2 + j], 0));
    expect(alignment(0, a)).toBeCloseTo(1, 4);
    expect(alignment(1, c)).toBeCloseTo(1, 4);
  });

  it('finds the top of the spectrum with a sketch narrower than the matrix (the randomized range and power steps)', () => {
    // (80, 60), rank 3 with singular values 9, 6, 4, plus noise far below them; k = 3 sketches 35 of 60 columns.
    const rng = createRng(5);
    const [M, N] = [80, 60];
    const A = new Float32Array(M * N);
    const unit = (n: number) => {
      const v = Array.from({ length: n }, () => rng.normal());
      const norm = Math.hypot(...v);
      return v.map((x) => x / norm);
    };
    const orthonormal = (n: number, count: number) => {
      const out: number[][] = [];
      while (out.length < count) {
        let v = unit(n);
        for (const u of out) {
          const d = v.reduce((sum, x, i) => sum + x * u[i], 0);
          v = v.map((x, i) => x - d * u[i]);
        }
        const norm = Math.hypot(...v);
        out.push(v.map((x) => x / norm));
      }
      return out;
    };
    const us = orthonormal(M, 3);
    const vs = orthonormal(N, 3);
    const sigma = [9, 6, 4];
    for (let i = 0; i < M; i++)
      for (let j = 0; j < N; j++) A[i * N + j] = sigma.reduce((sum, s, r) => sum + s * us[r][i] * vs[r][j], 0) + 1e-4 * rng.normal();
    const { u, s } = truncatedSvd(A, M, N, 3, createRng(2));
    sigma.forEach((expected, r) => {
      expect(s[r]).toBeCloseTo(expected, 2);
      expect(Math.abs(us[r].reduce((sum, x, i) => sum + x * u[i * 3 + r], 0))).toBeCloseTo(1, 3);
    });
  });
});
