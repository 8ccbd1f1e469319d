// Flattening a handful of C-dimensional vectors onto a page: either their two principal components,
import { dot } from './vec';
// or two directions the reader names (man → woman against man → king).
//
// PCA works on the small n×n Gram matrix of the centred vectors rather than the C×C covariance:
// the picture shows at most a few dozen vectors, so n ≪ C and the eigenproblem stays tiny.

export interface PrincipalAxes {
  mean: Float64Array; // (C)
  axes: Float64Array[]; // (k, C) orthonormal; fewer than asked when the vectors span fewer dimensions
  variances: number[]; // (k) variance of the vectors along each axis, largest first
}

const SWEEPS = 100;

/**
 * All eigenpairs of a symmetric n×n matrix by cyclic Jacobi rotations, largest eigenvalue first.
 * Power iteration is simpler but can start orthogonal to the top eigenvector when eigenvalues tie
 * (several words at the same distance); Jacobi has no such blind spot and n is tiny.
 */
function symmetricEigen(matrix: readonly Float64Array[]): { value: number; vector: Float64Array }[] {
  const n = matrix.length;
  const a = matrix.map((row) => Float64Array.from(row)); // (n, n), driven towards diagonal
  const v = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))); // (n, n) columns = eigenvectors
  // Convergence is judged relative to the matrix's own size, so tiny vectors are diagonalised as fully as large ones.
  let size = 0;
  for (const row of a) for (const x of row) size += x * x;
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
    if (!(off > 1e-30 * size)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => ({ value: a[i][i], vector: Float64Array.from(v, (row) => row[i]) })).sort(
    (x, y) => y.value - x.value,
  );
}

/** The top `count` principal axes of `vectors` (n, C). */
export function principalAxes(vectors: readonly ArrayLike<number>[], count = 2): PrincipalAxes {
  const n = vectors.length;
  const C = n > 0 ? vectors[0].length : 0;
  const mean = new Float64Array(C);
  for (const v of vectors) for (let c = 0; c < C; c++) mean[c] += v[c] / n;
  const centred = vectors.map((v) => Float64Array.from({ length: C }, (_, c) => v[c] - mean[c])); // (n, C)
  // Directions do not depend on scale, so they are found on the vectors scaled to unit size: the eigen
  // solver then sees the same numbers for vectors of size 1e-120 or 1e120, with nothing under- or overflowing.
  let extent = 0;
  for (const v of centred) for (const x of v) extent = Math.max(extent, Math.abs(x));
  const scaled = centred.map((v) => v.map((x) => x / extent)); // (n, C)
  const gram = scaled.map((a) => Float64Array.from(scaled, (b) => dot(a, b))); // (n, n)
  const total = gram.reduce((s, row, i) => s + row[i], 0);

  const axes: Float64Array[] = [];
  const variances: number[] = [];
  const pairs = symmetricEigen(gram);
  for (const { value, vector: u } of pairs.slice(0, count)) {
    if (!(total > 0 && value > 1e-9 * total)) break;
    // v = Xᵀu / √λ is the unit principal direction in C dimensions belonging to Gram eigenvector u.
    const axis = new Float64Array(C);
    for (let i = 0; i < n; i++) for (let c = 0; c < C; c++) axis[c] += u[i] * scaled[i][c];
    // Rounding leaves the axes a hair from orthogonal; re-orthogonalising keeps them a true basis.
    for (const previous of axes) {
      const overlap = dot(axis, previous);
      for (let c = 0; c < C; c++) axis[c] -= overlap * previous[c];
    }
    const length = Math.sqrt(dot(axis, axis));
    if (!(length > 0)) break;
    for (let c = 0; c < C; c++) axis[c] /= length;
    // Eigenvectors have no sign; pick the one whose largest component is positive so the picture is stable.
    let largest = 0;
    for (let c = 1; c < C; c++) if (Math.abs(axis[c]) > Math.abs(axis[largest])) largest = c;
    if (axis[largest] < 0) for (let c = 0; c < C; c++) axis[c] = -axis[c];
    axes.push(axis);
    variances.push(centred.reduce((sum, x) => sum + dot(x, axis) ** 2, 0) / n);
  }
  return { mean, axes, variances };
}

/** Coordinates of each vector along each axis, measured from `origin`: (n, C) -> (n, k). */
export function projectOnto(
  vectors: readonly ArrayLike<number>[],
  axes: readonly ArrayLike<number>[],
  origin?: ArrayLike<number>,
): number[][] {
  return vectors.map((v) =>
    axes.map((axis) => {
      let s = 0;
      for (let c = 0; c < axis.length; c++) s += (v[c] - (origin ? origin[c] : 0)) * axis[c];
      return s;
    }),
  );
}

/** The unit vector pointing from `from` to `to`, or null when they coincide. (C), (C) -> (C) */
export function unitDirection(from: ArrayLike<number>, to: ArrayLike<number>): Float64Array | null {
  const d = Float64Array.from({ length: to.length }, (_, c) => to[c] - from[c]);
  // Scaled to its largest component first, so squaring neither underflows (1e-161² is subnormal,
  // and its square root inexact) nor overflows.
  const largest = d.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  if (!(largest > 0 && Number.isFinite(largest))) return null;
  const scaled = d.map((x) => x / largest);
  const length = Math.sqrt(dot(scaled, scaled));
  return scaled.map((x) => x / length);
}
