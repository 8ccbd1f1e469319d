import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';

// The model shipped before December 2026 kept W_e as uncentred PPMI + SVD, frozen: its first column, the first
// SVD direction, which every frequent token shares, showed as a dark stripe down the W_e picture. The shipped W_e
// (centred, then trained) has no column that stands out, so chapter 4 explains none; if a retrained model brings
// a stripe back, this fails and the chapter needs its sentence again. (The starting W_e fails it too: one of its
// columns has 1.9 times the median spread.)

const { model } = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));

describe('the columns of the shipped W_e', () => {
  it('have no column that stands out, the first included', () => {
    const { data, shape } = model.params.wte;
    const [V, C] = shape;
    const rms: number[] = [];
    const mean: number[] = [];
    for (let c = 0; c < C; c++) {
      let squares = 0;
      let sum = 0;
      for (let v = 0; v < V; v++) {
        squares += data[v * C + c] ** 2;
        sum += data[v * C + c];
      }
      rms.push(Math.sqrt(squares / V));
      mean.push(sum / V);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const typicalRms = median(rms);
    for (let c = 0; c < C; c++) {
      expect(rms[c] / typicalRms, `column ${c}`).toBeGreaterThan(0.6);
      expect(rms[c] / typicalRms, `column ${c}`).toBeLessThan(1.5);
      // A column's mean is small beside its spread: no direction that every token shares.
      expect(Math.abs(mean[c]) / rms[c], `column ${c}`).toBeLessThan(0.5);
    }
  });
});
