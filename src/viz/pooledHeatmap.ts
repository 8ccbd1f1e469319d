import { cellSize, type HeatmapCell, type HeatmapLayout, type HeatmapOptions } from './heatmap';

// A matrix with too many rows and columns to draw one cell each, drawn as k × k blocks. Each block shows
// its largest value, not every k-th one: an attention map sampled at rows and columns 0, k, 2k, … would
// never draw the previous-token diagonal (r, r − 1), while the largest value of each block keeps
// diagonals and first-token stripes in sight. A block's cell keeps the real row and column of the value
// it shows, so the pointer and the keys read that exact value.

/**
 * The side of the blocks that draw `n` rows and columns in `width` with cells at least `minCell` wide:
 * 1 when every row and column gets that much.
 */
export function poolSize(n: number, width: number, minCell: number): number {
  return Math.max(1, Math.ceil((n * minCell) / Math.max(width, minCell)));
}

/**
 * Lay out a rows × cols matrix (row-major `data`) as `pool` × `pool` blocks from (0, 0), the last ones
 * cut short by the matrix's edges, one cell per block across `options.width`. Each cell is at the real
 * row and column of its block's largest value (the first in reading order on a tie), so a block wholly
 * above an attention map's diagonal, all zeros, shows its top-left cell: masked, weight 0.
 */
export function layoutPooledHeatmap(
  data: ArrayLike<number>,
  rows: number,
  cols: number,
  pool: number,
  options: HeatmapOptions,
): HeatmapLayout {
  if (data.length < rows * cols) throw new Error(`layoutPooledHeatmap: ${data.length} values cannot fill ${rows} × ${cols} cells`);
  if (!Number.isInteger(pool) || pool < 1) throw new Error(`layoutPooledHeatmap: blocks of ${pool} are not a whole number of cells`);
  const shownRows = Math.ceil(rows / pool);
  const shownCols = Math.ceil(cols / pool);
  const { cellW, cellH } = cellSize(shownCols, options);
  const cells: HeatmapCell[] = [];
  for (let i = 0; i < shownRows; i++) {
    for (let j = 0; j < shownCols; j++) {
      let best = i * pool * cols + j * pool; // the index into data of the block's largest value so far
      for (let r = i * pool; r < Math.min(rows, (i + 1) * pool); r++) {
        for (let c = j * pool; c < Math.min(cols, (j + 1) * pool); c++) {
          if (data[r * cols + c] > data[best]) best = r * cols + c;
        }
      }
      cells.push({ r: Math.floor(best / cols), c: best % cols, x: j * cellW, y: i * cellH, value: data[best] });
    }
  }
  return { cells, rows, cols, step: 1, pool, shownRows, shownCols, cellW, cellH, width: shownCols * cellW, height: shownRows * cellH };
}
