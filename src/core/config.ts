// Dimension letters used in shape comments across the core (as in llm.c):
//   T  sequence length (tokens in the current input), at most nPositions
//   C  channels, nEmbd
//   V  vocabulary size
//   NH number of heads, HS = C / NH head size
//   L  number of layers
export interface GPTConfig {
  vocabSize: number; // V
  nPositions: number; // maximum T
  nEmbd: number; // C
  nLayer: number; // L
  nHead: number; // NH
  layerNormEpsilon: number;
  activationFunction: 'gelu_new';
  /** false when the checkpoint carries its own lm_head (W_u); true when W_u = wte. */
  tieWordEmbeddings: boolean;
}

/** The most tokens a vocabulary may have, in config.json or vocab.json: GPT-2 has 50,257. */
export const MAX_VOCAB_SIZE = 2 ** 20;

export function headSize(config: GPTConfig): number {
  return config.nEmbd / config.nHead;
}
