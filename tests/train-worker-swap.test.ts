import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { flatSize, flattenParams } from '../src/core/train/flat';
import type { GPTConfig } from '../src/core/config';
import type { GenderSwap } from '../scripts/train/genderSwap';
import type { WorkerInit, WorkerReply, WorkerRequest } from '../scripts/train/protocol';

// A training worker reads the windows a step asks for swapped through the run's swap table, and the rest as they are.
const config: GPTConfig = {
  vocabSize: 8,
  nPositions: 4,
  nEmbd: 8,
  nLayer: 1,
  nHead: 2,
  layerNormEpsilon: 1e-5,
  activationFunction: 'gelu_new',
  tieWordEmbeddings: false,
};

function sharedFloats(values: Float32Array): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(values.byteLength);
  new Float32Array(buffer).set(values);
  return buffer;
}

function sharedTokens(values: number[]): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(2 * values.length);
  new Uint16Array(buffer).set(values);
  return buffer;
}

async function stepLoss(swapped: boolean[], genderSwap?: GenderSwap): Promise<number> {
  const params = flattenParams(config, initModel(config, createRng(3), 0.5).params);
  expect(params.length).toBe(flatSize(config));
  const init: WorkerInit = {
    config,
    params: sharedFloats(params),
    grads: new SharedArrayBuffer(params.length * 4),
    train: sharedTokens([1, 2, 3, 1, 2, 3, 1, 2, 3]),
    val: sharedTokens([1, 2, 3, 1, 2]),
    seqLen: 4,
    freezeWte: false,
    genderSwap,
  };
  const worker = new Worker(new URL('../scripts/train/worker-boot.mjs', import.meta.url), { workerData: init });
  try {
    const request: WorkerRequest = { kind: 'step', starts: [0, 3], seqLen: 4, scale: 1, swapped };
    const reply = await new Promise<WorkerReply>((done, fail) => {
      worker.once('message', done);
      worker.once('error', fail);
      worker.postMessage(request);
    });
    return reply.lossSum;
  } finally {
    await worker.terminate();
  }
}

// Tokens 1 and 4 trade places, as ␣he and ␣she would.
const table = Uint16Array.from([0, 4, 2, 3, 1, 5, 6, 7]);
const swap: GenderSwap = { table, her: new Map(), objectFollowers: new Set() };

describe('a training worker and swapped windows', () => {
  it('reads a window marked swapped through the table, and an unmarked one as it is', async () => {
    const plain = await stepLoss([false, false], swap);
    expect(await stepLoss([false, false])).toBe(plain);
    expect(await stepLoss([true, false])).toBe(plain); // no table: nothing to swap
    const once = await stepLoss([true, false], swap);
    expect(once).not.toBe(plain);
    expect(await stepLoss([true, true], swap)).not.toBe(once);
  }, 60_000);
});
