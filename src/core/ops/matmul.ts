import type { Buf } from './buffer';
import { simdMatmulAdd, simdMatmulAddTransposedB, simdActive } from './simd';

// The three matrix products a transformer needs. Each adds into `out`; callers clear or pre-fill it
// (e.g. with a bias). Float32 products run in the SIMD kernels of simd.ts where the engine has
// them. The scalar kernels below serve Float64 (the gradient checks) and engines without
// WebAssembly SIMD. V8 runs plain triple loops at about 1 GFLOP/s; holding a
// 4-row × 8-deep block of A in registers, so each loaded element of B feeds 32 multiply-adds,
// reaches about 6–7 on this project's 2-core machine (profiled in Node 20).
//
// Every entry of out is summed the same way on every scalar path of A @ B and A @ Bᵀ: eight products added in
// double precision, then added to out, then the leftover products one at a time (the SIMD kernels
// keep an order of their own, given in matmul.wat). So a row's result does not depend on how many
// other rows were computed with it: the last position's logits are the same numbers whether the
// pass computed one row of logits or all of them.

// out (M, N) += A (M, K) @ B (K, N)
// `causalA` promises that A is zero right of its diagonal (A[m][k] = 0 for k > m), as attention
// weights are; the products with those zeros are skipped, which halves the work and, for finite B,
// changes no bit.
export function matmulAdd(out: Buf, A: Buf, B: Buf, M: number, K: number, N: number, causalA = false): void {
  checkLengths('matmulAdd', out, A, B, M * N, M * K, K * N);
  if (!simdMatmulAdd(out, A, B, M, K, N, causalA)) scalarMatmulAdd(out, A, B, M, K, N, causalA);
}

function scalarMatmulAdd(out: Buf, A: Buf, B: Buf, M: number, K: number, N: number, causalA: boolean): void {
  const M4 = M - (M % 4);
  const K8 = K - (K % 8);
  for (let m = 0; m < M4; m += 4) {
    const o0 = m * N,
      o1 = o0 + N,
      o2 = o1 + N,
      o3 = o2 + N;
    const x0 = m * K,
      x1 = x0 + K,
      x2 = x1 + K,
      x3 = x2 + K;
    const kEnd = causalA ? Math.min(K, m + 4) : K;
    const k8End = Math.min(K8, kEnd + 7 - ((kEnd + 7) % 8));
    for (let k = 0; k < k8End; k += 8) {
      const a0 = A[x0 + k],
        a1 = A[x0 + k + 1],
        a2 = A[x0 + k + 2],
        a3 = A[x0 + k + 3];
      const a4 = A[x0 + k + 4],
        a5 = A[x0 + k + 5],
        a6 = A[x0 + k + 6],
        a7 = A[x0 + k + 7];
      const b0 = A[x1 + k],
        b1 = A[x1 + k + 1],
        b2 = A[x1 + k + 2],
        b3 = A[x1 + k + 3];
      const b4 = A[x1 + k + 4],
        b5 = A[x1 + k + 5],
        b6 = A[x1 + k + 6],
        b7 = A[x1 + k + 7];
      const c0 = A[x2 + k],
        c1 = A[x2 + k + 1],
        c2 = A[x2 + k + 2],
        c3 = A[x2 + k + 3];
      const c4 = A[x2 + k + 4],
        c5 = A[x2 + k + 5],
        c6 = A[x2 + k + 6],
        c7 = A[x2 + k + 7];
      const d0 = A[x3 + k],
        d1 = A[x3 + k + 1],
        d2 = A[x3 + k + 2],
        d3 = A[x3 + k + 3];
      const d4 = A[x3 + k + 4],
        d5 = A[x3 + k + 5],
        d6 = A[x3 + k + 6],
        d7 = A[x3 + k + 7];
      const w0 = k * N,
        w1 = w0 + N,
        w2 = w1 + N,
        w3 = w2 + N,
        w4 = w3 + N,
        w5 = w4 + N,
        w6 = w5 + N,
        w7 = w6 + N;
      for (let n = 0; n < N; n++) {
        const p0 = B[w0 + n],
          p1 = B[w1 + n],
          p2 = B[w2 + n],
          p3 = B[w3 + n];
        const p4 = B[w4 + n],
          p5 = B[w5 + n],
          p6 = B[w6 + n],
          p7 = B[w7 + n];
        out[o0 + n] += a0 * p0 + a1 * p1 + a2 * p2 + a3 * p3 + a4 * p4 + a5 * p5 + a6 * p6 + a7 * p7;
        out[o1 + n] += b0 * p0 + b1 * p1 + b2 * p2 + b3 * p3 + b4 * p4 + b5 * p5 + b6 * p6 + b7 * p7;
        out[o2 + n] += c0 * p0 + c1 * p1 + c2 * p2 + c3 * p3 + c4 * p4 + c5 * p5 + c6 * p6 + c7 * p7;
        out[o3 + n] += d0 * p0 + d1 * p1 + d2 * p2 + d3 * p3 + d4 * p4 + d5 * p5 + d6 * p6 + d7 * p7;
      }
    }
    for (let k = K8; k < kEnd; k++) {
      const a = A[x0 + k],
        b = A[x1 + k],
        c = A[x2 + k],
        d = A[x3 + k];
      const w0 = k * N;
      for (let n = 0; n < N; n++) {
        const p = B[w0 + n];
        out[o0 + n] += a * p;
        out[o1 + n] += b * p;
        out[o2 + n] += c * p;
        out[o3 + n] += d * p;
      }
    }
  }
  for (let m = M4; m < M; m++) matmulAddRow(out, m * N, A, m * K, B, 1, N, K, N);
}

// One row of out += a row of A times B, with B's entry (k, n) at B[k * kStride + n * nStride],
// so the same code serves B (K, N) and B (N, K)ᵀ.
function matmulAddRow(out: Buf, o: number, A: Buf, x: number, B: Buf, nStride: number, kStride: number, K: number, N: number): void {
  const K8 = K - (K % 8);
  for (let n = 0; n < N; n++) {
    const w = n * nStride;
    for (let k = 0; k < K8; k += 8) {
      const b = w + k * kStride;
      out[o + n] +=
        A[x + k] * B[b] +
        A[x + k + 1] * B[b + kStride] +
        A[x + k + 2] * B[b + 2 * kStride] +
        A[x + k + 3] * B[b + 3 * kStride] +
        A[x + k + 4] * B[b + 4 * kStride] +
        A[x + k + 5] * B[b + 5 * kStride] +
        A[x + k + 6] * B[b + 6 * kStride] +
        A[x + k + 7] * B[b + 7 * kStride];
    }
    for (let k = K8; k < K; k++) out[o + n] += A[x + k] * B[w + k * kStride];
  }
}

// Above this many entries, transposing a matrix into scratch would hold too much memory (a real GPT-2's
// unembedding is 38M entries), and it is read in place instead.
const MAX_TRANSPOSE = 1 << 22;

// Scratch for transposes, one per precision so the Float64 gradient checks stay in Float64.
let scratch32 = new Float32Array(0);
let scratch64 = new Float64Array(0);

// B (N, K) -> (K, N), in a scratch buffer the next call reuses
function transposed(B: Buf, N: number, K: number): Buf {
  let t: Buf;
  if (B instanceof Float64Array) {
    if (scratch64.length < N * K) scratch64 = new Float64Array(N * K);
    t = scratch64;
  } else {
    if (scratch32.length < N * K) scratch32 = new Float32Array(N * K);
    t = scratch32;
  }
  // Writing whole rows of the result keeps the stores sequential; strided stores are ten times slower.
  for (let k = 0; k < K; k++) for (let n = 0; n < N; n++) t[k * N + n] = B[n * K + k];
  return t;
}

// out (M, N) += A (M, K) @ B (N, K)ᵀ
// Transposing B first costs N·K moves against M·N·K multiply-adds, and lets the fast kernel run;
// for a handful of rows (the last position's logits) a kernel that reads B by rows is cheaper than
// the move. A B too big to transpose (a real GPT-2's W_u) is read in place by the scalar kernel,
// whatever M is, rather than copied into the SIMD kernels' memory on every call.
export function matmulAddTransposedB(out: Buf, A: Buf, B: Buf, M: number, K: number, N: number): void {
  checkLengths('matmulAddTransposedB', out, A, B, M * N, M * K, N * K);
  if (N * K <= MAX_TRANSPOSE) {
    if (M >= 8) {
      matmulAdd(out, A, transposed(B, N, K), M, K, N);
      return;
    }
    if (simdMatmulAddTransposedB(out, A, B, M, K, N)) return;
  }
  for (let m = 0; m < M; m++) matmulAddRow(out, m * N, A, m * K, B, K, 1, K, N);
}

// A buffer shorter than its matrix would make a kernel read past it (the SIMD kernels would read
// stale memory and give plausible numbers), so the size is checked once per product.
function checkLengths(name: string, out: Buf, A: Buf, B: Buf, outLength: number, aLength: number, bLength: number): void {
  for (const [label, buf, need] of [
    ['out', out, outLength],
    ['A', A, aLength],
    ['B', B, bLength],
  ] as const) {
    if (buf.length < need) throw new Error(`${name}: ${label} has ${buf.length} values, the product needs ${need}`);
  }
}

// out (M, N) += A (K, M)ᵀ @ B (K, N): weight gradients (summing over positions K), and attention's dV and dK.
// Float32 products transpose A and run the SIMD kernel: W_u's gradient, (V, T) @ (T, C), is the
// biggest product of a training step, and the scalar kernel below takes six times as long.
export function matmulAddTransposedA(out: Buf, A: Buf, B: Buf, K: number, M: number, N: number): void {
  checkLengths('matmulAddTransposedA', out, A, B, M * N, K * M, K * N);
  if (A instanceof Float32Array && K * M <= MAX_TRANSPOSE && simdActive()) {
    matmulAdd(out, transposed(A, K, M), B, M, K, N);
    return;
  }
  scalarMatmulAddTransposedA(out, A, B, K, M, N);
}

function scalarMatmulAddTransposedA(out: Buf, A: Buf, B: Buf, K: number, M: number, N: number): void {
  const M4 = M - (M % 4);
  const K4 = K - (K % 4);
  for (let m = 0; m < M4; m += 4) {
    const o0 = m * N,
      o1 = o0 + N,
      o2 = o1 + N,
      o3 = o2 + N;
    for (let k = 0; k < K4; k += 4) {
      const r0 = k * M + m,
        r1 = r0 + M,
        r2 = r1 + M,
        r3 = r2 + M;
      const a0 = A[r0],
        a1 = A[r1],
        a2 = A[r2],
        a3 = A[r3];
      const b0 = A[r0 + 1],
        b1 = A[r1 + 1],
        b2 = A[r2 + 1],
        b3 = A[r3 + 1];
      const c0 = A[r0 + 2],
        c1 = A[r1 + 2],
        c2 = A[r2 + 2],
        c3 = A[r3 + 2];
      const d0 = A[r0 + 3],
        d1 = A[r1 + 3],
        d2 = A[r2 + 3],
        d3 = A[r3 + 3];
      const w0 = k * N,
        w1 = w0 + N,
        w2 = w1 + N,
        w3 = w2 + N;
      for (let n = 0; n < N; n++) {
        const p = B[w0 + n],
          q = B[w1 + n],
          r = B[w2 + n],
          s = B[w3 + n];
        out[o0 + n] += a0 * p + a1 * q + a2 * r + a3 * s;
        out[o1 + n] += b0 * p + b1 * q + b2 * r + b3 * s;
        out[o2 + n] += c0 * p + c1 * q + c2 * r + c3 * s;
        out[o3 + n] += d0 * p + d1 * q + d2 * r + d3 * s;
      }
    }
    for (let k = K4; k < K; k++) {
      const r0 = k * M + m;
      const a = A[r0],
        b = A[r0 + 1],
        c = A[r0 + 2],
        d = A[r0 + 3];
      const w0 = k * N;
      for (let n = 0; n < N; n++) {
        const p = B[w0 + n];
        out[o0 + n] += a * p;
        out[o1 + n] += b * p;
        out[o2 + n] += c * p;
        out[o3 + n] += d * p;
      }
    }
  }
  for (let m = M4; m < M; m++) {
    const o0 = m * N;
    for (let k = 0; k < K; k++) {
      const a = A[k * M + m];
      const w0 = k * N;
      for (let n = 0; n < N; n++) out[o0 + n] += a * B[w0 + n];
    }
  }
}
