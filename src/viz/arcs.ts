// Attention drawn as lines between two columns of tokens: a query on the left, the keys it reads on the right.

export interface AttentionLine {
  from: number; // query position
  to: number; // key position
  weight: number;
  y1: number;
  y2: number;
}

/**
 * Lines for every (query, key) pair with a weight of at least `minWeight`, or only the selected
 * query's lines when `query` is given. weights is one head's (T, T) matrix, row-major.
 */
export function layoutAttentionLines(
  weights: ArrayLike<number>,
  T: number,
  rowHeight: number,
  query: number | null,
  minWeight = 0.02,
): AttentionLine[] {
  const lines: AttentionLine[] = [];
  const rows = query === null ? [...Array(T).keys()] : [query];
  for (const t of rows) {
    for (let s = 0; s <= t; s++) {
      const weight = weights[t * T + s];
      if (weight >= minWeight) lines.push({ from: t, to: s, weight, y1: (t + 0.5) * rowHeight, y2: (s + 0.5) * rowHeight });
    }
  }
  return lines;
}
