import { describe, expect, it } from 'vitest';
import { tinyConfig } from './tinyConfig';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { forward } from '../src/core/gpt';
import { flatSize, flattenParams, paramsFromFlat } from '../src/core/train/flat';
import { lossAndBackward } from '../src/core/train/backward';
import { adamwStep, clipGradNorm, learningRate, type ParamGroup } from '../src/core/train/adamw';
import { sinusoidalPositions } from '../src/core/train/positions';

// The trainer must be able to learn attention: a text that alternates two tokens drawn from 20 can only be
// predicted by looking back one token. Within a fixed budget the loss must fall from ln 20 ≈ 3.0 to near 0,
// and a head must put its weight on the other token.

const config = tinyConfig({ vocabSize: 20, nPositions: 32, nEmbd: 32, nLayer: 1, nHead: 2 });

function alternating(rng: ReturnType<typeof createRng>, T: number): number[] {
  const a = Math.floor(rng.next() * config.vocabSize);
  let b = Math.floor(rng.next() * (config.vocabSize - 1));
  if (b >= a) b++;
  return Array.from({ length: T + 1 }, (_, i) => (i % 2 === 0 ? a : b));
}

describe('the trainer on a task that needs attention', () => {
  it('learns to alternate two tokens within 200 steps', () => {
    const T = config.nPositions;
    const init = initModel(config, createRng(3));
    init.params.wpe.data.set(sinusoidalPositions(T, config.nEmbd, 0.1));
    const params = flattenParams(config, init.params);
    const grads = new Float32Array(params.length);
    const m = new Float32Array(params.length);
    const v = new Float32Array(params.length);
    const model = { config, params: paramsFromFlat(config, params) };
    const gradViews = paramsFromFlat(config, grads);
    const groups: ParamGroup[] = [{ start: 0, end: flatSize(config), decay: false, lrScale: 1 }];
    const rng = createRng(11);
    const batch = 8;
    const losses: number[] = [];
    for (let step = 1; step <= 200; step++) {
      grads.fill(0);
      let loss = 0;
      for (let b = 0; b < batch; b++) {
        const seq = alternating(rng, T);
        loss += lossAndBackward(model, forward(model, seq.slice(0, T)), seq.slice(1), gradViews, { scale: 1 / batch }) / batch;
      }
      clipGradNorm(grads, 1);
      adamwStep(params, grads, m, v, groups, step, learningRate(step, 200, 1e-2, 10));
      losses.push(loss);
    }
    expect(losses[0]).toBeGreaterThan(2.5);
    const last = losses.slice(-10).reduce((a, b) => a + b, 0) / 10;
    expect(last).toBeLessThan(0.4);
    // Some head must look at the other token: its weight on positions of the other parity, averaged over rows.
    const probe = alternating(createRng(99), T).slice(0, T);
    const weights = forward(model, probe).blocks[0].weights.data;
    const onOther = Array.from({ length: config.nHead }, (_, h) => {
      let sum = 0;
      for (let t = 1; t < T; t++) for (let s = t - 1; s >= 0; s -= 2) sum += weights[(h * T + t) * T + s];
      return sum / (T - 1);
    });
    expect(Math.max(...onOther)).toBeGreaterThan(0.9);
  });
});
