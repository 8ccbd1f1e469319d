import type { Buf } from './buffer';

// The three matrix products a transformer needs, register-blocked 4×4 because plain
// triple loops leave V8 three to four times slower (profiled: ~1 vs ~4 GFLOP/s).
// Each adds into `out`; callers clear or pre-fill it (e.g. with a bias).

// out (M, N) += A (M, K) @ B (K, N)
export function matmulAdd(out: Buf, A: Buf, B: Buf, M: number, K: number, N: number): void {
  const M4 = M - (M % 4);
  const K4 = K - (K % 4);
  for (let m = 0; m < M4; m += 4) {
    const o0 = m * N, o1 = o0 + N, o2 = o1 + N, o3 = o2 + N;
    const x0 = m * K, x1 = x0 + K, x2 = x1 + K, x3 = x2 + K;
    for (let k = 0; k < K4; k += 4) {
      const a0 = A[x0 + k], a1 = A[x0 + k + 1], a2 = A[x0 + k + 2], a3 = A[x0 + k + 3];
      const b0 = A[x1 + k], b1 = A[x1 + k + 1], b2 = A[x1 + k + 2], b3 = A[x1 + k + 3];
      const c0 = A[x2 + k], c1 = A[x2 + k + 1], c2 = A[x2 + k + 2], c3 = A[x2 + k + 3];
      const d0 = A[x3 + k], d1 = A[x3 + k + 1], d2 = A[x3 + k + 2], d3 = A[x3 + k + 3];
      const w0 = k * N, w1 = w0 + N, w2 = w1 + N, w3 = w2 + N;
      for (let n = 0; n < N; n++) {
        const p = B[w0 + n], q = B[w1 + n], r = B[w2 + n], s = B[w3 + n];
        out[o0 + n] += a0 * p + a1 * q + a2 * r + a3 * s;
        out[o1 + n] += b0 * p + b1 * q + b2 * r + b3 * s;
        out[o2 + n] += c0 * p + c1 * q + c2 * r + c3 * s;
        out[o3 + n] += d0 * p + d1 * q + d2 * r + d3 * s;
      }
    }
    for (let k = K4; k < K; k++) {
      const a = A[x0 + k], b = A[x1 + k], c = A[x2 + k], d = A[x3 + k];
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
    const x0 = m * K;
    for (let k = 0; k < K; k++) {
      const a = A[x0 + k];
      const w0 = k * N;
      for (let n = 0; n < N; n++) out[o0 + n] += a * B[w0 + n];
    }
  }
}

// out (M, N) += A (M, K) @ B (N, K)ᵀ: every entry a dot product of two contiguous rows
export function matmulAddTransposedB(out: Buf, A: Buf, B: Buf, M: number, K: number, N: number): void {
  const M2 = M - (M % 2);
  const N4 = N - (N % 4);
  for (let m = 0; m < M2; m += 2) {
    const xa = m * K, xb = xa + K;
    for (let n = 0; n < N4; n += 4) {
      const w0 = n * K, w1 = w0 + K, w2 = w1 + K, w3 = w2 + K;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
      for (let k = 0; k < K; k++) {
        const u = A[xa + k], v = A[xb + k];
        const p = B[w0 + k], q = B[w1 + k], r = B[w2 + k], s = B[w3 + k];
        a0 += u * p; a1 += u * q; a2 += u * r; a3 += u * s;
        b0 += v * p; b1 += v * q; b2 += v * r; b3 += v * s;
      }
      const oa = m * N + n, ob = oa + N;
      out[oa] += a0; out[oa + 1] += a1; out[oa + 2] += a2; out[oa + 3] += a3;
      out[ob] += b0; out[ob + 1] += b1; out[ob + 2] += b2; out[ob + 3] += b3;
    }
    for (let n = N4; n < N; n++) {
      const w0 = n * K;
      let a = 0, b = 0;
      for (let k = 0; k < K; k++) {
        a += A[xa + k] * B[w0 + k];
        b += A[xb + k] * B[w0 + k];
      }
      out[m * N + n] += a;
      out[(m + 1) * N + n] += b;
    }
  }
  for (let m = M2; m < M; m++) {
    const xa = m * K;
    for (let n = 0; n < N; n++) {
      const w0 = n * K;
      let a = 0;
      for (let k = 0; k < K; k++) a += A[xa + k] * B[w0 + k];
      out[m * N + n] += a;
    }
  }
}

// out (M, N) += A (K, M)ᵀ @ B (K, N): weight gradients, summing over positions K
export function matmulAddTransposedA(out: Buf, A: Buf, B: Buf, K: number, M: number, N: number): void {
  const M4 = M - (M % 4);
  const K4 = K - (K % 4);
  for (let m = 0; m < M4; m += 4) {
    const o0 = m * N, o1 = o0 + N, o2 = o1 + N, o3 = o2 + N;
    for (let k = 0; k < K4; k += 4) {
      const r0 = k * M + m, r1 = r0 + M, r2 = r1 + M, r3 = r2 + M;
      const a0 = A[r0], a1 = A[r1], a2 = A[r2], a3 = A[r3];
      const b0 = A[r0 + 1], b1 = A[r1 + 1], b2 = A[r2 + 1], b3 = A[r3 + 1];
      const c0 = A[r0 + 2], c1 = A[r1 + 2], c2 = A[r2 + 2], c3 = A[r3 + 2];
      const d0 = A[r0 + 3], d1 = A[r1 + 3], d2 = A[r2 + 3], d3 = A[r3 + 3];
      const w0 = k * N, w1 = w0 + N, w2 = w1 + N, w3 = w2 + N;
      for (let n = 0; n < N; n++) {
        const p = B[w0 + n], q = B[w1 + n], r = B[w2 + n], s = B[w3 + n];
        out[o0 + n] += a0 * p + a1 * q + a2 * r + a3 * s;
        out[o1 + n] += b0 * p + b1 * q + b2 * r + b3 * s;
        out[o2 + n] += c0 * p + c1 * q + c2 * r + c3 * s;
        out[o3 + n] += d0 * p + d1 * q + d2 * r + d3 * s;
      }
    }
    for (let k = K4; k < K; k++) {
      const r0 = k * M + m;
      const a = A[r0], b = A[r0 + 1], c = A[r0 + 2], d = A[r0 + 3];
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
