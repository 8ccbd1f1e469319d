import { COL_LABEL_OVERHANG, HEATMAP_FRAME } from './heatmapFrame';
import { layoutHeatmap, type HeatmapLayout, type HeatmapOptions } from './heatmap';
import { layoutPooledHeatmap, poolSize } from './pooledHeatmap';

// Chapter 5's small multiples: every head's (T, T) weight matrix in one layer, two maps side by side, or one
// per row on a narrow screen.

/** Row labels need cells at least this tall to be legible; below that the hover readout names the tokens. */
const MIN_LABELLED_CELL = 9;
const ROW_LABEL_W = 56;
/** Below this figure width two maps side by side leave no room for labels: one map per row, with wider labels. */
const ONE_COLUMN_BELOW = 480;
/** A phone is held closer but has no hover: its labels get a larger font (cell height − 1) and more characters. */
const MIN_LABELLED_CELL_ONE_COLUMN = 11;
const ROW_LABEL_W_ONE_COLUMN = 76;
/**
 * A narrow screen gives one map per row only to this many heads. gpt2's 12 or gpt2-medium's 16 heads would
 * be 16 screens of maps in a column; two to a row, unlabelled, they stay a few screens, and the readout
 * names the tokens under the finger.
 */
const ONE_COLUMN_MOST_HEADS = 4;
/** The gap between the two maps of a row, and the padding inside each map's box. */
const GAP = 12;
/**
 * Below this many pixels a token, a map is drawn in blocks of tokens (./pooledHeatmap.ts) instead of
 * one cell each. The default model's 128 tokens get 1.7px at the narrowest two maps to a row (a 480px
 * figure) and more everywhere else, so its maps are never pooled; GPT-2's 1,024 would get a fraction of a pixel.
 */
const MIN_TOKEN_CELL = 1.5;
/** A pooled map's blocks are at least this wide: about the size of the default model's 128 cells on a desktop. */
const MIN_BLOCK_CELL = 2;

export interface AttentionMapsLayout {
  oneColumn: boolean;
  /** Whether the maps carry token labels; longer texts leave them to the readout and the lines below. */
  labelled: boolean;
  labelWidth: number; // the Heatmap's room for row labels: 0 when unlabelled
  heatmap: HeatmapOptions; // each map's cells
  /** Each drawn cell is a pool × pool block of (query, key) pairs showing the block's largest weight; 1 when each pair has its own cell. */
  pool: number;
}

/** How `nHead` maps of `T` tokens fit a figure `width` pixels wide. */
export function attentionMapsLayout(width: number, T: number, nHead: number): AttentionMapsLayout {
  const oneColumn = width < ONE_COLUMN_BELOW && nHead <= ONE_COLUMN_MOST_HEADS;
  const rowLabelWidth = oneColumn ? ROW_LABEL_W_ONE_COLUMN : ROW_LABEL_W;
  // Each map's box, less the frame Heatmap draws around the cells.
  const each = (oneColumn ? width : Math.floor((width - GAP) / 2)) - GAP - HEATMAP_FRAME;
  const minCell = oneColumn ? MIN_LABELLED_CELL_ONE_COLUMN : MIN_LABELLED_CELL;
  const labelled = (each - rowLabelWidth - COL_LABEL_OVERHANG) / T >= minCell;
  const mapWidth = Math.max(each - (labelled ? rowLabelWidth + COL_LABEL_OVERHANG : 0), 40);
  return {
    oneColumn,
    labelled,
    labelWidth: labelled ? rowLabelWidth : 0,
    heatmap: { width: mapWidth, minCellW: 1, maxCellW: 24, minCellH: 1, maxCellH: 24 },
    pool: T * MIN_TOKEN_CELL > mapWidth ? poolSize(T, mapWidth, MIN_BLOCK_CELL) : 1,
  };
}

/** One head's (T, T) weights (row-major) as cells of a map laid out by `maps`: one per (query, key) pair, or one per block of them. */
export function layoutAttentionMap(weights: ArrayLike<number>, T: number, maps: AttentionMapsLayout): HeatmapLayout {
  return maps.pool > 1 ? layoutPooledHeatmap(weights, T, T, maps.pool, maps.heatmap) : layoutHeatmap(weights, T, T, maps.heatmap);
}
