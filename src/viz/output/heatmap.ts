import { divergingColor } from '../colors';

// W_u summarised: the rows of the top-k tokens as a heatmap, beside the last vector as one strip.

export interface WuCell {
  row: number; // index into the chosen tokens
  col: number; // channel c
  x: number;
  y: number;
  value: number;
  fill: string;
}

function maxAbsOf(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}

/**
 * wu (V, C) rows `ids` -> cells (ids.length × C) of size cell × rowHeight. One colour scale for the
 * matrix and another for the vector, because their magnitudes differ by an order or more.
 */
export function layoutWuRows(
  wu: Float32Array,
  C: number,
  ids: readonly number[],
  cell: number,
  rowHeight: number,
): { cells: WuCell[]; width: number; height: number; maxAbs: number } {
  let maxAbs = 0;
  for (const id of ids) maxAbs = Math.max(maxAbs, maxAbsOf(wu.subarray(id * C, (id + 1) * C)));
  const colour = divergingColor(maxAbs > 0 ? maxAbs : 1);
  const cells: WuCell[] = [];
  ids.forEach((id, row) => {
    for (let c = 0; c < C; c++) {
      const value = wu[id * C + c];
      cells.push({ row, col: c, x: c * cell, y: row * rowHeight, value, fill: colour(value) });
    }
  });
  return { cells, width: C * cell, height: ids.length * rowHeight, maxAbs };
}

/** The last vector (C) as one row of cells. */
export function layoutStrip(vector: ArrayLike<number>, cell: number, height: number): { x: number; value: number; fill: string }[] {
  const colour = divergingColor(maxAbsOf(vector) || 1);
  return Array.from(vector, (value, c) => ({ x: c * cell, value, fill: colour(value), height }));
}
