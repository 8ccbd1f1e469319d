import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelFiles } from '../../src/core/checkpoint';
import { tensorsFromModel } from '../../src/core/checkpoint';
import type { GPTConfig } from '../../src/core/config';
import { initModel } from '../../src/core/model';
import { createRng } from '../../src/core/rng';
import { writeSafetensors } from '../../src/core/safetensors';
import type { Tensor } from '../../src/core/tensor';
import { rebuildGpt2Files, type Gpt2TokenizerFiles } from '../lib/gpt2Vocab';
import { writeModelDir } from '../lib/model-dir';

// A checkpoint laid out as Hugging Face's `gpt2` ships, for tests that CI can run without GPT-2's
// weights: GPT-2's own 50,257-token vocabulary and merges (rebuilt from gpt-tokenizer), a config.json
// with gpt2's keys, and F32 weights named "transformer.…" with no lm_head (W_u is tied to wte), plus
// the causal-mask buffers h.N.attn.bias that gpt2's file carries. The shape is GPT-2's, 12 layers of
// 12 heads, at a width of 48 so that it writes in a second; the weights are random.
//
//   npx tsx scripts/test-checkpoint/gpt2-shaped.ts DIR

export interface Gpt2ShapedOptions {
  nLayer?: number;
  nHead?: number;
  nEmbd?: number;
  nPositions?: number;
  seed?: number;
}

export const GPT2_SHAPED_DEFAULTS = { nLayer: 12, nHead: 12, nEmbd: 48, nPositions: 64, seed: 2019 } as const;
const GPT2_VOCAB_SIZE = 50257;
const END_OF_TEXT_ID = 50256;
// Wider than GPT-2's 0.02, so that random logits spread out and the top tokens differ clearly.
const WEIGHT_STD = 0.3;

let tokenizerFiles: Gpt2TokenizerFiles | null = null;

/** config.json as Hugging Face's gpt2 has it, with this checkpoint's sizes. */
export function gpt2ShapedConfigJson(config: GPTConfig): string {
  const json = {
    activation_function: 'gelu_new',
    architectures: ['GPT2LMHeadModel'],
    attn_pdrop: 0.1,
    bos_token_id: END_OF_TEXT_ID,
    embd_pdrop: 0.1,
    eos_token_id: END_OF_TEXT_ID,
    initializer_range: 0.02,
    layer_norm_epsilon: 1e-5,
    model_type: 'gpt2',
    n_ctx: config.nPositions,
    n_embd: config.nEmbd,
    n_head: config.nHead,
    n_layer: config.nLayer,
    n_positions: config.nPositions,
    resid_pdrop: 0.1,
    summary_activation: null,
    summary_first_dropout: 0.1,
    summary_proj_to_labels: true,
    summary_type: 'cls_index',
    summary_use_proj: true,
    task_specific_params: { 'text-generation': { do_sample: true, max_length: 50 } },
    vocab_size: config.vocabSize,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** The four files of a GPT-2-shaped checkpoint with random weights, in memory. */
export function gpt2ShapedFiles(options: Gpt2ShapedOptions = {}): ModelFiles {
  const { nLayer, nHead, nEmbd, nPositions, seed } = { ...GPT2_SHAPED_DEFAULTS, ...options };
  const config: GPTConfig = {
    vocabSize: GPT2_VOCAB_SIZE,
    nPositions,
    nEmbd,
    nLayer,
    nHead,
    layerNormEpsilon: 1e-5,
    activationFunction: 'gelu_new',
    tieWordEmbeddings: true,
  };
  const model = initModel(config, createRng(seed), WEIGHT_STD);
  const tensors: [string, Tensor][] = [...tensorsFromModel(model)].map(([name, t]) => [`transformer.${name}`, t]);
  // gpt2's checkpoint keeps each layer's causal mask, (1, 1, n_positions, n_positions), 1 on and below the diagonal.
  const mask = new Float32Array(nPositions * nPositions);
  for (let i = 0; i < nPositions; i++) mask.fill(1, i * nPositions, i * nPositions + i + 1);
  for (let l = 0; l < nLayer; l++) tensors.push([`transformer.h.${l}.attn.bias`, { data: mask, shape: [1, 1, nPositions, nPositions] }]);
  tokenizerFiles ??= rebuildGpt2Files();
  return {
    config: gpt2ShapedConfigJson(config),
    safetensors: writeSafetensors(tensors, { dtype: 'F32', metadata: { format: 'pt' } }),
    vocab: tokenizerFiles.vocabJson,
    merges: tokenizerFiles.mergesTxt,
  };
}

/** Write the checkpoint's four files into `dir`; returns the paths written. */
export function writeGpt2ShapedCheckpoint(dir: string, options: Gpt2ShapedOptions = {}): string[] {
  return writeModelDir(dir, gpt2ShapedFiles(options));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx scripts/test-checkpoint/gpt2-shaped.ts DIR');
    process.exit(2);
  }
  for (const path of writeGpt2ShapedCheckpoint(dir)) console.log(path);
}
