import type { Tensor } from './tensor';
import { topK, type Ranked } from './topk';

// A direction such as woman − man, and where every vocabulary token falls along it.

/** Each row's coordinate along the unit vector `unit`: (V, C) · (C) -> (V). */
export function projectRows(matrix: Tensor, unit: ArrayLike<number>): Float32Array {
  const [V, C] = matrix.shape;
  const out = new Float32Array(V);
  for (let v = 0; v < V; v++) {
    let s = 0;
    const base = v * C;
    for (let c = 0; c < C; c++) s += matrix.data[base + c] * unit[c];
    out[v] = s;
  }
  return out;
}

/** The k candidate tokens furthest along the direction (high) and furthest against it (low), most extreme first. */
export function directionEnds(
  scores: Float32Array,
  k: number,
  candidate: (id: number) => boolean = () => true,
): { high: Ranked[]; low: Ranked[] } {
  const masked = (sign: 1 | -1) => Float64Array.from(scores, (s, id) => (candidate(id) ? sign * s : -Infinity));
  const high = topK(masked(1), k);
  const low = topK(masked(-1), k).map((r) => ({ index: r.index, value: -r.value }));
  return { high, low };
}

/** How many tokens the lab lists at each end of a direction. */
export const DIRECTION_ENDS = 8;

/** How far the slider may move a word: ±this many lengths of the direction's own difference vector. */
export const MAX_STEPS = 3;

/** vector + α · unit, with α clamped to ±limit so a hand-edited URL cannot throw the point off the map. (C) -> (C) */
export function moveAlong(vector: ArrayLike<number>, unit: ArrayLike<number>, alpha: number, limit: number): Float32Array {
  const a = Number.isFinite(alpha) ? Math.max(-limit, Math.min(limit, alpha)) : 0;
  return Float32Array.from({ length: vector.length }, (_, c) => vector[c] + a * unit[c]);
}
