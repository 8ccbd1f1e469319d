import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matmulAdd, matmulAddTransposedA, matmulAddTransposedB } from '../src/core/ops/matmul';
import { setSimdEnabled, simdSupported } from '../src/core/ops/simd';
import { MATMUL_WASM_BASE64 } from '../src/core/ops/matmulWasm';
import { assembleMatmul } from '../scripts/lib/wasm';
import { createRng } from '../src/core/rng';
import type { Buf } from '../src/core/ops/buffer';

// The blocked kernels against the textbook triple loop, on every mix of block sizes and leftovers.
const dims = fc.record({
  M: fc.integer({ min: 1, max: 19 }),
  K: fc.integer({ min: 1, max: 19 }),
  N: fc.integer({ min: 1, max: 19 }),
  seed: fc.nat(),
});

function random(n: number, seed: number, Type: Float32ArrayConstructor | Float64ArrayConstructor) {
  const rng = createRng(seed);
  const values = new Type(n);
  for (let i = 0; i < n; i++) values[i] = rng.normal();
  return values;
}

// at(i, k) and bt(k, n) read A and B in whatever layout the kernel takes
function naive(
  M: number,
  K: number,
  N: number,
  at: (m: number, k: number) => number,
  bt: (k: number, n: number) => number,
  start: ArrayLike<number>,
) {
  const out = Float64Array.from(start);
  for (let m = 0; m < M; m++) for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) out[m * N + n] += at(m, k) * bt(k, n);
  return out;
}

function expectNear(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number) {
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThan(tolerance * (1 + Math.abs(expected[i])));
}

// Float32 products run in the WebAssembly SIMD kernels where the engine has them, and in the scalar
// kernels elsewhere; both must pass everything below.
describe.each([
  ['SIMD kernels', true],
  ['scalar kernels', false],
] as const)('with the %s', (_, simd) => {
  beforeAll(() => setSimdEnabled(simd));
  afterAll(() => setSimdEnabled(true));

  describe.each([
    ['Float64', Float64Array, 1e-12],
    ['Float32', Float32Array, 1e-5],
  ] as const)('matrix products in %s', (_, Type, tolerance) => {
    // Each kernel, and where entry (m, k) of its A and entry (k, n) of its B sit (A has M·K entries and B K·N in all three).
    type At = (i: number, j: number) => number;
    const kernels: {
      name: string;
      run: (o: Buf, A: Buf, B: Buf, M: number, K: number, N: number) => void;
      aAt: (M: number, K: number) => At;
      bAt: (K: number, N: number) => At;
    }[] = [
      { name: 'A @ B', run: matmulAdd, aAt: (_, K) => (m, k) => m * K + k, bAt: (_, N) => (k, n) => k * N + n },
      { name: 'A @ Bᵀ', run: matmulAddTransposedB, aAt: (_, K) => (m, k) => m * K + k, bAt: (K) => (k, n) => n * K + k },
      {
        name: 'Aᵀ @ B',
        run: (o, A, B, M, K, N) => matmulAddTransposedA(o, A, B, K, M, N),
        aAt: (M) => (m, k) => k * M + m,
        bAt: (_, N) => (k, n) => k * N + n,
      },
    ];

    it.each(kernels)('$name adds to out what the triple loop gives', ({ run, aAt, bAt }) => {
      fc.assert(
        fc.property(dims, ({ M, K, N, seed }) => {
          const A = random(M * K, seed, Type),
            B = random(K * N, seed + 1, Type),
            out = random(M * N, seed + 2, Type);
          const a = aAt(M, K),
            b = bAt(K, N);
          const expected = naive(
            M,
            K,
            N,
            (m, k) => A[a(m, k)],
            (k, n) => B[b(k, n)],
            out,
          );
          run(out, A, B, M, K, N);
          expectNear(out, expected, tolerance);
        }),
      );
    });
  });

  describe('a row of a product', () => {
    it('is the same to the last bit however many rows are computed with it', () => {
      fc.assert(
        fc.property(dims, ({ M, K, N, seed }) => {
          const A = random(M * K, seed, Float32Array),
            B = random(N * K, seed + 1, Float32Array),
            Bt = new Float32Array(K * N);
          for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) Bt[k * N + n] = B[n * K + k];
          const all = new Float32Array(M * N),
            allT = new Float32Array(M * N);
          matmulAddTransposedB(all, A, B, M, K, N);
          matmulAdd(allT, A, Bt, M, K, N);
          for (let m = 0; m < M; m++) {
            const one = new Float32Array(N);
            matmulAddTransposedB(one, A.subarray(m * K, (m + 1) * K), B, 1, K, N);
            expect(Array.from(all.subarray(m * N, (m + 1) * N))).toEqual(Array.from(one));
            expect(Array.from(allT.subarray(m * N, (m + 1) * N))).toEqual(Array.from(one));
          }
        }),
      );
    });
  });

  describe('a product with causal weights', () => {
    it('skips the zeros right of the diagonal and gives the full product to the last bit', () => {
      const square = fc.record({ T: fc.integer({ min: 1, max: 40 }), N: fc.integer({ min: 1, max: 19 }), seed: fc.nat() });
      fc.assert(
        fc.property(square, ({ T, N, seed }) => {
          const A = random(T * T, seed, Float32Array),
            B = random(T * N, seed + 1, Float32Array);
          for (let m = 0; m < T; m++) A.fill(0, m * T + m + 1, (m + 1) * T);
          const full = new Float32Array(T * N),
            causal = new Float32Array(T * N);
          matmulAdd(full, A, B, T, T, N);
          matmulAdd(causal, A, B, T, T, N, true);
          expect(Array.from(causal)).toEqual(Array.from(full));
        }),
      );
    });

    it('really skips them: entries right of the diagonal do not reach out', () => {
      const T = 24,
        N = 3;
      const A = new Float32Array(T * T).fill(1),
        B = new Float32Array(T * N).fill(1),
        out = new Float32Array(T * N);
      matmulAdd(out, A, B, T, T, N, true);
      // Every row sums at least its own m + 1 causal entries, but the first row does not read all T.
      for (let m = 0; m < T; m++) expect(out[m * N]).toBeGreaterThanOrEqual(m + 1);
      expect(out[0]).toBeLessThan(T);
    });
  });
});

// Each entry summed the documented way: products rounded to float32 and added in float32 in order
// of k from 0, the sum then added to out. Math.fround of a double sum of two floats is the float32
// sum, since a double has more than twice a float's precision.
function float32Sums(
  M: number,
  K: number,
  N: number,
  at: (m: number, k: number) => number,
  bt: (k: number, n: number) => number,
  start: ArrayLike<number>,
) {
  const out = Float32Array.from(start);
  for (let m = 0; m < M; m++) {
    for (let n = 0; n < N; n++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum = Math.fround(sum + Math.fround(at(m, k) * bt(k, n)));
      out[m * N + n] = Math.fround(out[m * N + n] + sum);
    }
  }
  return out;
}

describe('the SIMD kernels', () => {
  beforeAll(() => setSimdEnabled(true));

  it('run in this engine', () => {
    expect(simdSupported()).toBe(true);
  });

  it('are the ones assembled from matmul.wat', async () => {
    expect(MATMUL_WASM_BASE64).toBe(await assembleMatmul());
  });

  it('sum every entry in float32 in order of k, to the last bit, on every path', () => {
    fc.assert(
      fc.property(dims, fc.boolean(), ({ M, K, N, seed }, causal) => {
        const A = random(M * K, seed, Float32Array),
          B = random(K * N, seed + 1, Float32Array),
          start = random(M * N, seed + 2, Float32Array);
        if (causal) for (let m = 0; m < M; m++) A.fill(0, m * K + m + 1, (m + 1) * K);
        const Bt = new Float32Array(N * K);
        for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) Bt[n * K + k] = B[k * N + n];
        const expected = Array.from(
          float32Sums(
            M,
            K,
            N,
            (m, k) => A[m * K + k],
            (k, n) => B[k * N + n],
            start,
          ),
        );
        const out = Float32Array.from(start),
          outT = Float32Array.from(start);
        matmulAdd(out, A, B, M, K, N, causal && M === K);
        matmulAddTransposedB(outT, A, Bt, M, K, N);
        expect(Array.from(out)).toEqual(expected);
        expect(Array.from(outT)).toEqual(expected);
      }),
    );
  });

  it('grow their memory for products larger than it', () => {
    const M = 130,
      K = 150,
      N = 170; // 3 × ~90 KB, past the module's first 64 KB page
    const A = random(M * K, 1, Float32Array),
      B = random(K * N, 2, Float32Array),
      start = random(M * N, 3, Float32Array);
    const out = Float32Array.from(start);
    matmulAdd(out, A, B, M, K, N);
    expect(Array.from(out)).toEqual(
      Array.from(
        float32Sums(
          M,
          K,
          N,
          (m, k) => A[m * K + k],
          (k, n) => B[k * N + n],
          start,
        ),
      ),
    );
  });
});

describe('a buffer too short for its matrix', () => {
  it('is refused with the buffer and the size it needed, instead of reading past it', () => {
    const A = new Float32Array(4 * 4 - 1),
      B = new Float32Array(4 * 8),
      out = new Float32Array(4 * 8);
    expect(() => matmulAdd(out, A, B, 4, 4, 8)).toThrow('matmulAdd: A has 15 values, the product needs 16');
    expect(() => matmulAddTransposedB(out.subarray(1), new Float32Array(16), new Float32Array(32), 4, 4, 8)).toThrow(
      'matmulAddTransposedB: out has 31 values, the product needs 32',
    );
  });
});
