import type { Tensor } from './tensor';
import { GPT3_175B } from './param-count';

// How big the embedding matrix is here and in GPT-3, both computed rather than typed in.

export interface EmbeddingSize {
  rows: number; // V
  columns: number; // C
  parameters: number; // V × C
}

/** V × C of a loaded (V, C) matrix. */
export function embeddingSize(wte: Tensor): EmbeddingSize {
  const [rows, columns] = wte.shape;
  return { rows, columns, parameters: rows * columns };
}

/** GPT-3 175B's W_e, from its published configuration. */
export function gpt3EmbeddingSize(): EmbeddingSize {
  const { vocabSize, nEmbd } = GPT3_175B;
  return { rows: vocabSize, columns: nEmbd, parameters: vocabSize * nEmbd };
}
