import type { GPTConfig } from './config';
import type { Tensor } from './tensor';
import type { ForwardOptions } from './trace';

// The forward pass's interventions, kept out of the math so gpt.ts and block.ts read like the paper.

/** Refuse a head the model does not have before anything is computed. */
export function checkAblations(config: GPTConfig, options: ForwardOptions): void {
  for (const { layer, head } of options.ablatedHeads ?? []) {
    if (!(Number.isInteger(layer) && layer >= 0 && layer < config.nLayer && Number.isInteger(head) && head >= 0 && head < config.nHead)) {
      throw new Error(
        `head ablation: there is no head ${head} in layer ${layer} (the model has ${config.nLayer} layers of ${config.nHead} heads)`,
      );
    }
  }
}

/** What a block must switch off. */
export interface BlockInterventions {
  headsOff: ReadonlySet<number>;
  mlpOff: boolean;
}

export function interventionsFor(options: ForwardOptions, layer: number): BlockInterventions {
  return {
    headsOff: new Set((options.ablatedHeads ?? []).filter((a) => a.layer === layer).map((a) => a.head)),
    mlpOff: options.ablatedMlps?.includes(layer) ?? false,
  };
}

/** Put the reader's vectors in place of wte rows; x0 follows, since it is tokEmb + posEmb. */
export function applyEmbeddingOverrides(tokEmb: Tensor, posEmb: Tensor, x0: Tensor, options: ForwardOptions): void {
  const [T, C] = tokEmb.shape;
  for (const { position, vector } of options.embeddingOverrides ?? []) {
    if (position < 0 || position >= T) throw new Error(`embedding override: position ${position} is outside 0..${T - 1}`);
    if (vector.length !== C) throw new Error(`embedding override: vector has ${vector.length} values, the model needs ${C}`);
    tokEmb.data.set(vector, position * C);
    for (let c = 0; c < C; c++) x0.data[position * C + c] = vector[c] + posEmb.data[position * C + c];
  }
}

/** attnOut (T, C): zero the switched-off heads' columns, so c_proj never hears from them. */
export function silenceHeads(attnOut: Tensor, headsOff: ReadonlySet<number>, HS: number): void {
  const [T, C] = attnOut.shape;
  for (const head of headsOff) {
    for (let t = 0; t < T; t++) attnOut.data.fill(0, t * C + head * HS, t * C + (head + 1) * HS);
  }
}
