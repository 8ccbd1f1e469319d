// Flattening a handful of C-dimensional vectors onto a page: either their two principal components,
// or two directions the reader names (man → woman against common → royal).
//
// PCA works on the small n×n Gram matrix of the centred vectors rather than the C×C covariance:
// the picture shows at most a few dozen vectors, so n ≪ C and the eigenproblem stays tiny.

export interface PrincipalAxes {
  mean: Float64Array; // (C)
  axes: Float64Array[]; // (k, C) orthonormal; fewer than asked when the vectors span fewer dimensions
  variances: number[]; // (k) variance of the vectors along each axis, largest first
}

const ITERATIONS = 500;
const TOLERANCE = 1e-12;

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Largest eigenpair of a symmetric positive semi-definite n×n matrix, by power iteration. */
function topEigen(gram: Float64Array[], n: number): { value: number; vector: Float64Array } {
  // Start from the column with the largest norm: it lies in the matrix's range, so it is never
  // orthogonal to every eigenvector with a non-zero eigenvalue.
  let start = 0;
  let bestNorm = -1;
  for (let j = 0; j < n; j++) {
    const norm = gram.reduce((s, row) => s + row[j] * row[j], 0);
    if (norm > bestNorm) [bestNorm, start] = [norm, j];
  }
  let v = Float64Array.from(gram, (row) => row[start]);
  let value = 0;
  for (let it = 0; it < ITERATIONS; it++) {
    const norm = Math.sqrt(dot(v, v));
    if (norm === 0) return { value: 0, vector: v };
    v = v.map((x) => x / norm);
    const next = Float64Array.from(gram, (row) => dot(row, v));
    const nextValue = dot(v, next);
    v = next;
    if (Math.abs(nextValue - value) <= TOLERANCE * Math.max(1, Math.abs(nextValue))) {
      value = nextValue;
      break;
    }
    value = nextValue;
  }
  const norm = Math.sqrt(dot(v, v));
  return { value, vector: norm === 0 ? v : v.map((x) => x / norm) };
}

/** The top `count` principal axes of `vectors` (n, C). */
export function principalAxes(vectors: readonly ArrayLike<number>[], count = 2): PrincipalAxes {
  const n = vectors.length;
  const C = n > 0 ? vectors[0].length : 0;
  const mean = new Float64Array(C);
  for (const v of vectors) for (let c = 0; c < C; c++) mean[c] += v[c] / n;
  const centred = vectors.map((v) => Float64Array.from({ length: C }, (_, c) => v[c] - mean[c])); // (n, C)
  const gram = centred.map((a) => Float64Array.from(centred, (b) => dot(a, b))); // (n, n)
  const total = gram.reduce((s, row, i) => s + row[i], 0);

  const axes: Float64Array[] = [];
  const variances: number[] = [];
  for (let k = 0; k < count; k++) {
    const { value, vector: u } = topEigen(gram, n);
    if (!(value > 1e-9 * Math.max(total, 1e-30))) break;
    // v = Xᵀu / √λ is the unit principal direction in C dimensions belonging to Gram eigenvector u.
    const axis = new Float64Array(C);
    for (let i = 0; i < n; i++) for (let c = 0; c < C; c++) axis[c] += u[i] * centred[i][c];
    // Power iteration stops short when two eigenvalues are nearly equal; re-orthogonalising keeps the axes a true basis.
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
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) gram[i][j] -= value * u[i] * u[j]; // deflate
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
  const length = Math.sqrt(dot(d, d));
  if (!(length > 0)) return null;
  return d.map((x) => x / length);
}
