import type { Tensor } from '../core/tensor';
import type { StageKind } from './stages';
import { layoutHeatmap, type HeatmapLayout } from './heatmap';
import { COL_LABEL_OVERHANG } from './heatmapFrame';

// The stepper's matrix for one stage: cells big enough to tap and for each row to carry its token's label.
// A wide matrix scrolls inside its own box rather than shrinking to specks.

// Stages whose columns are the key tokens each query looks at.
const KEY_COLUMNS = new Set<StageKind>(['scores', 'masked', 'weights']);
/** Room for the row labels (the Heatmap's default 84) and the row outline. */
const ROW_LABELS = 90;
/** Rows this tall carry their token's label at 11px (a label is a pixel shorter than its row), still easy to read. */
const MIN_ROW_H = 12;

/** Whether a stage's columns are tokens too, and so carry token labels under them. */
export function hasKeyColumns(kind: StageKind): boolean {
  return KEY_COLUMNS.has(kind);
}

/** The cells of a stage's (rows, cols) plane in a figure `width` wide, and whether they overflow it and scroll. */
export function stageMatrixLayout(plane: Tensor, kind: StageKind, width: number): { layout: HeatmapLayout; scrolls: boolean } {
  const [rows, cols] = plane.shape;
  const available = Math.max(width - ROW_LABELS - (hasKeyColumns(kind) ? COL_LABEL_OVERHANG : 0), 120);
  const layout = layoutHeatmap(plane.data, rows, cols, {
    width: available,
    minCellW: 6,
    minCellH: MIN_ROW_H,
    maxCellW: rows === cols ? 30 : 16,
  });
  return { layout, scrolls: layout.width > available + 1 };
}
