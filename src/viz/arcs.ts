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

const LINE_ROW = 22;
/** Wider than this, the lines stretch without showing anything more. */
const LINES_MAX_WIDTH = 520;
/** Lines below this weight are left out: at 1% they would only be noise. */
const LINES_MIN_WEIGHT = 0.01;
/** The most characters a token label in either column shows. */
export const LINE_LABEL_CHARS = 12;

export interface AttentionLinesFigure {
  width: number;
  height: number;
  x1: number; // the query column's right edge, where lines start
  x2: number; // the key column's left edge, where they end
  queryLabelX: number; // the query labels' right edge
  keyLabelX: number; // the key labels' left edge
  rowY: number[]; // each token's centre line, in both columns
  lines: (AttentionLine & { d: string; strokeWidth: number; strokeOpacity: number })[];
}

/** The selected query's lines, as cubic curves between the two columns, thicker and darker for larger weights. */
export function attentionLinesFigure(weights: ArrayLike<number>, T: number, query: number, width: number): AttentionLinesFigure {
  const w = Math.min(width, LINES_MAX_WIDTH);
  const colW = Math.min(120, w * 0.32);
  const x1 = colW;
  const x2 = w - colW;
  const lines = layoutAttentionLines(weights, T, LINE_ROW, query, LINES_MIN_WEIGHT).map((l) => ({
    ...l,
    d: `M${x1},${l.y1} C${(x1 + x2) / 2},${l.y1} ${(x1 + x2) / 2},${l.y2} ${x2},${l.y2}`,
    strokeWidth: 0.5 + l.weight * 9,
    strokeOpacity: 0.25 + l.weight * 0.75,
  }));
  const rowY = Array.from({ length: T }, (_, i) => (i + 0.5) * LINE_ROW);
  return { width: w, height: T * LINE_ROW + 4, x1, x2, queryLabelX: x1 - 6, keyLabelX: x2 + 6, rowY, lines };
}
