import type { GPTConfig } from '../../src/core/config.ts';
import type { GenderSwap } from './genderSwap.ts';
import type { GenderSwapWay } from './schedule.ts';

// Messages between the training loop and its worker threads. Buffers are shared, never copied.
export interface WorkerInit {
  config: GPTConfig;
  params: SharedArrayBuffer; // flat parameters, written only by the main thread between steps
  grads: SharedArrayBuffer; // this worker's gradient buffer
  train: SharedArrayBuffer; // Uint16 tokens
  val: SharedArrayBuffer; // Uint16 tokens
  seqLen: number; // evaluation windows; a training step names its own
  freezeWte: boolean;
  genderSwap?: GenderSwap; // for the windows a step asks to read swapped (genderSwap.ts)
  textSwap?: { vocabJson: string; mergesTxt: string }; // or, to swap them as text, the tokenizer (genderSwapText.ts)
}

export type WorkerRequest =
  | { kind: 'step'; starts: number[]; seqLen: number; scale: number; swapped?: boolean[]; swapBy?: GenderSwapWay }
  | { kind: 'eval'; starts: number[] };

export interface WorkerReply {
  lossSum: number; // summed mean-per-sequence losses
  sequences: number;
}
