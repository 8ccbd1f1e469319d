import type { GPTModel } from './model';
import { unembeddingMatrix } from './model';
import { TensorArena } from './tensor';
import type { GPTConfig } from './config';
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
  const logitsFrom = options.logitRows === 'last' ? T - 1 : 0;
  const rows = T - logitsFrom;
  const arena = new TensorArena(traceSize(config, T, rows));

  const tokEmb = arena.zeros([T, C]);
  const posEmb = arena.zeros([T, C]);
  const x0 = arena.zeros([T, C]);
  embeddingForward(tokEmb.data, posEmb.data, x0.data, idArray, params.wte.data, params.wpe.data, T, C);
  for (const { position, vector } of options.embeddingOverrides ?? []) {
    if (position < 0 || position >= T) throw new Error(`embedding override: position ${position} is outside 0..${T - 1}`);
    if (vector.length !== C) throw new Error(`embedding override: vector has ${vector.length} values, the model needs ${C}`);
    tokEmb.data.set(vector, position * C);
    for (let c = 0; c < C; c++) x0.data[position * C + c] = vector[c] + posEmb.data[position * C + c];
  }

  for (const { layer, head } of options.ablatedHeads ?? []) {
    if (!(Number.isInteger(layer) && layer >= 0 && layer < config.nLayer && Number.isInteger(head) && head >= 0 && head < NH)) {
      throw new Error(`head ablation: there is no head ${head} in layer ${layer} (the model has ${config.nLayer} layers of ${NH} heads)`);
    }
  }

  const qkv = new Float32Array(T * 3 * C); // (T, 3C) each block's c_attn output, before it is split into heads
  const blocks: BlockTrace[] = [];
  let x = x0;
  params.h.forEach((block, layer) => {
    const ln1 = arena.zeros([T, C]);
    layernormForward(ln1.data, null, null, x.data, block.ln_1.weight.data, block.ln_1.bias.data, T, C, eps);
    linearForward(qkv, ln1.data, block.attn.c_attn.weight.data, block.attn.c_attn.bias.data, T, C, 3 * C);
    const q = arena.zeros([NH, T, HS]);
    const k = arena.zeros([NH, T, HS]);
    const v = arena.zeros([NH, T, HS]);
    const scores = arena.zeros([NH, T, T]);
    const masked = arena.zeros([NH, T, T]);
    const weights = arena.zeros([NH, T, T]);
    const attnOut = arena.zeros([T, C]);
    attentionForward(
      { q: q.data, k: k.data, v: v.data, scores: scores.data, masked: masked.data, weights: weights.data, out: attnOut.data },
      qkv,
      T,
      C,
      NH,
    );
    const headsOff = new Set((options.ablatedHeads ?? []).filter((a) => a.layer === layer).map((a) => a.head));
    for (const head of headsOff) {
      for (let t = 0; t < T; t++) attnOut.data.fill(0, t * C + head * HS, t * C + (head + 1) * HS);
    }
    const attnProj = arena.zeros([T, C]);
    // b_O belongs to the attention sublayer, not to a head: it goes with the last head, so that
    // switching every head off removes the sublayer (resid1 = x), as switching an MLP off does.
    if (headsOff.size < NH) {
      linearForward(attnProj.data, attnOut.data, block.attn.c_proj.weight.data, block.attn.c_proj.bias.data, T, C, C);
    }
    const resid1 = arena.zeros([T, C]);
    residualForward(resid1.data, x.data, attnProj.data, T * C);

    const ln2 = arena.zeros([T, C]);
    layernormForward(ln2.data, null, null, resid1.data, block.ln_2.weight.data, block.ln_2.bias.data, T, C, eps);
    const fc = arena.zeros([T, 4 * C]);
    linearForward(fc.data, ln2.data, block.mlp.c_fc.weight.data, block.mlp.c_fc.bias.data, T, C, 4 * C);
    const gelu = arena.zeros([T, 4 * C]);
    geluForward(gelu.data, fc.data, T * 4 * C);
    const mlpProj = arena.zeros([T, C]);
    if (!options.ablatedMlps?.includes(layer)) {
      linearForward(mlpProj.data, gelu.data, block.mlp.c_proj.weight.data, block.mlp.c_proj.bias.data, T, 4 * C, C);
    }
    const resid2 = arena.zeros([T, C]);
    residualForward(resid2.data, resid1.data, mlpProj.data, T * C);

    blocks.push({ ln1, q, k, v, scores, masked, weights, attnOut, attnProj, resid1, ln2, fc, gelu, mlpProj, resid2 });
    x = resid2;
  });

  const lnF = arena.zeros([T, C]);
  layernormForward(lnF.data, null, null, x.data, params.ln_f.weight.data, params.ln_f.bias.data, T, C, eps);
  const logits = arena.zeros([rows, V]);
  unembeddingForward(logits.data, lnF.data.subarray(logitsFrom * C), unembeddingMatrix(model).data, rows, C, V);
  const probs = arena.zeros([rows, V]);
  softmaxForward(probs.data, logits.data, rows, V);

  if (arena.unused !== 0) throw new Error(`forward: the trace's size is off by ${arena.unused} values`);
  return { ids: idArray, tokEmb, posEmb, x0, blocks, lnF, logitsFrom, logits, probs };
}

/** How many values forward() keeps for T positions and `rows` rows of logits: the arena's exact size. */
export function traceSize(config: GPTConfig, T: number, rows: number): number {
  const { nEmbd: C, nHead: NH, nLayer: L, vocabSize: V } = config;
  // ln1, q, k, v, attnOut, attnProj, resid1, ln2, mlpProj, resid2; scores, masked, weights; fc, gelu
  const perBlock = T * C * 10 + NH * T * T * 3 + T * 4 * C * 2;
  return T * C * 3 + L * perBlock + T * C + rows * V * 2;
}
