import { initModel, type GPTModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import type { GPTConfig } from '../src/core/config';
import { tinyConfig } from './tinyConfig';

/**
 * A small random GPT for the logit-lens tests: 3 layers, 2 heads, 8 numbers per token. A random init has
 * ln_f = (1, 0) and tiny W_u weights, so the lens would read nearly uniform rows and a test could not
 * see ln_f used; `lnWeight`, `lnBias` and `headScale` give them a real shape.
 */
export function lensModel(options: {
  vocabSize: number;
  nPositions: number;
  seed: number;
  lnWeight: (i: number) => number;
  lnBias: (i: number) => number;
  headScale: number;
}): { config: GPTConfig; model: GPTModel } {
  const config = tinyConfig({ vocabSize: options.vocabSize, nPositions: options.nPositions, nEmbd: 8, nLayer: 3, nHead: 2 });
  const model = initModel(config, createRng(options.seed));
  model.params.ln_f.weight.data.forEach((_, i, a) => (a[i] = options.lnWeight(i)));
  model.params.ln_f.bias.data.forEach((_, i, a) => (a[i] = options.lnBias(i)));
  model.params.lm_head!.data.forEach((x, i, a) => (a[i] = x * options.headScale));
  return { config, model };
}
