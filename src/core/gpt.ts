import type { GPTModel } from './model';
import { unembeddingMatrix } from './model';
import { zeros } from './tensor';
import type { BlockTrace, ForwardOptions, Trace } from './trace';
import { embeddingForward } from './ops/embedding';
import { layernormForward } from './ops/layernorm';
import { linearForward } from './ops/linear';
import { attentionForward } from './ops/attention';
import { residualForward } from './ops/residual';
import { geluForward } from './ops/gelu';
import { unembeddingForward } from './ops/unembedding';
import { softmaxForward } from './ops/softmax';
import { checkIds } from './context';

/** One forward pass in paper order, keeping every intermediate in the returned trace. */
export function forward(model: GPTModel, ids: readonly number[], options: ForwardOptions = {}): Trace {
  const { config, params } = model;
  checkIds(config, ids);
  const T = ids.length;
  const { nEmbd: C, nHead: NH, vocabSize: V, layerNormEpsilon: eps } = config;
  const HS = C / NH;
  const idArray = Int32Array.from(ids);

  const tokEmb = zeros([T, C]);
  const posEmb = zeros([T, C]);
  const x0 = zeros([T, C]);
  embeddingForward(tokEmb.data, posEmb.data, x0.data, idArray, params.wte.data, params.wpe.data, T, C);
  for (const { position, vector } of options.embeddingOverrides ?? []) {
    if (position < 0 || position >= T) throw new Error(`embedding override: position ${position} is outside 0..${T - 1}`);
    if (vector.length !== C) throw new Error(`embedding override: vector has ${vector.length} values, the model needs ${C}`);
    tokEmb.data.set(vector, position * C);
    for (let c = 0; c < C; c++) x0.data[position * C + c] = vector[c] + posEmb.data[position * C + c];
  }

  const blocks: BlockTrace[] = [];
  let x = x0;
  params.h.forEach((block, layer) => {
    const ln1 = zeros([T, C]);
    layernormForward(ln1.data, null, null, x.data, block.ln_1.weight.data, block.ln_1.bias.data, T, C, eps);
    const qkv = new Float32Array(T * 3 * C); // (T, 3C)
    linearForward(qkv, ln1.data, block.attn.c_attn.weight.data, block.attn.c_attn.bias.data, T, C, 3 * C);
    const q = zeros([NH, T, HS]);
    const k = zeros([NH, T, HS]);
    const v = zeros([NH, T, HS]);
    const scores = zeros([NH, T, T]);
    const masked = zeros([NH, T, T]);
    const weights = zeros([NH, T, T]);
    const attnOut = zeros([T, C]);
    attentionForward(
      { q: q.data, k: k.data, v: v.data, scores: scores.data, masked: masked.data, weights: weights.data, out: attnOut.data },
      qkv,
      T,
      C,
      NH,
    );
    for (const { layer: l, head } of options.ablatedHeads ?? []) {
      if (l !== layer) continue;
      for (let t = 0; t < T; t++) attnOut.data.fill(0, t * C + head * HS, t * C + (head + 1) * HS);
    }
    const attnProj = zeros([T, C]);
    linearForward(attnProj.data, attnOut.data, block.attn.c_proj.weight.data, block.attn.c_proj.bias.data, T, C, C);
    const resid1 = zeros([T, C]);
    residualForward(resid1.data, x.data, attnProj.data, T * C);

    const ln2 = zeros([T, C]);
    layernormForward(ln2.data, null, null, resid1.data, block.ln_2.weight.data, block.ln_2.bias.data, T, C, eps);
    const fc = zeros([T, 4 * C]);
    linearForward(fc.data, ln2.data, block.mlp.c_fc.weight.data, block.mlp.c_fc.bias.data, T, C, 4 * C);
    const gelu = zeros([T, 4 * C]);
    geluForward(gelu.data, fc.data, T * 4 * C);
    const mlpProj = zeros([T, C]);
    if (!options.ablatedMlps?.includes(layer)) {
      linearForward(mlpProj.data, gelu.data, block.mlp.c_proj.weight.data, block.mlp.c_proj.bias.data, T, 4 * C, C);
    }
    const resid2 = zeros([T, C]);
    residualForward(resid2.data, resid1.data, mlpProj.data, T * C);

    blocks.push({ ln1, q, k, v, scores, masked, weights, attnOut, attnProj, resid1, ln2, fc, gelu, mlpProj, resid2 });
    x = resid2;
  });

  const lnF = zeros([T, C]);
  layernormForward(lnF.data, null, null, x.data, params.ln_f.weight.data, params.ln_f.bias.data, T, C, eps);
  const logitsFrom = options.logitRows === 'last' ? T - 1 : 0;
  const rows = T - logitsFrom;
  const logits = zeros([rows, V]);
  unembeddingForward(logits.data, lnF.data.subarray(logitsFrom * C), unembeddingMatrix(model).data, rows, C, V);
  const probs = zeros([rows, V]);
  softmaxForward(probs.data, logits.data, rows, V);

  return { ids: idArray, tokEmb, posEmb, x0, blocks, lnF, logitsFrom, logits, probs };
}
