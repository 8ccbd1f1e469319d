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
