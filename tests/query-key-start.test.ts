import { describe, expect, it } from 'vitest';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { scaleQueryKeyStart } from '../src/core/train/queryKeyStart';
import { tinyConfig } from './tinyConfig';

describe('scaleQueryKeyStart', () => {
  it('scales W_Q and W_K in every block and leaves W_V, the biases and everything else as they were', () => {
    const config = tinyConfig({ vocabSize: 11, nPositions: 8, nEmbd: 8, nLayer: 2, nHead: 2 });
    const before = initModel(config, createRng(7));
    const after = initModel(config, createRng(7));
    scaleQueryKeyStart(after, 3);
    const C = config.nEmbd;
    for (let l = 0; l < config.nLayer; l++) {
      const w0 = before.params.h[l].attn.c_attn.weight.data;
      const w1 = after.params.h[l].attn.c_attn.weight.data;
      for (let row = 0; row < C; row++) {
        for (let col = 0; col < 3 * C; col++) {
          const i = row * 3 * C + col;
          expect(w1[i]).toBeCloseTo(col < 2 * C ? 3 * w0[i] : w0[i], 6);
        }
      }
      expect(after.params.h[l].attn.c_proj.weight.data).toEqual(before.params.h[l].attn.c_proj.weight.data);
      expect(after.params.h[l].mlp.c_fc.weight.data).toEqual(before.params.h[l].mlp.c_fc.weight.data);
    }
  });
});
