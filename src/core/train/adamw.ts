// AdamW over one flat parameter buffer (Loshchilov & Hutter), as in llm.c's gpt2_update.

export interface ParamGroup {
  start: number; // offset into the flat buffer
  end: number;
  /** Decoupled weight decay applies to matrices, not to biases and layer-norm gains. */
  decay: boolean;
  /** Multiplies the learning rate; 0 freezes the group. */
  lrScale: number;
}

export interface AdamWSettings {
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

export const DEFAULT_ADAMW: AdamWSettings = { beta1: 0.9, beta2: 0.95, eps: 1e-8, weightDecay: 0.1 };

/** One update; `step` counts from 1 for the bias correction. m and v are the moment buffers. */
export function adamwStep(
  params: Float32Array,
  grads: Float32Array,
  m: Float32Array,
  v: Float32Array,
  groups: readonly ParamGroup[],
  step: number,
  lr: number,
  settings: AdamWSettings = DEFAULT_ADAMW,
): void {
  const { beta1, beta2, eps, weightDecay } = settings;
  const correction1 = 1 - Math.pow(beta1, step);
  const correction2 = 1 - Math.pow(beta2, step);
  for (const group of groups) {
    const groupLr = lr * group.lrScale;
    if (groupLr === 0) continue;
    const decay = group.decay ? weightDecay : 0;
    for (let i = group.start; i < group.end; i++) {
      const g = grads[i];
      const mi = beta1 * m[i] + (1 - beta1) * g;
      const vi = beta2 * v[i] + (1 - beta2) * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] -= groupLr * (mi / correction1 / (Math.sqrt(vi / correction2) + eps) + decay * params[i]);
    }
  }
}

/** Scale grads so their global L2 norm is at most maxNorm; returns the norm before clipping. */
export function clipGradNorm(grads: Float32Array, maxNorm: number): number {
  let sq = 0;
  for (let i = 0; i < grads.length; i++) sq += grads[i] * grads[i];
  const norm = Math.sqrt(sq);
  if (norm > maxNorm) {
    const s = maxNorm / norm;
    for (let i = 0; i < grads.length; i++) grads[i] *= s;
  }
  return norm;
}

/** Linear warmup, then cosine decay to minRatio of the peak. */
export function learningRate(step: number, totalSteps: number, peak: number, warmupSteps: number, minRatio = 0.1): number {
  if (step <= warmupSteps) return (peak * step) / warmupSteps;
  const progress = Math.min(1, (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
  return peak * (minRatio + (1 - minRatio) * 0.5 * (1 + Math.cos(Math.PI * progress)));
}
