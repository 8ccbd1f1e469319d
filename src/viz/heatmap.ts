// Heatmap geometry, computed here and drawn by React/D3 elsewhere (colours: ./colors.ts).

export interface HeatmapCell {
  r: number; // row in the matrix
  c: number; // column in the matrix
  x: number;
  y: number;
  value: number;
}

export interface HeatmapLayout {
  cells: HeatmapCell[];
  rows: number; // the matrix's rows, drawn or not
  cols: number; // the matrix's columns, drawn or not
  /** Every `step`-th column is drawn, from column 0; 1 when all of them are. */
  step: number;
  /**
   * Each drawn cell stands for a `pool` × `pool` block of the matrix and shows the block's largest value,
   * at that value's own row and column (./pooledHeatmap.ts); 1 when every cell is its own.
   */
  pool: number;
  /** How many rows are drawn: ceil(rows / pool). */
  shownRows: number;
  /** How many columns are drawn: ceil(cols / step), or ceil(cols / pool). */
  shownCols: number;
  cellW: number;
  cellH: number;
  width: number; // may exceed the space offered: the figure then scrolls inside its own box
  height: number;
}

export interface HeatmapOptions {
  width: number; // space offered for the cells
  minCellW?: number; // the narrowest cell that still reads; below it the matrix scrolls or is sampled
  maxCellW?: number;
  minCellH?: number;
  maxCellH?: number;
}

/**
 * The widest a matrix is drawn whole, scrolling inside its box, when its cells do not fit the space
 * offered. The default model's widest matrix, the MLP's 4C = 256 columns at 6px, is 1536px and stays
 * whole; GPT-2's 768 or 3072 columns would be many screens of specks, so every k-th column is drawn instead.
 */
export const MAX_SCROLL_WIDTH = 2048;

/**
 * How many columns to step over so that `cols` columns at `minCellW` fit `width`: 1 when they fit
 * outright or scroll within MAX_SCROLL_WIDTH. The step divides `cols` where a divisor is close, so the
 * drawn columns are spread evenly to the last one.
 */
export function sampleStep(cols: number, width: number, minCellW: number): number {
  const whole = cols * minCellW;
  if (whole <= width || whole <= MAX_SCROLL_WIDTH) return 1;
  return evenStep(cols, Math.ceil(whole / Math.max(width, minCellW)));
}

/**
 * A step of at least `needed` through `cols` columns: the smallest that divides `cols`, when one is at
 * most twice `needed`, so that the drawn columns spread evenly to the last one; otherwise `needed`.
 */
export function evenStep(cols: number, needed: number): number {
  for (let k = needed; k <= 2 * needed; k++) if (cols % k === 0) return k;
  return needed;
}

const DEFAULT_MIN_CELL_W = 3;

/** The size of each of `shownCols` cells across `options.width`, within the options' limits; cells are square where the limits allow. */
export function cellSize(shownCols: number, options: HeatmapOptions): { cellW: number; cellH: number } {
  const { minCellW = DEFAULT_MIN_CELL_W, maxCellW = 28, minCellH = 6, maxCellH = 22 } = options;
  const cellW = Math.max(minCellW, Math.min(maxCellW, Math.floor((options.width / Math.max(shownCols, 1)) * 100) / 100));
  return { cellW, cellH: Math.max(minCellH, Math.min(maxCellH, cellW)) };
}

/**
 * Lay out a rows × cols matrix (row-major `data`) as equal cells that fill `width` within the size
 * limits. A matrix too wide to draw whole draws every `step`-th column; its cells keep their real column.
 */
export function layoutHeatmap(data: ArrayLike<number>, rows: number, cols: number, options: HeatmapOptions): HeatmapLayout {
  if (data.length < rows * cols) throw new Error(`layoutHeatmap: ${data.length} values cannot fill ${rows} × ${cols} cells`);
  const step = sampleStep(cols, options.width, options.minCellW ?? DEFAULT_MIN_CELL_W);
  const shownCols = Math.ceil(cols / step);
  const { cellW, cellH } = cellSize(shownCols, options);
  const cells: HeatmapCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < shownCols; j++) {
      const c = j * step;
      cells.push({ r, c, x: j * cellW, y: r * cellH, value: data[r * cols + c] });
    }
  }
  return { cells, rows, cols, step, pool: 1, shownRows: rows, shownCols, cellW, cellH, width: shownCols * cellW, height: rows * cellH };
}

/** The columns a sampled layout (a heatmap, or the vocabulary matrix) draws, for its caption: the first few and the last. */
export function shownColumns(layout: Pick<HeatmapLayout, 'step' | 'shownCols'>, first = 3): { first: number[]; last: number } {
  const count = Math.min(first, layout.shownCols);
  return {
    first: Array.from({ length: count }, (_, j) => j * layout.step),
    last: (layout.shownCols - 1) * layout.step,
  };
}

/** Whether a stage's values are probabilities/weights (sequential scale) rather than signed (diverging). */
export function isProbabilityKind(kind: string): boolean {
  return kind === 'weights' || kind === 'probs';
}

/** One vector as a single row of cells across a figure `width` wide, less room for its label; a long vector scrolls. */
export function layoutVectorStrip(vector: ArrayLike<number>, width: number): HeatmapLayout {
  return layoutHeatmap(vector, 1, vector.length, {
    width: Math.max(width - 90, 100),
    minCellW: 3,
    maxCellW: 14,
    minCellH: 18,
    maxCellH: 22,
  });
}
