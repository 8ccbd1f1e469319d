import type { GPTConfig } from '../src/core/config';

/** The sizes a test picks for its model; W_u is a matrix of its own unless tieWordEmbeddings is true. */
type TinySizes = Pick<GPTConfig, 'vocabSize' | 'nPositions' | 'nEmbd' | 'nLayer' | 'nHead'> & Partial<Pick<GPTConfig, 'tieWordEmbeddings'>>;

/** A small GPT-2 config for tests: the sizes given, and the rest as GPT-2 has it (layer norm ε = 1e-5, gelu_new). */
export function tinyConfig({ vocabSize, nPositions, nEmbd, nLayer, nHead, tieWordEmbeddings = false }: TinySizes): GPTConfig {
  return { vocabSize, nPositions, nEmbd, nLayer, nHead, layerNormEpsilon: 1e-5, activationFunction: 'gelu_new', tieWordEmbeddings };
}
