import type { Tensor } from './tensor';

// Nearest neighbours in an embedding matrix, used by the command line, the embedding lab and the tests.

export type Similarity = 'cosine' | 'dot';

export interface Neighbour {
  id: number;
  score: number;
}

/**
 * Row norms of (V, C), computed once per matrix and reused for every query. The cache is keyed by the array, so it
 * assumes the matrix never changes: a caller that edits one in place (the training loop's W_e) searches a copy.
 */
const normCache = new WeakMap<Float32Array, Float32Array>();

export function rowNorms(matrix: Tensor): Float32Array {
  let norms = normCache.get(matrix.data);
  if (!norms) {
    const [V, C] = matrix.shape;
    norms = new Float32Array(V);
    for (let v = 0; v < V; v++) {
      let s = 0;
      for (let c = 0; c < C; c++) s += matrix.data[v * C + c] ** 2;
      norms[v] = Math.sqrt(s);
    }
    normCache.set(matrix.data, norms);
  }
  return norms;
}

/** The k rows of `matrix` (V, C) most similar to `query` (C), best first, among `candidate` ids not in `exclude`. */
export function nearestRows(
  matrix: Tensor,
  query: ArrayLike<number>,
  options: { k: number; similarity?: Similarity; exclude?: Iterable<number>; candidate?: (id: number) => boolean },
): Neighbour[] {
  const [V, C] = matrix.shape;
  const similarity = options.similarity ?? 'cosine';
  const excluded = new Set(options.exclude ?? []);
  const norms = similarity === 'cosine' ? rowNorms(matrix) : null;
  let qNorm = 0;
  for (let c = 0; c < C; c++) qNorm += query[c] * query[c];
  qNorm = Math.sqrt(qNorm) || 1;
  const best: Neighbour[] = [];
  const data = matrix.data;
  for (let v = 0; v < V; v++) {
    if (excluded.has(v) || (options.candidate && !options.candidate(v))) continue;
    let d = 0;
    const base = v * C;
    for (let c = 0; c < C; c++) d += data[base + c] * query[c];
    const score = norms ? d / ((norms[v] || 1) * qNorm) : d;
    if (best.length < options.k) best.push({ id: v, score });
    else if (score > best[best.length - 1].score) best[best.length - 1] = { id: v, score };
    else continue;
    for (let i = best.length - 1; i > 0 && best[i - 1].score < best[i].score; i--) {
      [best[i - 1], best[i]] = [best[i], best[i - 1]];
    }
  }
  return best;
}

/** a − b + c from rows of `matrix`, the classic analogy query (king − man + woman). */
export function analogyVector(matrix: Tensor, a: number, b: number, c: number): Float32Array {
  return combineRows(matrix, [
    { id: a, weight: 1 },
    { id: b, weight: -1 },
    { id: c, weight: 1 },
  ]);
}

/** Σ weightᵢ · matrix[idᵢ], the result of an expression such as 2*queen - king. */
export function combineRows(matrix: Tensor, terms: readonly { id: number; weight: number }[]): Float32Array {
  const C = matrix.shape[1];
  const out = new Float32Array(C);
  for (const { id, weight } of terms) {
    for (let c = 0; c < C; c++) out[c] += weight * matrix.data[id * C + c];
  }
  return out;
}
