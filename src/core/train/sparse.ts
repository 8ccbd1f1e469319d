// A matrix stored by rows with only its nonzero entries (compressed sparse rows). PPMI keeps about one
// co-occurrence in eleven, so the products of the embedding's SVD touch a tenth of what a dense matrix would.

export interface SparseRows {
  rows: number;
  cols: number;
  rowStart: Int32Array; // (rows + 1) where each row's entries begin in `col` and `value`
  col: Int32Array; // (nonzeros) column of each entry, ascending within a row
  value: Float32Array; // (nonzeros)
}

/** Dense (M, N) row-major -> sparse rows, dropping exact zeros. */
export function sparseFromDense(A: Float32Array, M: number, N: number): SparseRows {
  if (A.length !== M * N) throw new Error(`sparseFromDense: ${A.length} values for a (${M}, ${N}) matrix`);
  let nonzeros = 0;
  for (let i = 0; i < A.length; i++) if (A[i] !== 0) nonzeros++;
  const rowStart = new Int32Array(M + 1);
  const col = new Int32Array(nonzeros);
  const value = new Float32Array(nonzeros);
  let next = 0;
  for (let r = 0; r < M; r++) {
    rowStart[r] = next;
    for (let c = 0; c < N; c++) {
      const x = A[r * N + c];
      if (x === 0) continue;
      col[next] = c;
      value[next++] = x;
    }
  }
  rowStart[M] = next;
  return { rows: M, cols: N, rowStart, col, value };
}

/** out (M, L) += A (M, N) · X (N, L) */
export function sparseTimes(out: Float32Array, A: SparseRows, X: Float32Array, L: number): void {
  for (let r = 0; r < A.rows; r++) {
    const o = r * L;
    for (let e = A.rowStart[r]; e < A.rowStart[r + 1]; e++) {
      const a = A.value[e];
      const x = A.col[e] * L;
      for (let j = 0; j < L; j++) out[o + j] += a * X[x + j];
    }
  }
}

/** out (N, L) += Aᵀ (N, M) · X (M, L) */
export function sparseTransposedTimes(out: Float32Array, A: SparseRows, X: Float32Array, L: number): void {
  for (let r = 0; r < A.rows; r++) {
    const x = r * L;
    for (let e = A.rowStart[r]; e < A.rowStart[r + 1]; e++) {
      const a = A.value[e];
      const o = A.col[e] * L;
      for (let j = 0; j < L; j++) out[o + j] += a * X[x + j];
    }
  }
}
