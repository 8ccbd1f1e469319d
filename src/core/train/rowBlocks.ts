import { matmulAdd } from '../ops/matmul';
import { MAX_COPIED } from '../ops/simd';

// out (M, L) += A (M, N) @ X (N, L) for a big dense A, such as the (V, V) PPMI matrix, a block of its rows at a
// time: each block fits the SIMD kernels' memory, so the whole product runs at their speed instead of falling back
// to the scalar kernel. For the (8192, 8192) PPMI matrix that is about two and a half times as fast as
// the sparse scalar products it replaced, though those skipped the nine tenths of entries that are zero.

/** The most rows of A (M, N) that one SIMD call takes with X (N, L) and out: A's block, X and out together are copied. */
export function rowsPerSimdCall(N: number, L: number): number {
  return Math.max(1, Math.floor((MAX_COPIED - N * L) / (N + L)));
}

export function timesInRowBlocks(
  out: Float32Array,
  A: Float32Array,
  X: Float32Array,
  M: number,
  N: number,
  L: number,
  blockRows = rowsPerSimdCall(N, L),
): void {
  if (!Number.isInteger(blockRows) || blockRows < 1) throw new Error(`timesInRowBlocks: ${blockRows} rows per block`);
  for (let r = 0; r < M; r += blockRows) {
    const n = Math.min(blockRows, M - r);
    matmulAdd(out.subarray(r * L, (r + n) * L), A.subarray(r * N, (r + n) * N), X, n, N, L);
  }
}
