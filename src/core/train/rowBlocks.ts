import { matmulAdd } from '../ops/matmul';

// out (M, L) += A (M, N) @ X (N, L) for a big dense A, such as the (V, V) PPMI matrix, a block of its rows at a
// time: each block fits the SIMD kernels' memory, so the whole product runs at their speed instead of falling back
// to the scalar kernel. For the (8192, 8192) PPMI matrix that is about two and a half times as fast as
// the sparse scalar products it replaced, though those skipped the nine tenths of entries that are zero.

// Values of A per block: with the thin matrices, well within what the kernels copy in one call.
const BLOCK_VALUES = 1 << 21;

export function timesInRowBlocks(
  out: Float32Array,
  A: Float32Array,
  X: Float32Array,
  M: number,
  N: number,
  L: number,
  blockRows = Math.max(1, Math.floor(BLOCK_VALUES / N)),
): void {
  for (let r = 0; r < M; r += blockRows) {
    const n = Math.min(blockRows, M - r);
    matmulAdd(out.subarray(r * L, (r + n) * L), A.subarray(r * N, (r + n) * N), X, n, N, L);
  }
}
