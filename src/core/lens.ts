import type { GPTModel } from './model';
import { unembeddingMatrix } from './model';
import type { Trace } from './trace';
import { layernormForward } from './ops/layernorm';
import { unembeddingForward } from './ops/unembedding';
import { maskLogits } from './tokenMask';
import { softmax } from './ops/softmax';
import { topK } from './topk';

// The logit lens (nostalgebraist, 2020): read the residual stream after every block as if it were
// the last one, by applying the final layer norm and W_u early. It shows when the prediction forms.

export interface LensRow {
  /** 0 = the embedding x0, l = after block l (1-based, so the last row is after block L). */
  layer: number;
  top: { id: number; prob: number }[];
}

/**
 * One row per residual-stream snapshot at `position`: x0, then every block's resid2; or only the
 * snapshots listed in `layers` (0 = x0, l = after block l).
 */
export function logitLens(model: GPTModel, trace: Trace, position: number, k: number, layers?: readonly number[]): LensRow[] {
  const { nEmbd: C } = model.config;
  const T = trace.ids.length;
  if (!Number.isInteger(position) || position < 0 || position >= T) {
    throw new Error(`logit lens: position ${position} is outside 0..${T - 1}`);
  }
  const snapshots = [trace.x0, ...trace.blocks.map((b) => b.resid2)];
  const wanted = layers ?? snapshots.map((_, layer) => layer);
  return wanted.map((layer) => {
    const stream = snapshots[layer];
    if (!stream) throw new Error(`logit lens: there is no snapshot ${layer} (0..${snapshots.length - 1})`);
    return { layer, top: lensTop(model, stream.data.subarray(position * C, (position + 1) * C), k) };
  });
}

/**
 * The lens on one residual-stream vector x (C), wherever in the pass it was read: ln_f, W_u and
 * softmax applied to it as if the model stopped there; the k most likely tokens.
 */
export function lensTop(model: GPTModel, x: Float32Array, k: number): { id: number; prob: number }[] {
  const { nEmbd: C, vocabSize: V, layerNormEpsilon: eps } = model.config;
  if (x.length !== C) throw new Error(`logit lens: a stream vector has ${C} numbers, not ${x.length}`);
  const normed = new Float32Array(C); // (C)
  const logits = new Float32Array(V); // (V)
  layernormForward(normed, null, null, x, model.params.ln_f.weight.data, model.params.ln_f.bias.data, 1, C, eps);
  unembeddingForward(logits, normed, unembeddingMatrix(model).data, 1, C, V);
  maskLogits(logits, model.tokenMask, 1, V);
  const probs = softmax(logits);
  // Ranked by logit, the same order as by probability, so that masked ids (-Infinity) never appear.
  return topK(logits, k).map(({ index }) => ({ id: index, prob: probs[index] }));
}
