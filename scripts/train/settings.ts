import type { GPTConfig } from '../../src/core/config.ts';
import type { EmbeddingRecipe } from './embed.ts';

// The two runs `npm run train` knows: the shipped model, and a toy run for the tests.
export interface RunSettings {
  config: GPTConfig;
  embedding: EmbeddingRecipe;
  corpusChars: number | null; // null: the whole corpus
  steps: number;
  batchSequences: number; // sequences of nPositions tokens per step
  peakLr: number;
  warmupSteps: number;
  gradClip: number;
  freezeWte: boolean;
  /** Learning-rate multiplier for wte when it is not frozen (default 1). Used by the ablation runs. */
  wteLrScale?: number;
  /** Stop after this many steps; the learning-rate schedule still runs over `steps`. */
  stopAt?: number;
  /** Start from the parameters a previous phase checkpointed in this build folder, instead of from initialisation. */
  initFrom?: { dir: string; settings: RunSettings };
  /** 'random' skips the PPMI + SVD embedding and starts wte like GPT-2 does. Used by the ablation runs. */
  wteInit?: 'ppmi' | 'random';
  evalEvery: number;
  evalSequences: number;
  checkpointEvery: number;
  seed: number;
}

const base = { layerNormEpsilon: 1e-5, activationFunction: 'gelu_new', tieWordEmbeddings: false } as const;

export const FULL_RUN: RunSettings = {
  config: { ...base, vocabSize: 8192, nPositions: 128, nEmbd: 64, nLayer: 4, nHead: 4 },
  embedding: { dims: 64, window: 8, harmonic: true, singularPower: 0.5, rms: 0.1 },
  corpusChars: null,
  steps: 2000,
  batchSequences: 16,
  peakLr: 3e-3,
  warmupSteps: 100,
  gradClip: 1,
  freezeWte: true,
  evalEvery: 100,
  evalSequences: 64,
  checkpointEvery: 50,
  seed: 1337,
};

/**
 * The shipped model trains in two phases. Phase 1 is FULL_RUN stopped after 550 steps (its first
 * 1.1M tokens at a peak rate of 0.003); short comparison runs then showed 0.01 learning faster
 * (scripts/train/results/wte-ablation.json), so phase 2 restarts the schedule at that rate from
 * phase 1's weights, on different batches.
 */
export const PHASE_1: RunSettings = { ...FULL_RUN, stopAt: 550 };
export const PHASE_2: RunSettings = {
  ...FULL_RUN,
  steps: 1800,
  peakLr: 1e-2,
  warmupSteps: 50,
  seed: 7331,
  initFrom: { dir: 'data/model-build', settings: PHASE_1 },
};

export const QUICK_RUN: RunSettings = {
  config: { ...base, vocabSize: 400, nPositions: 32, nEmbd: 32, nLayer: 2, nHead: 2 },
  embedding: { dims: 32, window: 4, harmonic: false, singularPower: 0.5, rms: 0.1 },
  corpusChars: 400_000,
  steps: 60,
  batchSequences: 8,
  peakLr: 1e-2,
  warmupSteps: 5,
  gradClip: 1,
  freezeWte: true,
  evalEvery: 20,
  evalSequences: 16,
  checkpointEvery: 20,
  seed: 1337,
};
