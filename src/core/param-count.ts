import type { GPTConfig } from './config';

// Where a GPT's parameters live, counted from its configuration alone. For the model actually
// loaded, groupCheckpointCounts does the same from the checkpoint's own tensors.

export interface ParamConfig {
  name: string;
  vocabSize: number; // V
  nPositions: number; // maximum T
  nEmbd: number; // C
  nLayer: number; // L
  /** Heads do not change the count (they split C); kept for display. */
  nHead?: number;
  /** true when W_u is W_e itself, so the unembedding adds no parameters. */
  tied: boolean;
}

// Published configurations (GPT-2: Radford et al. 2019 / the Hugging Face checkpoints; GPT-3: Brown et al. 2020, table 2.1).
export const GPT2_SMALL: ParamConfig = {
  name: 'GPT-2 small (124M)',
  vocabSize: 50257,
  nPositions: 1024,
  nEmbd: 768,
  nLayer: 12,
  nHead: 12,
  tied: true,
};
export const GPT2_MEDIUM: ParamConfig = {
  name: 'GPT-2 medium (355M)',
  vocabSize: 50257,
  nPositions: 1024,
  nEmbd: 1024,
  nLayer: 24,
  nHead: 16,
  tied: true,
};
export const GPT2_LARGE: ParamConfig = {
  name: 'GPT-2 large (774M)',
  vocabSize: 50257,
  nPositions: 1024,
  nEmbd: 1280,
  nLayer: 36,
  nHead: 20,
  tied: true,
};
export const GPT2_XL: ParamConfig = {
  name: 'GPT-2 XL (1.5B)',
  vocabSize: 50257,
  nPositions: 1024,
  nEmbd: 1600,
  nLayer: 48,
  nHead: 25,
  tied: true,
};
/**
 * GPT-3 175B ties W_u to W_e like GPT-2; the total is then 174,604,259,328. The lecture notes count
 * W_u separately (another 617,558,016), which gives 175,221,817,344: use GPT3_175B_UNTIED for that view.
 */
export const GPT3_175B: ParamConfig = {
  name: 'GPT-3 175B',
  vocabSize: 50257,
  nPositions: 2048,
  nEmbd: 12288,
  nLayer: 96,
  nHead: 96,
  tied: true,
};
export const GPT3_175B_UNTIED: ParamConfig = { ...GPT3_175B, name: 'GPT-3 175B (W_u counted separately)', tied: false };

export type ParamGroupKey =
  | 'tokenEmbedding'
  | 'positionEmbedding'
  | 'attnQ'
  | 'attnK'
  | 'attnV'
  | 'attnO'
  | 'attnBiases'
  | 'mlpUp'
  | 'mlpDown'
  | 'mlpBiases'
  | 'layerNorms'
  | 'finalLayerNorm'
  | 'unembedding';

export interface ParamGroup {
  key: ParamGroupKey;
  /** true for groups repeated in every block; `count` is then the sum over all L blocks. */
  perLayer: boolean;
  /** Parameters in one block (per-layer groups) or in the whole group (the others). */
  each: number;
  count: number;
}

export const PARAM_GROUP_ORDER: readonly ParamGroupKey[] = [
  'tokenEmbedding',
  'positionEmbedding',
  'attnQ',
  'attnK',
  'attnV',
  'attnO',
  'attnBiases',
  'mlpUp',
  'mlpDown',
  'mlpBiases',
  'layerNorms',
  'finalLayerNorm',
  'unembedding',
];

const PER_LAYER = new Set<ParamGroupKey>(['attnQ', 'attnK', 'attnV', 'attnO', 'attnBiases', 'mlpUp', 'mlpDown', 'mlpBiases', 'layerNorms']);

function buildGroups(each: Record<ParamGroupKey, number>, L: number): { groups: ParamGroup[]; total: number } {
  const groups = PARAM_GROUP_ORDER.map((key) => {
    const perLayer = PER_LAYER.has(key);
    return { key, perLayer, each: each[key], count: perLayer ? each[key] * L : each[key] };
  });
  return { groups, total: groups.reduce((sum, g) => sum + g.count, 0) };
}

export function countParameters(c: ParamConfig): { groups: ParamGroup[]; total: number } {
  const { vocabSize: V, nPositions, nEmbd: C, nLayer: L } = c;
  return buildGroups(
    {
      tokenEmbedding: V * C,
      positionEmbedding: nPositions * C,
      attnQ: C * C,
      attnK: C * C,
      attnV: C * C,
      attnO: C * C,
      attnBiases: 3 * C + C, // c_attn bias (3C) + c_proj bias (C)
      mlpUp: C * 4 * C,
      mlpDown: 4 * C * C,
      mlpBiases: 4 * C + C, // c_fc bias (4C) + c_proj bias (C)
      layerNorms: 2 * (C + C), // ln_1 and ln_2, each a scale and a shift
      finalLayerNorm: C + C,
      unembedding: c.tied ? 0 : V * C,
    },
    L,
  );
}

export function paramConfigFromModel(config: GPTConfig, name: string): ParamConfig {
  return {
    name,
    vocabSize: config.vocabSize,
    nPositions: config.nPositions,
    nEmbd: config.nEmbd,
    nLayer: config.nLayer,
    nHead: config.nHead,
    tied: config.tieWordEmbeddings,
  };
}

/**
 * The same groups, added up from a checkpoint's tensor list (checkpoint.ts parameterCounts), so the
 * figures for the loaded model are what its files hold. c_attn stores Q, K and V side by side as
 * (C, 3C); each gets a third of its columns.
 */
export function groupCheckpointCounts(
  tensors: readonly { name: string; shape: readonly number[]; count: number }[],
  nLayer: number,
): { groups: ParamGroup[]; total: number } {
  const sums = Object.fromEntries(PARAM_GROUP_ORDER.map((k) => [k, 0])) as Record<ParamGroupKey, number>;
  const add = (key: ParamGroupKey, n: number) => {
    sums[key] += PER_LAYER.has(key) ? n / nLayer : n;
  };
  for (const { name, count } of tensors) {
    const local = name.replace(/^transformer\./, '').replace(/^h\.\d+\./, '');
    if (name === 'wte.weight') add('tokenEmbedding', count);
    else if (name === 'wpe.weight') add('positionEmbedding', count);
    else if (name === 'lm_head.weight') add('unembedding', count);
    else if (name.startsWith('ln_f.')) add('finalLayerNorm', count);
    else if (local === 'attn.c_attn.weight') {
      add('attnQ', count / 3);
      add('attnK', count / 3);
      add('attnV', count / 3);
    } else if (local === 'attn.c_proj.weight') add('attnO', count);
    else if (local === 'attn.c_attn.bias' || local === 'attn.c_proj.bias') add('attnBiases', count);
    else if (local === 'mlp.c_fc.weight') add('mlpUp', count);
    else if (local === 'mlp.c_proj.weight') add('mlpDown', count);
    else if (local === 'mlp.c_fc.bias' || local === 'mlp.c_proj.bias') add('mlpBiases', count);
    else if (local.startsWith('ln_1.') || local.startsWith('ln_2.')) add('layerNorms', count);
    else throw new Error(`parameter count: the checkpoint tensor "${name}" belongs to no known group`);
  }
  return buildGroups(sums, nLayer);
}

export type LessonCategory = 'embedding' | 'key' | 'query' | 'value' | 'output' | 'upProjection' | 'downProjection' | 'unembedding';
export type LeftOutKey = 'positionEmbedding' | 'biases' | 'layerNorms';

/**
 * The lesson's matrix-by-matrix tally: the eight kinds of weight matrix and nothing else, W_u counted as
 * a matrix of its own. For GPT-3 it gives 175,181,291,520.
 */
export function lessonTally(c: ParamConfig): { rows: { key: LessonCategory; count: number }[]; total: number } {
  const { vocabSize: V, nEmbd: C, nLayer: L } = c;
  const rows: { key: LessonCategory; count: number }[] = [
    { key: 'embedding', count: V * C },
    { key: 'key', count: C * C * L },
    { key: 'query', count: C * C * L },
    { key: 'value', count: C * C * L },
    { key: 'output', count: C * C * L },
    { key: 'upProjection', count: C * 4 * C * L },
    { key: 'downProjection', count: 4 * C * C * L },
    { key: 'unembedding', count: V * C },
  ];
  return { rows, total: rows.reduce((sum, r) => sum + r.count, 0) };
}

/** What the lesson's tally leaves out; added to it, it gives countParameters' untied total. */
export function leftOutOfTally(c: ParamConfig): { rows: { key: LeftOutKey; count: number }[]; total: number } {
  const { nPositions, nEmbd: C, nLayer: L } = c;
  const rows: { key: LeftOutKey; count: number }[] = [
    { key: 'positionEmbedding', count: nPositions * C },
    { key: 'biases', count: (3 * C + C + 4 * C + C) * L },
    { key: 'layerNorms', count: 4 * C * L + 2 * C },
  ];
  return { rows, total: rows.reduce((sum, r) => sum + r.count, 0) };
}
