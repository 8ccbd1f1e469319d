import type { GPTModel } from '../model';

// A training start, used only by comparison runs: every head's W_Q and W_K start larger than the other linear
// layers, so its scores spread wider and its softmax is peaked before training has had to grow them.

/** Multiply the query and key columns of every block's c_attn weight, (C, 3C) laid out as [Q | K | V], by `scale`. */
export function scaleQueryKeyStart(model: GPTModel, scale: number): void {
  const C = model.config.nEmbd;
  for (const block of model.params.h) {
    const w = block.attn.c_attn.weight.data; // (C, 3C)
    for (let row = 0; row < C; row++) for (let col = 0; col < 2 * C; col++) w[row * 3 * C + col] *= scale;
  }
}
