import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { flatSize, flattenParams, paramsFromFlat } from '../src/core/train/flat';
import type { GPTConfig } from '../src/core/config';
import { swapGender, type GenderSwap } from '../scripts/train/genderSwap';
import { forward } from '../src/core/gpt';
import { crossEntropyForward } from '../src/core/ops/crossentropy';
import type { WorkerInit, WorkerReply, WorkerRequest } from '../scripts/train/protocol';
import type { GenderSwapWay } from '../scripts/train/schedule';
import { resolve } from 'node:path';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';

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

const TRAIN = [1, 2, 3, 1, 5, 4, 2, 6, 1, 3, 7, 2];
const L = 4;
const STARTS = [0, 5];
const params = flattenParams(config, initModel(config, createRng(3), 0.5).params);

async function stepLoss(
  swapped: boolean[],
  genderSwap?: GenderSwap,
  run: { config: GPTConfig; params: Float32Array; train: number[]; textSwap?: WorkerInit['textSwap'] } = { config, params, train: TRAIN },
  swapBy?: GenderSwapWay,
): Promise<number> {
  expect(run.params.length).toBe(flatSize(run.config));
  const init: WorkerInit = {
    config: run.config,
    params: sharedFloats(run.params),
    grads: new SharedArrayBuffer(run.params.length * 4),
    train: sharedTokens(run.train),
    val: sharedTokens(run.train),
    seqLen: L,
    freezeWte: false,
    genderSwap,
    textSwap: run.textSwap,
  };
  const worker = new Worker(new URL('../scripts/train/worker-boot.mjs', import.meta.url), { workerData: init });
  try {
    const request: WorkerRequest = { kind: 'step', starts: STARTS, seqLen: L, scale: 1, swapped, swapBy };
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

// Tokens 1 and 4 trade places, as ␣he and ␣she would; no token carries on a word.
const table = Uint16Array.from([0, 4, 2, 3, 1, 5, 6, 7]);
const swap: GenderSwap = { table, her: new Map(), objectFollowers: new Set(), continuesWord: new Set(), endsInLetter: new Set() };

/** The summed loss of the windows, written out here: each read as it is, or swapped with the token after it. */
function expectedLoss(swapped: boolean[]): number {
  const model = { config, params: paramsFromFlat(config, params) };
  return STARTS.reduce((sum, start, k) => {
    const read = swapped[k] ? swapGender(TRAIN.slice(start, start + L + 2), swap) : TRAIN.slice(start, start + L + 1);
    const probs = forward(model, read.slice(0, L)).probs.data;
    return sum + crossEntropyForward(probs, Uint16Array.from(read.slice(1, L + 1)), L, config.vocabSize);
  }, 0);
}

describe('a training worker and swapped windows', () => {
  it('reads the windows marked swapped through the table, each with its own targets, and the others as they are', async () => {
    for (const swapped of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ]) {
      expect(await stepLoss(swapped, swap), JSON.stringify(swapped)).toBeCloseTo(expectedLoss(swapped), 4);
    }
    // The four cases differ, so a worker that swapped the wrong window would fail above.
    expect(
      new Set(
        [
          [false, false],
          [true, false],
          [false, true],
          [true, true],
        ].map((w) => expectedLoss(w).toFixed(4)),
      ).size,
    ).toBe(4);
    // Without a table the marks change nothing.
    expect(await stepLoss([true, true])).toBeCloseTo(expectedLoss([false, false]), 4);
  }, 60_000);

  it('reads a window marked swapped as text when the step asks for it, with the tokens past the window that a shorter swap needs', async () => {
    const files = readModelDir(resolve(import.meta.dirname, '../public/models/tiny'));
    const { tokenizer } = modelFromFiles(files);
    const textConfig = { ...config, vocabSize: tokenizer.vocabSize };
    const textParams = flattenParams(textConfig, initModel(textConfig, createRng(5), 0.5).params);
    // " Henrietta" is three tokens and its pair, " Robert", one: the swapped window needs two tokens from past its end.
    const train = tokenizer.encode('Then Henrietta said that she saw him. Then the king told the queen that she should go home now.');
    expect(tokenizer.encode(' Henrietta')).toHaveLength(3);
    const textSwap = { vocabJson: files.vocab, mergesTxt: files.merges };
    const model = { config: textConfig, params: paramsFromFlat(textConfig, textParams) };
    const lossOf = (read: number[]) =>
      crossEntropyForward(forward(model, read.slice(0, L)).probs.data, Uint16Array.from(read.slice(1, L + 1)), L, textConfig.vocabSize);
    const swappedFirst = tokenizer.encode('Then Robert said that he');
    expect(swappedFirst).toHaveLength(L + 1);
    const asWritten = [lossOf(train.slice(0, L + 1)), lossOf(train.slice(5, 5 + L + 1))];
    const run = { config: textConfig, params: textParams, train, textSwap };
    expect(await stepLoss([true, false], undefined, run, 'text')).toBeCloseTo(lossOf(swappedFirst) + asWritten[1], 4);
    // A step that asks for the token swap, which this run does not have, reads the window as it is.
    expect(await stepLoss([true, false], undefined, run, 'tokens')).toBeCloseTo(asWritten[0] + asWritten[1], 4);
  }, 60_000);
});
