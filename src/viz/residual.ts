import type { Trace } from '../core/trace';
import { row } from '../core/tensor';
import { norm } from '../core/vec';
import type { Lang } from '../content/types';
import { layoutHeatmap, type HeatmapLayout } from './heatmap';
import { fmt } from './format';

// The residual stream of one token, read at every point where a block writes into it.

export interface StreamPoint {
  layer: number | null; // null for the embedding sum x0
  after: 'embedding' | 'attention' | 'mlp';
  vector: Float32Array; // (C) a view into the trace
  norm: number;
}

export function residualStream(trace: Trace, t: number): StreamPoint[] {
  const point = (layer: number | null, after: StreamPoint['after'], vector: Float32Array): StreamPoint => ({
    layer,
    after,
    vector,
    norm: norm(vector),
  });
  const points = [point(null, 'embedding', row(trace.x0, t))];
  trace.blocks.forEach((b, l) => {
    points.push(point(l, 'attention', row(b.resid1, t)));
    points.push(point(l, 'mlp', row(b.resid2, t)));
  });
  return points;
}

/** The longest norm bar beside the stream, in pixels. */
const NORM_BAR_W = 60;
// The rest of the norms' column and the gap before it, as styles.css draws them (.norm-row, .stream): the numbers are
// .num, 0.9rem monospace, about 9.2px a character, and 10 leaves a margin. Too little room here pushed the stream 5px
// past its box on a desktop.
const NORM_GAP = 4;
const NORM_DIGIT_W = 10;
const COLUMN_GAP = 8;

export interface ResidualStreamLayout {
  labelWidth: number; // room for the step names ("after layer 2's attention") left of the cells
  heatmap: HeatmapLayout; // one row per point, one column per channel
  normBarW: number[]; // each point's norm as a bar, the largest NORM_BAR_W long
}

/**
 * Chapter 7's picture of the stream: `points` stacked as the rows of `matrix` (points × C), laid out to
 * fit a figure `width` wide beside a column of norm bars. Chinese step names are shorter than English ones.
 */
export function layoutResidualStream(
  points: readonly StreamPoint[],
  matrix: ArrayLike<number>,
  width: number,
  lang: Lang,
): ResidualStreamLayout {
  const C = points[0].vector.length;
  const labelWidth = lang === 'zh' ? 130 : 150;
  const normChars = Math.max(...points.map((p) => fmt(p.norm, 2).length));
  const stripW = Math.max(width - (NORM_BAR_W + NORM_GAP + normChars * NORM_DIGIT_W + COLUMN_GAP), 120);
  const heatmap = layoutHeatmap(matrix, points.length, C, {
    width: stripW - labelWidth,
    minCellW: 3,
    maxCellW: 10,
    minCellH: 16,
    maxCellH: 18,
  });
  const maxNorm = Math.max(...points.map((p) => p.norm), 1e-9);
  return { labelWidth, heatmap, normBarW: points.map((p) => (p.norm / maxNorm) * NORM_BAR_W) };
}
