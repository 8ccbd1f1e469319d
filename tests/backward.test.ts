import { describe, expect, it } from 'vitest';
import { tinyConfig } from './tinyConfig';
import { forward } from '../src/core/gpt';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { flatSize, flattenParams, paramsFromFlat } from '../src/core/train/flat';
import { lossAndBackward } from '../src/core/train/backward';
import { ScratchMemory } from '../src/core/train/scratch';
import { TraceMemory } from '../src/core/traceMemory';

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

  it('gives the same gradients when a trainer reuses its trace and gradient memory', () => {
    const { cfg, model } = setup(false);
    const gradsOf = (memory?: TraceMemory, scratch?: ScratchMemory) => {
      const gradFlat = new Float32Array(flatSize(cfg));
      const full = [3, 1, 4, 1, 5, 9, 2, 6];
      lossAndBackward(model, forward(model, full, {}, memory), [1, 4, 1, 5, 9, 2, 6, 5], paramsFromFlat(cfg, gradFlat), {}, scratch);
      return gradFlat;
    };
    const fresh = gradsOf();
    const memory = new TraceMemory();
    const scratch = new ScratchMemory();
    // A shorter pass first leaves other values in both memories; a longer one then outgrows them.
    lossAndBackward(model, forward(model, ids, {}, memory), targets, paramsFromFlat(cfg, new Float32Array(flatSize(cfg))), {}, scratch);
    for (let pass = 0; pass < 3; pass++) expect(gradsOf(memory, scratch)).toEqual(fresh);
  });
});

describe('ScratchMemory', () => {
  it('hands out zeros, and from the second pass on, all of them from one buffer', () => {
    const scratch = new ScratchMemory();
    const pass = () => {
      scratch.reset();
      const a = scratch.zeros(5);
      expect([...a]).toEqual(new Array(5).fill(0));
      a.fill(7);
      const b = scratch.zeros(3);
      expect([...b]).toEqual(new Array(3).fill(0));
      b.fill(8);
      expect([...a]).toEqual(new Array(5).fill(7)); // b does not overlap a
      return [a, b];
    };
    const [a1, b1] = pass();
    expect(a1.buffer).not.toBe(b1.buffer);
    const [a2, b2] = pass();
    expect(a2.buffer).toBe(b2.buffer);
    const [a3] = pass();
    expect(a3.buffer).toBe(a2.buffer);
  });
});
