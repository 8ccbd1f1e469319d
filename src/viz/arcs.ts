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
/**
 * Up to this many tokens (the default model's whole context) both columns list every token. GPT-2's
 * 1,024 would make columns 22,000px tall: a longer text lists only the query and the keys its lines
 * reach, each with its position, since a long text repeats its words.
 */
export const LINES_ALL_TOKENS = 128;
/** In a longer text, the query's lines go to at most this many keys, its strongest. */
export const LINES_MOST_KEYS = 24;

export interface AttentionLinesFigure {
  width: number;
  height: number;
  x1: number; // the query column's right edge, where lines start
  x2: number; // the key column's left edge, where they end
  queryLabelX: number; // the query labels' right edge
  keyLabelX: number; // the key labels' left edge
  /** The token positions both columns list, in text order: every token, or in a long text the query and its keys. */
  listed: number[];
  /** Whether the labels carry their positions: when tokens are left out between them. */
  numbered: boolean;
  /** The most characters of a token each label shows: LINE_LABEL_CHARS, less the room a position takes. */
  tokenChars: number;
  rowY: number[]; // each listed token's centre line, in both columns
  lines: (AttentionLine & { d: string; strokeWidth: number; strokeOpacity: number })[];
}

/** The selected query's lines, as cubic curves between the two columns, thicker and darker for larger weights. */
export function attentionLinesFigure(weights: ArrayLike<number>, T: number, query: number, width: number): AttentionLinesFigure {
  const w = Math.min(width, LINES_MAX_WIDTH);
  const colW = Math.min(120, w * 0.32);
  const x1 = colW;
  const x2 = w - colW;
  const listsAll = T <= LINES_ALL_TOKENS;
  const reached = layoutAttentionLines(weights, T, LINE_ROW, query, LINES_MIN_WEIGHT);
  // In text order, as layoutAttentionLines gives them; a long text keeps the strongest.
  const kept = listsAll
    ? reached
    : [...reached]
        .sort((a, b) => b.weight - a.weight)
        .slice(0, LINES_MOST_KEYS)
        .sort((a, b) => a.to - b.to);
  const listed = listsAll ? [...Array(T).keys()] : [...new Set([...kept.map((l) => l.to), query])].sort((a, b) => a - b);
  const rowY = listed.map((_, i) => (i + 0.5) * LINE_ROW);
  const yOf = new Map(listed.map((position, i) => [position, rowY[i]]));
  const lines = kept.map((l) => {
    const y1 = yOf.get(l.from) ?? 0;
    const y2 = yOf.get(l.to) ?? 0;
    return {
      ...l,
      y1,
      y2,
      d: `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`,
      strokeWidth: 0.5 + l.weight * 9,
      strokeOpacity: 0.25 + l.weight * 0.75,
    };
  });
  const numbered = !listsAll;
  const tokenChars = numbered ? LINE_LABEL_CHARS - String(T - 1).length - 1 : LINE_LABEL_CHARS;
  return {
    width: w,
    height: listed.length * LINE_ROW + 4,
    x1,
    x2,
    queryLabelX: x1 - 6,
    keyLabelX: x2 + 6,
    listed,
    numbered,
    tokenChars,
    rowY,
    lines,
  };
}
