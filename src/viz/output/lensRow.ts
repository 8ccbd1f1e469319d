import type { Stage } from '../stages';
import type { Trace } from '../../core/trace';

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

/**
 * Which residual stream the stepper's lens reads at a stage: the newest one the pass has written so far.
 * None before the embedding x0 exists; x0 until layer 1's attention adds to it; inside a block
 * (0-based `layer`) the stream entering it until resid1, then the stream after its attention until
 * resid2 writes the stream after the whole block; after the last block for the output stages.
 */
export type LensStream =
  { kind: 'none' } | { kind: 'embedding' } | { kind: 'afterAttention'; layer: number } | { kind: 'afterBlock'; layer: number };

const AFTER_ATTENTION = new Set<Stage['kind']>(['resid1', 'ln2', 'fc', 'gelu', 'mlpProj']);

export function lensStreamForStage(stage: Stage, nLayer: number): LensStream {
  if (stage.kind === 'tokens' || stage.kind === 'tokEmb' || stage.kind === 'posEmb') return { kind: 'none' };
  if (stage.layer === null)
    return stage.group === 'output' && nLayer > 0 ? { kind: 'afterBlock', layer: nLayer - 1 } : { kind: 'embedding' };
  if (stage.kind === 'resid2') return { kind: 'afterBlock', layer: stage.layer };
  if (AFTER_ATTENTION.has(stage.kind)) return { kind: 'afterAttention', layer: stage.layer };
  return stage.layer === 0 ? { kind: 'embedding' } : { kind: 'afterBlock', layer: stage.layer - 1 };
}

/** The row of that stream at `position` (C), or null when there is no stream yet. */
export function lensStreamVector(stream: LensStream, trace: Trace, position: number): Float32Array | null {
  const tensor =
    stream.kind === 'none'
      ? null
      : stream.kind === 'embedding'
        ? trace.x0
        : stream.kind === 'afterAttention'
          ? trace.blocks[stream.layer].resid1
          : trace.blocks[stream.layer].resid2;
  if (!tensor) return null;
  const C = tensor.shape[1];
  return tensor.data.subarray(position * C, (position + 1) * C);
}
