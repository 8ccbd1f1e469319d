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
  rows: number;
  cols: number;
  cellW: number;
  cellH: number;
  width: number; // may exceed the space offered: the figure then scrolls inside its own box
  height: number;
}

export interface HeatmapOptions {
  width: number; // space offered for the cells
  minCellW?: number;
  maxCellW?: number;
  minCellH?: number;
  maxCellH?: number;
}

/** Lay out a rows × cols matrix (row-major `data`) as equal cells that fill `width` within the size limits. */
export function layoutHeatmap(data: ArrayLike<number>, rows: number, cols: number, options: HeatmapOptions): HeatmapLayout {
  if (data.length < rows * cols) throw new Error(`layoutHeatmap: ${data.length} values cannot fill ${rows} × ${cols} cells`);
  const { minCellW = 3, maxCellW = 28, minCellH = 6, maxCellH = 22 } = options;
  const cellW = Math.max(minCellW, Math.min(maxCellW, Math.floor((options.width / Math.max(cols, 1)) * 100) / 100));
  const cellH = Math.max(minCellH, Math.min(maxCellH, cellW));
  const cells: HeatmapCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) cells.push({ r, c, x: c * cellW, y: r * cellH, value: data[r * cols + c] });
  }
  return { cells, rows, cols, cellW, cellH, width: cols * cellW, height: rows * cellH };
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
