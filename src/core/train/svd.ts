import { timesInRowBlocks } from './rowBlocks';
import type { Rng } from '../rng';

// Truncated SVD by randomized range finding (Halko, Martinsson & Tropp 2011): a few products with
// the big matrix, then an exact eigen-decomposition of a small one.

export interface TruncatedSvd {
  u: Float32Array; // (M, k) left singular vectors as columns
  s: Float64Array; // (k) singular values, largest first
}

/** Orthonormalise the columns of Y (M, L) in place (modified Gram-Schmidt, twice for stability). */
export function orthonormalizeColumns(Y: Float32Array, M: number, L: number): void {
  const cols = Array.from({ length: L }, (_, j) => {
    const col = new Float64Array(M);
    for (let i = 0; i < M; i++) col[i] = Y[i * L + j];
    return col;
  });
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < L; j++) {
      const cj = cols[j];
      for (let p = 0; p < j; p++) {
        const cp = cols[p];
        let d = 0;
        for (let i = 0; i < M; i++) d += cp[i] * cj[i];
        for (let i = 0; i < M; i++) cj[i] -= d * cp[i];
      }
      let norm = 0;
      for (let i = 0; i < M; i++) norm += cj[i] * cj[i];
      norm = Math.sqrt(norm) || 1;
      for (let i = 0; i < M; i++) cj[i] /= norm;
    }
  }
  for (let j = 0; j < L; j++) for (let i = 0; i < M; i++) Y[i * L + j] = cols[j][i];
}

/** Eigen-decomposition of a symmetric (n, n) matrix by cyclic Jacobi rotations; eigenvalues descending. */
export function symmetricEigen(A: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(A);
  const vec = new Float64Array(n * n); // (n, n) columns are eigenvectors
  for (let i = 0; i < n; i++) vec[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p],
            akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k],
            aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = vec[k * n + p],
            vkq = vec[k * n + q];
          vec[k * n + p] = c * vkp - s * vkq;
          vec[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j] - a[i * n + i]);
  const values = Float64Array.from(order, (i) => a[i * n + i]);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    for (let k = 0; k < n; k++) vectors[k * n + dst] = vec[k * n + src];
  });
  return { values, vectors };
}

/** Top-k singular values and left singular vectors of A (M, N), row-major. */
export function truncatedSvd(A: Float32Array, M: number, N: number, k: number, rng: Rng, powerIterations = 6): TruncatedSvd {
  if (A.length !== M * N) throw new Error(`truncatedSvd: ${A.length} values for a (${M}, ${N}) matrix`);
  // Aᵀ once, so that both products read rows: (N, M)
  const At = new Float32Array(N * M);
  for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) At[j * M + i] = A[i * N + j];
  const L = Math.min(k + 32, M, N);
  const omega = new Float32Array(N * L); // (N, L)
  for (let i = 0; i < omega.length; i++) omega[i] = rng.normal();
  let Y = new Float32Array(M * L); // (M, L)
  timesInRowBlocks(Y, A, omega, M, N, L);
  orthonormalizeColumns(Y, M, L);
  for (let it = 0; it < powerIterations; it++) {
    const Z = new Float32Array(N * L); // (N, L) = Aᵀ Y
    timesInRowBlocks(Z, At, Y, N, M, L);
    orthonormalizeColumns(Z, N, L);
    Y = new Float32Array(M * L);
    timesInRowBlocks(Y, A, Z, M, N, L);
    orthonormalizeColumns(Y, M, L);
  }
  const Bt = new Float32Array(N * L); // (N, L) = (Yᵀ A)ᵀ
  timesInRowBlocks(Bt, At, Y, N, M, L);
  const BBt = new Float64Array(L * L);
  for (let i = 0; i < L; i++) {
    for (let j = i; j < L; j++) {
      let d = 0;
      for (let c = 0; c < N; c++) d += Bt[c * L + i] * Bt[c * L + j];
      BBt[i * L + j] = d;
      BBt[j * L + i] = d;
    }
  }
  const { values, vectors } = symmetricEigen(BBt, L);
  const u = new Float32Array(M * k); // (M, k) = Y @ eigenvectors[:, :k]
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < k; j++) {
      let d = 0;
      for (let l = 0; l < L; l++) d += Y[i * L + l] * vectors[l * L + j];
      u[i * k + j] = d;
    }
  }
  const s = Float64Array.from(values.subarray(0, k), (x) => Math.sqrt(Math.max(0, x)));
  return { u, s };
}
