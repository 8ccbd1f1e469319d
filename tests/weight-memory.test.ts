import { afterEach, describe, expect, it } from 'vitest';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { fitsPassWorker, weightBytes, weightStorage } from '../src/app/model/weightMemory';
import { tinyConfig } from './tinyConfig';

// An opened model's pass worker shares the page's weights when it can, and then needs room for them once, not twice.

const config = tinyConfig({ vocabSize: 50, nPositions: 8, nEmbd: 8, nLayer: 1, nHead: 2 });

function modelWithWte(data: Float32Array) {
  const model = initModel(config, createRng(1));
  model.params.wte = { data, shape: model.params.wte.shape };
  return model;
}

describe('weight memory', () => {
  const isolated = Object.getOwnPropertyDescriptor(globalThis, 'crossOriginIsolated');
  afterEach(() => {
    if (isolated) Object.defineProperty(globalThis, 'crossOriginIsolated', isolated);
    else delete (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  });

  it('shares storage only on a cross-origin isolated page', () => {
    expect(weightStorage(4).buffer).toBeInstanceOf(ArrayBuffer);
    Object.defineProperty(globalThis, 'crossOriginIsolated', { value: true, configurable: true });
    const shared = weightStorage(4);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared).toHaveLength(4);
  });

  it('counts shared weights once and copied weights twice against the limit', () => {
    const n = config.vocabSize * config.nEmbd;
    const copied = modelWithWte(new Float32Array(n));
    const shared = modelWithWte(new Float32Array(new SharedArrayBuffer(n * 4)));
    const bytes = weightBytes(copied);
    expect(weightBytes(shared)).toBe(bytes);
    const between = Math.floor(1.5 * bytes);
    expect(fitsPassWorker(copied, between)).toBe(false);
    expect(fitsPassWorker(shared, between)).toBe(true);
    expect(fitsPassWorker(copied, 2 * bytes)).toBe(true);
    expect(fitsPassWorker(shared, bytes - 1)).toBe(false);
  });
});
