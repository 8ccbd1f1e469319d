import { describe, expect, it } from 'vitest';
import { tinyConfig } from './tinyConfig';
import { forward } from '../src/core/gpt';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { flatSize, flattenParams, paramsFromFlat } from '../src/core/train/flat';
import { lossAndBackward } from '../src/core/train/backward';

// The whole model's backward against finite differences of its own forward loss.
const config = tinyConfig({ vocabSize: 11, nPositions: 8, nEmbd: 8, nLayer: 2, nHead: 2 });

function setup(tied: boolean) {
  const cfg = { ...config, tieWordEmbeddings: tied };
  const init = initModel(cfg, createRng(3));
  // Larger weights than GPT-2's init so every path carries a visible gradient.
  const flat = flattenParams(cfg, init.params);
  const rng = createRng(11);
  for (let i = 0; i < flat.length; i++) flat[i] += rng.normal() * 0.3;
  return { cfg, flat, model: { config: cfg, params: paramsFromFlat(cfg, flat) } };
}

const ids = [1, 4, 2, 9, 4, 0];
const targets = [4, 2, 9, 4, 0, 7];

describe('GPT backward', () => {
  for (const tied of [false, true]) {
    it(`matches finite differences of the loss (${tied ? 'tied' : 'untied'} W_u)`, () => {
      const { cfg, flat, model } = setup(tied);
      const gradFlat = new Float32Array(flatSize(cfg));
      const loss = lossAndBackward(model, forward(model, ids), targets, paramsFromFlat(cfg, gradFlat));
      expect(loss).toBeGreaterThan(0);
      const lossAt = () => lossAndBackward(model, forward(model, ids), targets, paramsFromFlat(cfg, new Float32Array(flat.length)));
      const rng = createRng(5);
      let checked = 0;
      let worst = 0;
      for (let n = 0; n < 300; n++) {
        const i = Math.floor(rng.next() * flat.length);
        const old = flat[i];
        const h = 1e-2;
        flat[i] = old + h;
        const up = lossAt();
        flat[i] = old - h;
        const down = lossAt();
        flat[i] = old;
        const numeric = (up - down) / (2 * h);
        worst = Math.max(worst, Math.abs(numeric - gradFlat[i]));
        checked++;
      }
      expect(checked).toBe(300);
      expect(worst).toBeLessThan(2e-3);
    });
  }

  it('freezeWte leaves the embedding gradient at zero but still trains wpe', () => {
    const { cfg, model } = setup(false);
    const gradFlat = new Float32Array(flatSize(cfg));
    const grads = paramsFromFlat(cfg, gradFlat);
    lossAndBackward(model, forward(model, ids), targets, grads, { freezeWte: true });
    expect(grads.wte.data.every((g) => g === 0)).toBe(true);
    expect(grads.wpe.data.some((g) => g !== 0)).toBe(true);
  });
});
