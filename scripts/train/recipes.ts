import type { RunSettings } from './settings.ts';

// The recipes compared while the shipped recipe was being chosen (scripts/train/compare.ts).
export interface RecipeVariant {
  variant: string;
  description: string;
  change: Partial<Omit<RunSettings, 'config'>> & { config?: Partial<RunSettings['config']> };
}

/** The recipe of the model shipped before December 2026, which every variant below starts from. */
export const OLD_RECIPE: Partial<RunSettings> = {
  embedding: { dims: 64, window: 8, harmonic: true, singularPower: 0.5, rms: 0.1 },
  freezeWte: true,
  wteLrScale: 1,
  decayWte: true,
  wpeInit: 'random',
  wpeInitStd: 0.01,
  decayWpe: true,
  lmHeadInit: 'random',
  initStd: 0.02,
  warmupSteps: 50,
};

const CONTEXT_RECIPE = {
  freezeWte: false,
  wteLrScale: 0.3,
  wpeInitStd: 0.1,
  decayWpe: false,
  lmHeadInit: 'wte',
  lmHeadRms: 0.1,
} as const;

/** context-sinusoidal-init, FIRST_RECIPE_RUN's recipe (the model shipped until December 6), which the later variants change. */
const SINUSOIDAL_INIT = {
  ...CONTEXT_RECIPE,
  wpeInit: 'sinusoidal',
  decayWte: false,
  initStd: 0.02 * Math.sqrt(768 / 64),
  embedding: { dims: 64, window: 8, harmonic: true, singularPower: 0.5, rms: 0.1, centre: true },
} as const;

/** sharp-start: the three changes to attention's start that together formed a previous-token head fastest. */
const SHARP_START = { ...SINUSOIDAL_INIT, queryKeyInitScale: 3, wpeInitStd: 0.4, decayAttention: false } as const;

export const RECIPE_VARIANTS: RecipeVariant[] = [
  {
    variant: 'frozen',
    description: 'the earlier shipped recipe: PPMI + SVD W_e frozen, small decayed wpe, lm_head from noise',
    change: {},
  },
  {
    variant: 'context',
    description: "centred PPMI + SVD W_e trained at 0.3× the rate, wpe at W_e's scale without decay, lm_head starts from W_e",
    change: { ...CONTEXT_RECIPE, embedding: { dims: 64, window: 8, harmonic: true, singularPower: 0.5, rms: 0.1, centre: true } },
  },
  {
    variant: 'context-sinusoidal',
    description: 'as context, with wpe starting from sines and cosines (RMS 0.1) instead of noise',
    change: {
      ...CONTEXT_RECIPE,
      wpeInit: 'sinusoidal',
      embedding: { dims: 64, window: 8, harmonic: true, singularPower: 0.5, rms: 0.1, centre: true },
    },
  },
  {
    variant: 'context-sinusoidal-init',
    description:
      "as context-sinusoidal, with the linear layers started at GPT-2's scale for this width (std 0.02·√(768/64) ≈ 0.069) and embeddings undecayed",
    change: {
      ...SINUSOIDAL_INIT,
    },
  },
  {
    variant: 'context-sinusoidal-b8',
    description:
      'as context-sinusoidal, with 8 sequences a step instead of 16 (twice the steps for the same tokens) and embeddings undecayed',
    change: {
      ...CONTEXT_RECIPE,
      wpeInit: 'sinusoidal',
      decayWte: false,
      batchSequences: 8,
      embedding: { dims: 64, window: 8, harmonic: true, singularPower: 0.5, rms: 0.1, centre: true },
    },
  },
  {
    variant: 'context-uncentred',
    description: 'as context, but W_e not centred',
    change: { ...CONTEXT_RECIPE },
  },
  {
    variant: 'context-noise-head',
    description: 'as context, but lm_head starts from noise',
    change: {
      ...CONTEXT_RECIPE,
      lmHeadInit: 'random',
      embedding: { dims: 64, window: 8, harmonic: true, singularPower: 0.5, rms: 0.1, centre: true },
    },
  },
  ...[16, 32].map((seqLen): RecipeVariant => ({
    variant: `short-windows-${seqLen}`,
    description: `as context-sinusoidal-init, trained on windows of ${seqLen} tokens (the same tokens per step)`,
    change: {
      ...SINUSOIDAL_INIT,
      windowSchedule: [{ untilStep: Number.MAX_SAFE_INTEGER, seqLen }],
    },
  })),
  ...[0.2, 0.4].map((rms): RecipeVariant => ({
    variant: `wpe-rms-${rms}`,
    description: `as context-sinusoidal-init, with the sinusoidal wpe started at RMS ${rms} (W_e's is 0.1), so position outweighs the token in early attention`,
    change: { ...SINUSOIDAL_INIT, wpeInitStd: rms },
  })),
  {
    variant: 'wide-128',
    description:
      'as context-sinusoidal-init, twice as wide: C = 128 in 4 heads of 32 (the block matrices cost 4× per token, W_e and W_u 2×)',
    change: {
      ...SINUSOIDAL_INIT,
      initStd: 0.02 * Math.sqrt(768 / 128),
      config: { nEmbd: 128, nHead: 4 },
      embedding: { ...SINUSOIDAL_INIT.embedding, dims: 128 },
    },
  },
  ...[3e-3].map((peakLr): RecipeVariant => ({
    variant: `lr-${peakLr}`,
    description: `as context-sinusoidal-init, at a peak learning rate of ${peakLr} instead of 0.01, to see whether smaller steps let the query and key weights follow their weak, noisy gradient`,
    change: {
      ...SINUSOIDAL_INIT,
      peakLr,
    },
  })),
  {
    variant: 'attention-undecayed',
    description:
      "as context-sinusoidal-init, with no weight decay on attention's W_Q, W_K and W_V, so that the query and key weights can grow as large as a sharp head needs",
    change: { ...SINUSOIDAL_INIT, decayAttention: false },
  },
  {
    variant: 'query-key-3x',
    description:
      "as context-sinusoidal-init, with W_Q and W_K started 3× larger, so that each head's scores spread wider and its softmax is peaked from the start",
    change: { ...SINUSOIDAL_INIT, queryKeyInitScale: 3 },
  },
  {
    variant: 'short-start-32',
    description:
      'as context-sinusoidal-init, on windows of 32 tokens for the first 750 steps (the same tokens per step) and of 128 after, so that early attention spreads over fewer tokens',
    change: { ...SINUSOIDAL_INIT, windowSchedule: [{ untilStep: 750, seqLen: 32 }] },
  },
  {
    variant: 'sharp-start',
    description:
      'as context-sinusoidal-init, with the three changes that each sharpened the best head a little, together: W_Q and W_K started 3× larger, the sinusoidal wpe at RMS 0.4, and no weight decay on attention',
    change: SHARP_START,
  },
  {
    variant: 'sharp-start-we-0.4',
    description:
      'as sharp-start, with W_e started at RMS 0.4, as large as wpe, instead of 0.1: Adam moves every weight by about the same amount per step whatever its size, so a larger W_e is moved less in proportion and may keep its analogies',
    change: { ...SHARP_START, embedding: { ...SINUSOIDAL_INIT.embedding, rms: 0.4 } },
  },
  {
    variant: 'sharp-start-frozen-we',
    description: 'as sharp-start, with W_e frozen at its PPMI + SVD start, so that it keeps its analogies: what does that cost?',
    change: { ...SHARP_START, freezeWte: true },
  },
];
