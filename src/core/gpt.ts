import type { GPTModel } from './model';
import { unembeddingMatrix } from './model';
import { numel, TensorArena } from './tensor';
import type { GPTConfig } from './config';
import type { BlockTrace, ForwardOptions, Trace } from './trace';
import { embeddingForward } from './ops/embedding';
import { layernormForward } from './ops/layernorm';
import { unembeddingForward } from './ops/unembedding';
import { maskLogits } from './tokenMask';
import { softmaxForward } from './ops/softmax';
import { checkIds } from './context';
import { blockForward, blockShapes } from './block';
import { applyEmbeddingOverrides, checkAblations, interventionsFor } from './interventions';
import type { TraceMemory } from './traceMemory';

/**
 * One forward pass in paper order, keeping every intermediate in the returned trace. With `memory`, the
 * trace is written over the last one kept there instead of into fresh memory.
 */
export function forward(model: GPTModel, ids: readonly number[], options: ForwardOptions = {}, memory?: TraceMemory): Trace {
  const { config, params } = model;
  checkIds(config, ids);
  checkAblations(config, options);
  const { nEmbd: C, vocabSize: V, layerNormEpsilon: eps } = config;
  const T = ids.length;
  const logitsFrom = options.logitRows === 'last' ? T - 1 : 0; // W_u is most of the cost; generation needs one row
  const rows = T - logitsFrom;
  const size = traceSize(config, T, rows);
  const arena = memory ? memory.arena(size) : new TensorArena(size);
  const idArray = Int32Array.from(ids);

  const tokEmb = arena.zeros([T, C]); // (T, C) wte[ids]
  const posEmb = arena.zeros([T, C]); // (T, C) wpe[0..T)
  const x0 = arena.zeros([T, C]); // (T, C) tokEmb + posEmb
  embeddingForward(tokEmb.data, posEmb.data, x0.data, idArray, params.wte.data, params.wpe.data, T, C);
  applyEmbeddingOverrides(tokEmb, posEmb, x0, options);

  const qkv = memory ? memory.scratch(T * 3 * C) : new Float32Array(T * 3 * C); // (T, 3C) scratch for each block's c_attn output
  const blocks: BlockTrace[] = [];
  let x = x0;
  params.h.forEach((block, layer) => {
    const b = blockForward(arena, x, block, config, qkv, interventionsFor(options, layer)); // (T, C) -> (T, C)
    blocks.push(b);
    x = b.resid2;
  });

  const lnF = arena.zeros([T, C]); // (T, C)
  layernormForward(lnF.data, null, null, x.data, params.ln_f.weight.data, params.ln_f.bias.data, T, C, eps);
  const logits = arena.zeros([rows, V]); // (rows, C) @ W_uᵀ -> (rows, V)
  unembeddingForward(logits.data, lnF.data.subarray(logitsFrom * C), unembeddingMatrix(model).data, rows, C, V);
  maskLogits(logits.data, model.tokenMask, rows, V); // padding rows and vocab gaps: probability exactly 0
  const probs = arena.zeros([rows, V]); // (rows, V)
  softmaxForward(probs.data, logits.data, rows, V);

  if (arena.unused !== 0) throw new Error(`forward: the trace's size is off by ${arena.unused} values`);
  return { ids: idArray, tokEmb, posEmb, x0, blocks, lnF, logitsFrom, logits, probs };
}

/** How many values forward() keeps for T positions and `rows` rows of logits: the arena's exact size. */
export function traceSize(config: GPTConfig, T: number, rows: number): number {
  const { nEmbd: C, nLayer: L, vocabSize: V } = config;
  const perBlock = Object.values(blockShapes(config, T)).reduce((sum, shape) => sum + numel(shape), 0);
  // tokEmb, posEmb, x0; the blocks; lnF; logits, probs
  return 3 * T * C + L * perBlock + T * C + 2 * rows * V;
}
