import type { Stage } from '../stages';

/**
 * The logit-lens row that matches where the stepper is: the embedding row before the first block,
 * "after block l+1" while inside block l (0-based, the block whose output that row reads), and the
 * last row (the real prediction) for the final layer norm, logits and probabilities.
 */
export function lensRowForStage(stage: Stage, nLayer: number): number {
  if (stage.layer !== null) return stage.layer + 1;
  return stage.group === 'output' ? nLayer : 0;
}
