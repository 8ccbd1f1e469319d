import { MAX_VOCAB_SIZE, type GPTConfig } from './config';
import type { BlockParams, GPTModel, LayerNormParams, LinearParams } from './model';
import type { Tensor } from './tensor';
import { numel } from './tensor';
import { showJsonValue, withoutByteOrderMark } from './jsonValue';

// A checkpoint in the Hugging Face GPT-2 layout: config.json, model.safetensors and the
// tokenizer's vocab.json + merges.txt. Tensor names match GPTParams, so loading is a
// look-up by name plus a shape check; no file system here, callers pass the contents.

export interface ModelFiles {
  config: string; // config.json text
  safetensors: Uint8Array; // model.safetensors bytes
  vocab: string; // vocab.json text
  merges: string; // merges.txt text
}

// HF names for the tanh approximation of GELU that GPT-2 uses; "gelu" (exact erf) differs.
const TANH_GELU_NAMES = ['gelu_new', 'gelu_pytorch_tanh', 'gelu_fast'];

// HF's GPT-2 stores the causal mask as non-parameter buffers in some checkpoints.
const IGNORED_BUFFER = /^(transformer\.)?h\.\d+\.attn\.(bias|masked_bias)$/;

// The largest sizes config.json may ask for: generous beside GPT-2's own (GPT-2 XL has 50,257 tokens,
// 1,024 positions, 1,600 channels, 48 layers and 25 heads), small enough that no size is a typo or an
// overflow. The file's tensors must then match them, so memory is spent only on weights that exist.
const CONFIG_LIMITS = {
  vocab_size: { max: MAX_VOCAB_SIZE, why: 'GPT-2 has 50,257 tokens' },
  n_positions: { max: 2 ** 16, why: 'GPT-2 reads 1,024 positions' },
  n_embd: { max: 2 ** 14, why: 'GPT-2 XL has 1,600 channels' },
  n_layer: { max: 256, why: 'GPT-2 XL has 48 layers' },
  n_head: { max: 256, why: 'GPT-2 XL has 25 heads' },
} as const;
const MAX_LAYER_NORM_EPSILON = 0.01;

/** Read a Hugging Face GPT-2 config.json into a GPTConfig, with a clear error for anything we cannot run. */
export function parseConfig(json: string, fileName = 'config.json'): GPTConfig {
  const fail = (problem: string): never => {
    throw new Error(`${fileName}: ${problem}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(withoutByteOrderMark(json));
  } catch (error) {
    fail(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('expected a JSON object');
  const c = raw as Record<string, unknown>;

  if (c.model_type !== undefined && c.model_type !== 'gpt2') {
    fail(`model_type is ${showJsonValue(c.model_type)}, but this app only runs GPT-2 ("gpt2") checkpoints`);
  }
  const positiveInteger = (key: keyof typeof CONFIG_LIMITS, value: unknown = c[key], label: string = key): number => {
    if (value === undefined) fail(`${label} is missing`);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
      fail(`${label} must be a positive integer, got ${showJsonValue(value)}`);
    }
    const limit = CONFIG_LIMITS[key];
    if ((value as number) > limit.max) {
      fail(`${label} is ${value as number}, above the largest this app accepts, ${limit.max} (${limit.why})`);
    }
    return value as number;
  };

  const vocabSize = positiveInteger('vocab_size');
  const nPositions =
    c.n_positions !== undefined ? positiveInteger('n_positions') : positiveInteger('n_positions', c.n_ctx, 'n_positions (or n_ctx)');
  const nEmbd = positiveInteger('n_embd');
  const nLayer = positiveInteger('n_layer');
  const nHead = positiveInteger('n_head');
  if (nEmbd % nHead !== 0) fail(`n_embd ${nEmbd} is not divisible by n_head ${nHead}, so heads cannot split it evenly`);

  const layerNormEpsilon = c.layer_norm_epsilon ?? 1e-5;
  if (typeof layerNormEpsilon !== 'number' || !(layerNormEpsilon > 0) || layerNormEpsilon > MAX_LAYER_NORM_EPSILON) {
    fail(
      `layer_norm_epsilon must be a small positive number, above 0 and at most ${MAX_LAYER_NORM_EPSILON} ` +
        `(GPT-2 uses 1e-5; a larger one flattens every layer norm), got ${showJsonValue(c.layer_norm_epsilon)}`,
    );
  }
  const activation = c.activation_function ?? 'gelu_new';
  if (typeof activation !== 'string' || !TANH_GELU_NAMES.includes(activation)) {
    fail(
      `activation_function is ${showJsonValue(activation)}, but GPT-2 uses the tanh approximation of GELU ` +
        `(${TANH_GELU_NAMES.map((n) => `"${n}"`).join(', ')})`,
    );
  }
  const tieWordEmbeddings = c.tie_word_embeddings ?? true;
  if (typeof tieWordEmbeddings !== 'boolean') {
    fail(`tie_word_embeddings must be true or false, got ${showJsonValue(tieWordEmbeddings)}`);
  }

  // Options HF's GPT2Config allows that would change the math our forward pass does.
  if (c.n_inner !== undefined && c.n_inner !== null && c.n_inner !== 4 * nEmbd) {
    fail(`n_inner is ${showJsonValue(c.n_inner)}, but this app's MLP always has 4 × n_embd = ${4 * nEmbd} units`);
  }
  if (c.scale_attn_weights === false) fail('scale_attn_weights is false; this app always divides scores by √head_size');
  if (c.scale_attn_by_inverse_layer_idx === true) {
    fail('scale_attn_by_inverse_layer_idx is true; this app does not scale attention by layer index');
  }

  return {
    vocabSize,
    nPositions,
    nEmbd,
    nLayer,
    nHead,
    layerNormEpsilon: layerNormEpsilon as number,
    activationFunction: 'gelu_new',
    tieWordEmbeddings: tieWordEmbeddings as boolean,
  };
}

/** The config in Hugging Face's config.json form, so `transformers` can load what we save. */
export function configToJson(config: GPTConfig): string {
  const json = {
    model_type: 'gpt2',
    architectures: ['GPT2LMHeadModel'],
    vocab_size: config.vocabSize,
    n_positions: config.nPositions,
    n_ctx: config.nPositions,
    n_embd: config.nEmbd,
    n_layer: config.nLayer,
    n_head: config.nHead,
    n_inner: null,
    layer_norm_epsilon: config.layerNormEpsilon,
    activation_function: config.activationFunction,
    tie_word_embeddings: config.tieWordEmbeddings,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Build a GPTModel from checkpoint tensors, checking every name and shape against the config. */
export function modelFromTensors(config: GPTConfig, tensors: Map<string, Tensor>, fileName = 'model.safetensors'): GPTModel {
  return assemble(config, tensors, fileName, true).model;
}

/**
 * Check tensor names and shapes alone (as a safetensors header gives them) against the config, with
 * the messages modelFromTensors gives, before any weight is read. Returns the names of the tensors
 * the model takes its weights from, so a reader can skip the rest (gpt2's causal-mask buffers, a
 * tied checkpoint's copy of wte as lm_head).
 */
export function checkTensorShapes(config: GPTConfig, shapes: Map<string, readonly number[]>, fileName = 'model.safetensors'): Set<string> {
  const empty = new Float32Array(0);
  const placeholders = new Map([...shapes].map(([name, shape]) => [name, { data: empty, shape: [...shape] }]));
  return assemble(config, placeholders, fileName, false).taken;
}

// With checkValues false, the tensors' data is not looked at: only their names and shapes.
function assemble(
  config: GPTConfig,
  tensors: Map<string, Tensor>,
  fileName: string,
  checkValues: boolean,
): { model: GPTModel; taken: Set<string> } {
  const { vocabSize: V, nPositions, nEmbd: C, nLayer: L } = config;
  const fail = (problem: string): never => {
    throw new Error(`${fileName}: ${problem}`);
  };
  const used = new Set<string>();
  const taken = new Set<string>();
  const keyOf = (name: string): string | undefined => [name, `transformer.${name}`].find((key) => tensors.has(key));
  const find = (name: string): Tensor | undefined => {
    const key = keyOf(name);
    if (key === undefined) return undefined;
    used.add(key);
    return tensors.get(key);
  };
  const take = (name: string, shape: number[], meaning: string): Tensor => {
    const t = find(name) ?? fail(`tensor ${name} is missing (looked for "${name}" and "transformer.${name}")`);
    taken.add(keyOf(name)!);
    if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
      fail(`${name} has shape [${t.shape.join(', ')}], expected [${shape.join(', ')}] ${meaning}`);
    }
    if (!checkValues) return { data: t.data, shape };
    if (t.data.length !== numel(shape)) fail(`${name} has ${t.data.length} values for shape [${shape.join(', ')}]`);
    const bad = firstNonFinite(t.data);
    if (bad !== -1) {
      // One NaN spreads through every layer after it, to every probability: refuse rather than show NaN%.
      fail(`${name} holds ${t.data[bad]} at index [${indexIn(shape, bad).join(', ')}]; every weight must be a finite number`);
    }
    return { data: t.data, shape };
  };

  // The embeddings are compared with config.json first: a mismatch there usually means the
  // config belongs to a different model, which deserves a plainer message than a shape error.
  const agree = (name: string, axis: 0 | 1, key: string, expected: number) => {
    const t = find(name);
    if (t && t.shape.length === 2 && t.shape[axis] !== expected) {
      fail(`config.json says ${key} ${expected} but ${name} has ${t.shape[axis]} ${axis === 0 ? 'rows' : 'columns'}`);
    }
  };
  agree('wte.weight', 0, 'vocab_size', V);
  agree('wte.weight', 1, 'n_embd', C);
  agree('wpe.weight', 0, 'n_positions', nPositions);
  const wte = take('wte.weight', [V, C], '(V, C)');
  const wpe = take('wpe.weight', [nPositions, C], '(n_positions, C)');

  const layerNorm = (prefix: string): LayerNormParams => ({
    weight: take(`${prefix}.weight`, [C], '(C)'),
    bias: take(`${prefix}.bias`, [C], '(C)'),
  });
  const linear = (prefix: string, inDim: number, outDim: number, inName: string, outName: string): LinearParams => ({
    weight: take(`${prefix}.weight`, [inDim, outDim], `(${inName}, ${outName}), Conv1D's (in, out) order`),
    bias: take(`${prefix}.bias`, [outDim], `(${outName})`),
  });

  const h: BlockParams[] = [];
  for (let l = 0; l < L; l++) {
    h.push({
      ln_1: layerNorm(`h.${l}.ln_1`),
      attn: {
        c_attn: linear(`h.${l}.attn.c_attn`, C, 3 * C, 'C', '3C'),
        c_proj: linear(`h.${l}.attn.c_proj`, C, C, 'C', 'C'),
      },
      ln_2: layerNorm(`h.${l}.ln_2`),
      mlp: {
        c_fc: linear(`h.${l}.mlp.c_fc`, C, 4 * C, 'C', '4C'),
        c_proj: linear(`h.${l}.mlp.c_proj`, 4 * C, C, '4C', 'C'),
      },
    });
  }
  const ln_f = layerNorm('ln_f');
  let lm_head: Tensor | null = null;
  if (config.tieWordEmbeddings) {
    // A tied checkpoint may still carry a copy of wte as lm_head; the forward pass uses wte.
    find('lm_head.weight');
  } else {
    if (!find('lm_head.weight')) {
      fail('tensor lm_head.weight is missing, and config.json sets tie_word_embeddings to false so it is required');
    }
    lm_head = take('lm_head.weight', [V, C], '(V, C)');
  }

  const unknown = [...tensors.keys()].filter((name) => !used.has(name) && !IGNORED_BUFFER.test(name));
  if (unknown.length > 0) {
    const extraLayer = unknown.find((name) => /^(transformer\.)?h\.\d+\./.test(name));
    const hint = extraLayer ? ` (config.json says n_layer ${L}; does the checkpoint have more layers?)` : '';
    const listed = unknown.slice(0, 5).join(', ') + (unknown.length > 5 ? `, … ${unknown.length - 5} more` : '');
    fail(`contains tensors a GPT-2 model does not use: ${listed}${hint}`);
  }
  return { model: { config, params: { wte, wpe, h, ln_f, lm_head } }, taken };
}

function firstNonFinite(values: Float32Array): number {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return i;
  return -1;
}

/** The multi-dimensional index of flat position `flat` in a row-major tensor of `shape`. */
function indexIn(shape: readonly number[], flat: number): number[] {
  const index: number[] = [];
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index.unshift(flat % shape[axis]);
    flat = Math.floor(flat / shape[axis]);
  }
  return index;
}

/** Every weight of the model under its checkpoint name (no "transformer." prefix). */
export function tensorsFromModel(model: GPTModel): Map<string, Tensor> {
  const { params } = model;
  const out = new Map<string, Tensor>();
  const addLayerNorm = (prefix: string, p: LayerNormParams) => {
    out.set(`${prefix}.weight`, p.weight);
    out.set(`${prefix}.bias`, p.bias);
  };
  const addLinear = addLayerNorm; // same two tensors: weight and bias
  out.set('wte.weight', params.wte);
  out.set('wpe.weight', params.wpe);
  params.h.forEach((block, l) => {
    addLayerNorm(`h.${l}.ln_1`, block.ln_1);
    addLinear(`h.${l}.attn.c_attn`, block.attn.c_attn);
    addLinear(`h.${l}.attn.c_proj`, block.attn.c_proj);
    addLayerNorm(`h.${l}.ln_2`, block.ln_2);
    addLinear(`h.${l}.mlp.c_fc`, block.mlp.c_fc);
    addLinear(`h.${l}.mlp.c_proj`, block.mlp.c_proj);
  });
  addLayerNorm('ln_f', params.ln_f);
  if (params.lm_head) out.set('lm_head.weight', params.lm_head);
  return out;
}

/** One row per weight tensor, counted from the loaded tensors themselves; a tied lm_head is not listed. */
export function parameterCounts(model: GPTModel): { name: string; shape: number[]; count: number }[] {
  return [...tensorsFromModel(model)].map(([name, t]) => ({ name, shape: [...t.shape], count: t.data.length }));
}

// Models often pad the embedding to a multiple of 64 or 128 rows for speed (50257 -> 50304);
// a bigger gap means the tokenizer and the weights come from different models.
const MAX_EMBEDDING_PADDING = 128;

/** Throw unless a tokenizer with `vocabSize` tokens fits the model's embedding table. */
export function checkVocabAgreement(config: GPTConfig, vocabSize: number, fileName = 'vocab.json'): void {
  if (!Number.isSafeInteger(vocabSize) || vocabSize <= 0) {
    throw new Error(`${fileName}: the tokenizer has ${vocabSize} tokens; expected a positive number`);
  }
  if (vocabSize > config.vocabSize) {
    throw new Error(
      `${fileName} has ${vocabSize} tokens but config.json says vocab_size ${config.vocabSize}: ` +
        `token ids ${config.vocabSize} and up would have no row in wte`,
    );
  }
  if (config.vocabSize - vocabSize > MAX_EMBEDDING_PADDING) {
    throw new Error(
      `${fileName} has ${vocabSize} tokens but config.json says vocab_size ${config.vocabSize}; ` +
        'that is more padding than models use, so the tokenizer probably belongs to a different model',
    );
  }
}
