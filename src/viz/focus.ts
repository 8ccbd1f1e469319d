import { row, slice0, type Tensor } from '../core/tensor';
import type { Trace } from '../core/trace';
import type { Stage } from './stages';
import type { Focus } from './substitute';

/** The 2-D matrix a stage's figure shows: one head's slice for per-head stages. */
export function stagePlane(stage: Stage, trace: Trace, head: number): Tensor {
  const t = stage.tensor(trace);
  if (stage.perHead) return slice0(t, head);
  if (t.shape.length === 1) return { data: t.data, shape: [1, t.shape[0]] };
  return t;
}

/**
 * Where the formula points before the reader hovers anything: the selected token's most striking
 * cell (largest in size), or for logits and probabilities the model's top guess, which the figure shows.
 */
export function defaultFocus(stage: Stage, trace: Trace, head: number, tok: number): Focus {
  if (stage.kind === 'tokens') return { row: tok, col: 0 };
  const plane = stagePlane(stage, trace, head);
  const output = stage.kind === 'logits' || stage.kind === 'probs';
  const r = output ? plane.shape[0] - 1 : Math.min(tok, plane.shape[0] - 1);
  const values = row(plane, r);
  const size = output ? (x: number) => x : Math.abs;
  let best = 0;
  for (let c = 1; c < values.length; c++) {
    if (Number.isFinite(values[c]) && (!Number.isFinite(values[best]) || size(values[c]) > size(values[best]))) best = c;
  }
  return { row: r, col: best };
}

/** A focus kept from another stage, moved inside this stage's matrix if it no longer fits. */
export function clampFocus(focus: Focus, stage: Stage, trace: Trace, head: number): Focus {
  if (stage.kind === 'tokens') return { row: Math.min(focus.row, trace.ids.length - 1), col: 0 };
  const [rows, cols] = stagePlane(stage, trace, head).shape;
  return { row: Math.min(focus.row, rows - 1), col: Math.min(focus.col, cols - 1) };
}
