import type { GPTConfig } from './config';
import type { Tensor } from './tensor';
import { zeros } from './tensor';
import type { Rng } from './rng';

// Parameter names follow the Hugging Face GPT-2 checkpoint so weights load by name.
// Linear weights are Conv1D-oriented as in GPT-2: (in, out), so y = x @ W + b.
export interface LayerNormParams {
  weight: Tensor; // (C)
  bias: Tensor; // (C)
}

export interface LinearParams {
  weight: Tensor; // (in, out)
  bias: Tensor; // (out)
}

export interface BlockParams {
  ln_1: LayerNormParams;
  attn: {
    c_attn: LinearParams; // (C, 3C)
    c_proj: LinearParams; // (C, C)
  };
  ln_2: LayerNormParams;
  mlp: {
    c_fc: LinearParams; // (C, 4C)
    c_proj: LinearParams; // (4C, C)
  };
}

export interface GPTParams {
  wte: Tensor; // (V, C)  W_e, one row per token
  wpe: Tensor; // (maxT, C)
  h: BlockParams[]; // L blocks
  ln_f: LayerNormParams;
  /** (V, C) W_u when untied; null means W_u is wte. */
  lm_head: Tensor | null;
}

export interface GPTModel {
  config: GPTConfig;
  params: GPTParams;
  /** (V) 1 where the id names a token in vocab.json; absent when every id does (see tokenMask.ts). */
  tokenMask?: Uint8Array;
}

/** W_u as used by the forward pass: lm_head when present, else tied to wte. */
export function unembeddingMatrix(model: GPTModel): Tensor {
  return model.params.lm_head ?? model.params.wte;
}

function layerNormParams(C: number): LayerNormParams {
  const weight = zeros([C]);
  weight.data.fill(1);
  return { weight, bias: zeros([C]) };
}

function linearParams(inDim: number, outDim: number, rng: Rng, std: number): LinearParams {
  const weight = zeros([inDim, outDim]);
  for (let i = 0; i < weight.data.length; i++) weight.data[i] = rng.normal() * std;
  return { weight, bias: zeros([outDim]) };
}

/**
 * GPT-2 style initialisation: N(0, std), residual projections scaled by 1/sqrt(2L). GPT-2's std of 0.02
 * was chosen for C = 768; a narrow model needs a larger one for its queries and keys to start at GPT-2's
 * scale (0.02·√(768/C)), or attention starts so flat that its Q and K gradients are tiny.
 */
export function initModel(config: GPTConfig, rng: Rng, std = 0.02): GPTModel {
  const { vocabSize: V, nPositions, nEmbd: C, nLayer: L } = config;
  const residStd = std / Math.sqrt(2 * L);
  const randn = (shape: number[], s: number) => {
    const t = zeros(shape);
    for (let i = 0; i < t.data.length; i++) t.data[i] = rng.normal() * s;
    return t;
  };
  const h: BlockParams[] = [];
  for (let l = 0; l < L; l++) {
    h.push({
      ln_1: layerNormParams(C),
      attn: { c_attn: linearParams(C, 3 * C, rng, std), c_proj: linearParams(C, C, rng, residStd) },
      ln_2: layerNormParams(C),
      mlp: { c_fc: linearParams(C, 4 * C, rng, std), c_proj: linearParams(4 * C, C, rng, residStd) },
    });
  }
  return {
    config,
    params: {
      wte: randn([V, C], std),
      wpe: randn([nPositions, C], std / 2),
      h,
      ln_f: layerNormParams(C),
      lm_head: config.tieWordEmbeddings ? null : randn([V, C], std),
    },
  };
}
