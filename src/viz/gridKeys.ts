// The keys that move the read cell of a figure drawn as a grid, the same in every such figure: an arrow moves one
// row or one column, Home and End go to the first and last column of the row.

export type GridMove = { kind: 'by'; rows: number; cols: number } | { kind: 'rowStart' } | { kind: 'rowEnd' };

const MOVES: Record<string, GridMove> = {
  ArrowUp: { kind: 'by', rows: -1, cols: 0 },
  ArrowDown: { kind: 'by', rows: 1, cols: 0 },
  ArrowLeft: { kind: 'by', rows: 0, cols: -1 },
  ArrowRight: { kind: 'by', rows: 0, cols: 1 },
  Home: { kind: 'rowStart' },
  End: { kind: 'rowEnd' },
};

/** How `key` moves the read cell, or null for a key that does not move it. */
export function gridKeyMove(key: string): GridMove | null {
  return Object.hasOwn(MOVES, key) ? MOVES[key] : null;
}

/**
 * Where `key` moves focus from item `i` of a list of `n` laid out in reading order (token chips that wrap onto
 * lines): an arrow goes to the previous or next item, Home and End to the first and last; null for any other key.
 */
export function listKeyStep(key: string, i: number, n: number): number | null {
  const move = gridKeyMove(key);
  if (move === null) return null;
  if (move.kind === 'rowStart') return 0;
  if (move.kind === 'rowEnd') return n - 1;
  return Math.min(Math.max(i + move.rows + move.cols, 0), n - 1);
}
