import type { BlockParams, GPTModel, GPTParams } from '../model';
import type { GPTConfig } from '../config';
import type { BlockTrace } from '../trace';
import { residualBackward } from '../ops/residual';
import { unembeddingMatrix } from '../model';
import type { Trace } from '../trace';
import { crossEntropyBackward, crossEntropyForward } from '../ops/crossentropy';
import { unembeddingBackward } from '../ops/unembedding';
import { layernormBackward } from '../ops/layernorm';
import { linearBackward } from '../ops/linear';
import { geluBackward } from '../ops/gelu';
import { attentionBackward } from '../ops/attention';
import { embeddingBackward } from '../ops/embedding';
import { ScratchMemory } from './scratch';

export interface BackwardOptions {
  /** Multiplies every gradient; 1/batchSize averages over the batch. */
  scale?: number;
  /** Leave wte's gradient untouched (the embedding is built separately and kept fixed). */
  freezeWte?: boolean;
}

/**
 * Next-token cross-entropy of a forward trace and its gradient, accumulated into `grads`.
 * targets (T): the token that follows each position. Returns the mean loss over positions.
 * A trainer passes the same `scratch` to every call, so the gradient buffers are not allocated afresh.
 */
export function lossAndBackward(
  model: GPTModel,
  trace: Trace,
  targets: ArrayLike<number>,
  grads: GPTParams,
  options: BackwardOptions = {},
  scratch = new ScratchMemory(),
): number {
  scratch.reset();
  const zeros = (values: number) => scratch.zeros(values);
  const { config, params } = model;
  const { nEmbd: C, vocabSize: V, layerNormEpsilon: eps } = config;
  const T = trace.ids.length;
  const scale = (options.scale ?? 1) / T;
  const loss = crossEntropyForward(trace.probs.data, targets, T, V);

  const dlogits = zeros(T * V); // (T, V)
  crossEntropyBackward(dlogits, trace.probs.data, targets, T, V, scale);
  const dlnF = zeros(T * C); // (T, C)
  const dWu = params.lm_head ? grads.lm_head!.data : options.freezeWte ? null : grads.wte.data;
  unembeddingBackward(dlnF, dWu, dlogits, trace.lnF.data, unembeddingMatrix(model).data, T, C, V);

  let dx: Float32Array = zeros(T * C); // (T, C) gradient of the residual stream
  const last = trace.blocks[trace.blocks.length - 1].resid2.data;
  layernormBackward(dx, grads.ln_f.weight.data, grads.ln_f.bias.data, dlnF, last, params.ln_f.weight.data, T, C, eps);

  for (let l = config.nLayer - 1; l >= 0; l--) {
    const blockInput = l === 0 ? trace.x0.data : trace.blocks[l - 1].resid2.data;
    dx = blockBackward(dx, trace.blocks[l], blockInput, params.h[l], grads.h[l], config, T, zeros);
  }

  embeddingBackward(options.freezeWte ? null : grads.wte.data, grads.wpe.data, dx, trace.ids, T, C);
  return loss;
}

/** One block backwards, as blockForward in reverse: dx (T, C) at its output -> the gradient at its input. */
function blockBackward(
  dx: Float32Array,
  b: BlockTrace,
  blockInput: Float32Array,
  p: BlockParams,
  g: BlockParams,
  config: GPTConfig,
  T: number,
  zeros: (values: number) => Float32Array,
): Float32Array {
  const { nEmbd: C, nHead: NH, layerNormEpsilon: eps } = config;

  // resid2 = resid1 + mlpProj
  const dresid1 = zeros(T * C); // (T, C)
  const dmlpProj = zeros(T * C); // (T, C)
  residualBackward(dresid1, dmlpProj, dx, T * C);
  const dgelu = zeros(T * 4 * C); // (T, 4C)
  linearBackward(dgelu, g.mlp.c_proj.weight.data, g.mlp.c_proj.bias.data, dmlpProj, b.gelu.data, p.mlp.c_proj.weight.data, T, 4 * C, C);
  const dfc = zeros(T * 4 * C); // (T, 4C)
  geluBackward(dfc, b.fc.data, dgelu, T * 4 * C);
  const dln2 = zeros(T * C); // (T, C)
  linearBackward(dln2, g.mlp.c_fc.weight.data, g.mlp.c_fc.bias.data, dfc, b.ln2.data, p.mlp.c_fc.weight.data, T, C, 4 * C);
  layernormBackward(dresid1, g.ln_2.weight.data, g.ln_2.bias.data, dln2, b.resid1.data, p.ln_2.weight.data, T, C, eps);

  // resid1 = x + attnProj
  const dxIn = zeros(T * C); // (T, C)
  const dattnProj = zeros(T * C); // (T, C)
  residualBackward(dxIn, dattnProj, dresid1, T * C);
  const dattnOut = zeros(T * C); // (T, C)
  linearBackward(
    dattnOut,
    g.attn.c_proj.weight.data,
    g.attn.c_proj.bias.data,
    dattnProj,
    b.attnOut.data,
    p.attn.c_proj.weight.data,
    T,
    C,
    C,
  );
  const dqkv = zeros(T * 3 * C); // (T, 3C)
  attentionBackward(dqkv, dattnOut, b.q.data, b.k.data, b.v.data, b.weights.data, T, C, NH);
  const dln1 = zeros(T * C); // (T, C)
  linearBackward(dln1, g.attn.c_attn.weight.data, g.attn.c_attn.bias.data, dqkv, b.ln1.data, p.attn.c_attn.weight.data, T, C, 3 * C);
  layernormBackward(dxIn, g.ln_1.weight.data, g.ln_1.bias.data, dln1, blockInput, p.ln_1.weight.data, T, C, eps);
  return dxIn;
}
