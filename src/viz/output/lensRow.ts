import type { Stage } from '../stages';

/**
 * The logit-lens row that matches where the stepper is: the newest residual stream computed so far.
 * That is the embedding row before the first block; inside block l (0-based) the row of the stream
 * entering it, l, until its last stage (resid2) writes row l + 1; and the last row (the real
 * prediction) for the final layer norm, logits and probabilities.
 */
export function lensRowForStage(stage: Stage, nLayer: number): number {
  if (stage.layer !== null) return stage.kind === 'resid2' ? stage.layer + 1 : stage.layer;
  return stage.group === 'output' ? nLayer : 0;
}
