import type { HeatmapLayout } from './heatmap';

// What a heatmap's SVG draws around its cells: row labels on the left, slanted column labels below, and
// the outlines of the selected row and the focused cell. The cells themselves are ./heatmap.ts's.

/** The width an SVG adds around its cells when it has no row labels: room for the row highlight's outline. */
export const HEATMAP_FRAME = 4;
/** How far the last slanted column label reaches right of the matrix; callers leave this much room. */
export const COL_LABEL_OVERHANG = 32;
/** Column labels are slanted at this angle, in degrees. */
export const COL_LABEL_ANGLE = 55;
/** The most characters a column label shows. */
export const COL_LABEL_CHARS = 7;

const LABEL_W = 84;
const TOP = 4;
const COL_LABEL_H = 48;
const MIN_COL_FONT = 7;
/** Below this cell height a row label would not be legible. */
const MIN_ROW_LABEL_CELL = 9;

export interface CellPos {
  r: number;
  c: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HeatmapFrame {
  width: number;
  height: number;
  /** The cells' top-left corner in the SVG. */
  cellsX: number;
  cellsY: number;
  /** Row labels: right-aligned at rowLabelX, one per row at rowLabelY; rowFont null when there is no room for them. */
  rowLabelX: number;
  rowLabelY: number[];
  rowFont: number | null;
  /** The width a row label may take, in pixels: from 2px inside the SVG's left edge to rowLabelX. */
  rowLabelRoom: number;
  /** Column labels: hung from colLabelY, one per column at colLabelX; colFont null when none are drawn. */
  colLabelX: number[];
  colLabelY: number;
  colFont: number | null;
}

/**
 * The frame of a heatmap whose cells are `layout`, with `labelWidth` for the row labels (84 unless given;
 * 0 hides them), and column labels under the cells if `colLabels` asks for them and the cells are wide enough.
 */
export function heatmapFrame(layout: HeatmapLayout, labelWidth: number | undefined, colLabels: boolean): HeatmapFrame {
  const { cellW, cellH, rows, cols } = layout;
  // Slanted, neighbouring labels sit cellW·sin(angle) apart across their baselines: the text fits that,
  // and below 7px there is no label worth reading.
  const fitted = Math.min(12, Math.floor(cellW * Math.sin((COL_LABEL_ANGLE * Math.PI) / 180)) - 1);
  // A sampled or pooled layout has no room for a label per column, nor a pooled one for a label per row.
  const colFont = colLabels && layout.step === 1 && layout.pool === 1 && fitted >= MIN_COL_FONT ? fitted : null;
  // At least 2px on the left so the row highlight's outline is not clipped.
  const labelW = Math.max(labelWidth ?? LABEL_W, 2);
  // Row labels end 6px left of the cells.
  const rowLabelX = labelW - 6;
  const rowFont = cellH >= MIN_ROW_LABEL_CELL && labelW > 2 && layout.pool === 1 ? Math.min(13, cellH - 1) : null;
  return {
    width: labelW + layout.width + 2 + (colFont === null ? 0 : COL_LABEL_OVERHANG),
    height: TOP + layout.height + 2 + (colFont === null ? 0 : COL_LABEL_H),
    cellsX: labelW,
    cellsY: TOP,
    rowLabelX,
    rowLabelY: rowFont === null ? [] : Array.from({ length: rows }, (_, r) => r * cellH + cellH / 2),
    rowFont,
    rowLabelRoom: Math.max(0, rowLabelX - 2),
    colLabelX: colFont === null ? [] : Array.from({ length: cols }, (_, c) => columnX(layout, c) + cellW / 2),
    colLabelY: TOP + layout.height + 4,
    colFont,
  };
}

/** Where real row `r` starts, in the cells' coordinates: the top of its block's cell in a pooled layout. */
function rowY(layout: HeatmapLayout, r: number): number {
  return Math.floor(r / layout.pool) * layout.cellH;
}

/** The outline around row `r`, in the cells' coordinates: 1px outside the cells on every side; in a pooled layout, around its row of blocks. */
export function rowOutline(layout: HeatmapLayout, r: number): Box {
  return { x: -1, y: rowY(layout, r) - 1, width: layout.width + 2, height: layout.cellH + 2 };
}

/**
 * Where real column `c` starts, in the cells' coordinates. In a sampled layout each drawn cell spans the
 * `step` real columns from the one it shows, so every real column has its own cellW / step of the width;
 * in a pooled layout it starts where its block's cell does.
 */
export function columnX(layout: HeatmapLayout, c: number): number {
  return (Math.floor(c / layout.pool) * layout.cellW) / layout.step;
}

/**
 * The outline around one cell, in the cells' coordinates; in a sampled layout, around the real column's
 * own sliver; in a pooled layout, around the cell of its block.
 */
export function cellOutline(layout: HeatmapLayout, cell: CellPos): Box {
  const w = Math.max(layout.cellW / layout.step, 1);
  return { x: columnX(layout, cell.c) - 1, y: rowY(layout, cell.r) - 1, width: w + 2, height: layout.cellH + 2 };
}

/** The drawn cell of the block in row `i`, column `j` of a pooled layout's blocks, clamped to the blocks there are. */
function blockCell(layout: HeatmapLayout, i: number, j: number): CellPos {
  const row = Math.max(0, Math.min(layout.shownRows - 1, i));
  const col = Math.max(0, Math.min(layout.shownCols - 1, j));
  const { r, c } = layout.cells[row * layout.shownCols + col];
  return { r, c };
}

/**
 * The cell under a point given relative to the cells' top-left corner, or null outside them; a real
 * column even where only a sample is drawn; in a pooled layout, the real cell its block shows.
 */
export function heatmapCellAt(layout: HeatmapLayout, x: number, y: number): CellPos | null {
  if (x < 0 || x >= layout.width || y < 0 || y >= layout.height) return null;
  if (layout.pool > 1) return blockCell(layout, Math.floor(y / layout.cellH), Math.floor(x / layout.cellW));
  const c = Math.min(layout.cols - 1, Math.floor((x * layout.step) / layout.cellW));
  const r = Math.floor(y / layout.cellH);
  return r < layout.rows ? { r, c } : null;
}

/** The cell that reads for real cell `at`: itself, or in a pooled layout the cell its block shows. */
export function shownCellOf(layout: HeatmapLayout, at: CellPos): CellPos {
  return layout.pool > 1 ? blockCell(layout, Math.floor(at.r / layout.pool), Math.floor(at.c / layout.pool)) : at;
}

/**
 * The cell an arrow key moves to from `at`, `dr` rows and `dc` columns on, within the matrix: one real
 * row or column (in a sampled layout too, so every column can be read); in a pooled layout one block,
 * to the real cell that block shows.
 */
export function heatmapCellStep(layout: HeatmapLayout, at: CellPos, dr: number, dc: number): CellPos {
  if (layout.pool > 1) return blockCell(layout, Math.floor(at.r / layout.pool) + dr, Math.floor(at.c / layout.pool) + dc);
  return { r: Math.max(0, Math.min(layout.rows - 1, at.r + dr)), c: Math.max(0, Math.min(layout.cols - 1, at.c + dc)) };
}
