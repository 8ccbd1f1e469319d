import { divergingColor } from '../colors';
import { gridKeyMove } from '../gridKeys';

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

const WU_ROW = 16;
const STRIP_GAP = 10;
const WU_LABEL_W = 92;
/** Room right of the rows for each row's "= logit". */
const LOGIT_W = 70;

export interface WuFigure {
  cell: number; // a channel's width: 4 to 8px, so C channels fit about 400px
  rowH: number;
  width: number;
  height: number;
  labelX: number; // the right edge of the row labels
  strip: { x: number; y: number; fill: string }[]; // the last vector, on top
  stripTextY: number;
  cells: WuCell[]; // W_u's chosen rows, under the strip
  rowTextY: number[]; // each row's baseline, for its token and its logit
  logitX: number;
}

/** The strip of the last vector over W_u's rows `ids`, channel under channel, with labels left and logits right. */
export function layoutWuFigure(wu: Float32Array, vector: Float32Array, ids: readonly number[]): WuFigure {
  const C = vector.length;
  const cell = Math.max(4, Math.min(8, Math.floor(400 / C)));
  const matrix = layoutWuRows(wu, C, ids, cell, WU_ROW);
  const top = WU_ROW + STRIP_GAP;
  return {
    cell,
    rowH: WU_ROW,
    width: WU_LABEL_W + matrix.width + LOGIT_W,
    height: top + matrix.height,
    labelX: WU_LABEL_W - 6,
    strip: layoutStrip(vector, cell, WU_ROW).map((s) => ({ x: WU_LABEL_W + s.x, y: 0, fill: s.fill })),
    stripTextY: WU_ROW - 4,
    cells: matrix.cells.map((c) => ({ ...c, x: WU_LABEL_W + c.x, y: top + c.y })),
    rowTextY: ids.map((_, row) => top + row * WU_ROW + WU_ROW - 4),
    logitX: WU_LABEL_W + matrix.width + 6,
  };
}

/** The outline of a focused cell: row −1 is the vector's strip. */
export function wuFocusBox(figure: WuFigure, focus: { row: number; c: number }): { x: number; y: number; width: number; height: number } {
  const top = figure.rowH + STRIP_GAP;
  return {
    x: WU_LABEL_W + focus.c * figure.cell,
    y: focus.row < 0 ? 0 : top + focus.row * figure.rowH,
    width: figure.cell,
    height: figure.rowH,
  };
}

/**
 * Where a key takes the read cell of the W_u figure: row -1 is the vector's strip on top, rows 0.. the rows of W_u
 * under it; never off the figure. Null for a key that does not move it.
 */
export function wuCellStep(at: { row: number; c: number }, key: string, rows: number, cols: number): { row: number; c: number } | null {
  const move = gridKeyMove(key);
  if (!move) return null;
  if (move.kind !== 'by') return { row: at.row, c: move.kind === 'rowStart' ? 0 : cols - 1 };
  return { row: Math.max(-1, Math.min(rows - 1, at.row + move.rows)), c: Math.max(0, Math.min(cols - 1, at.c + move.cols)) };
}
