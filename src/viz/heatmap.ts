import { scaleSequential } from 'd3-scale';
import { interpolateGreens, interpolateRdBu } from 'd3-scale-chromatic';

// Heatmap geometry and colour, computed here and drawn by React/D3 elsewhere.

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

/**
 * A symmetric limit for a diverging scale: the 98th percentile of |value|, so one huge outlier
 * channel (the residual stream has some) does not wash every other cell out to white.
 */
export function robustMaxAbs(data: ArrayLike<number>): number {
  const abs: number[] = [];
  for (let i = 0; i < data.length; i++) if (Number.isFinite(data[i])) abs.push(Math.abs(data[i]));
  if (abs.length === 0) return 1;
  abs.sort((a, b) => a - b);
  const limit = abs[Math.min(abs.length - 1, Math.floor(abs.length * 0.98))];
  return limit > 0 ? limit : 1;
}

/** Red for positive, blue for negative, white at zero (RdBu reversed, colour-blind safe). */
export function divergingColor(maxAbs: number): (v: number) => string {
  const scale = scaleSequential((t: number) => interpolateRdBu(1 - t)).domain([-maxAbs, maxAbs]).clamp(true);
  return (v) => (Number.isFinite(v) ? scale(v) : MASKED_FILL);
}

/** Light to dark green for weights and probabilities in [0, max]. */
export function sequentialColor(max = 1): (v: number) => string {
  const scale = scaleSequential(interpolateGreens).domain([0, max > 0 ? max : 1]).clamp(true);
  return (v) => (Number.isFinite(v) ? scale(v) : MASKED_FILL);
}

/** Cells set to −∞ by the causal mask. */
export const MASKED_FILL = '#d9d6cf';

/** Whether a stage's values are probabilities/weights (sequential scale) rather than signed (diverging). */
export function isProbabilityKind(kind: string): boolean {
  return kind === 'weights' || kind === 'probs';
}
