import { parentPort, workerData } from 'node:worker_threads';
import { forward } from '../../src/core/gpt.ts';
import { paramsFromFlat } from '../../src/core/train/flat.ts';
import { lossAndBackward } from '../../src/core/train/backward.ts';
import { crossEntropyForward } from '../../src/core/ops/crossentropy.ts';
import { TraceMemory } from '../../src/core/traceMemory.ts';
import { ScratchMemory } from '../../src/core/train/scratch.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from './protocol.ts';
import type { GenderSwapWay } from './schedule.ts';
import { swapGender } from './genderSwap.ts';
import { SPARE_TOKENS, buildTextSwap, swapWindowText } from './genderSwapText.ts';
import { Tokenizer } from '../../src/core/tokenizer/index.ts';

const init = workerData as WorkerInit;
const { config, seqLen: T } = init;
const model = { config, params: paramsFromFlat(config, new Float32Array(init.params)) };
const gradFlat = new Float32Array(init.grads);
const grads = paramsFromFlat(config, gradFlat);
const train = new Uint16Array(init.train);
const val = new Uint16Array(init.val);
// Kept from sequence to sequence: each step's trace and gradient buffers reuse the last one's memory.
const traceMemory = new TraceMemory();
const scratch = new ScratchMemory();
const textSwap = init.textSwap && {
  tokenizer: Tokenizer.fromFiles(init.textSwap.vocabJson, init.textSwap.mergesTxt),
  swap: buildTextSwap(),
};
const endOfText = textSwap?.tokenizer.idOf('<|endoftext|>');

/**
 * A window read swapped, with the token after it: by token (genderSwap.ts) or as text (genderSwapText.ts), as the
 * step asks. Null without the run's swap for that way, or when a text swap falls short; the window is then read as it is.
 */
function readSwapped(tokens: Uint16Array, start: number, L: number, way: GenderSwapWay): Uint16Array | null {
  if (way === 'tokens')
    return init.genderSwap ? Uint16Array.from(swapGender(tokens.subarray(start, start + L + 2), init.genderSwap)) : null;
  if (!textSwap) return null;
  return swapWindowText(tokens.subarray(start, start + L + 1 + SPARE_TOKENS), L + 1, textSwap.tokenizer, textSwap.swap, endOfText!);
}

parentPort!.on('message', (req: WorkerRequest) => {
  const tokens = req.kind === 'step' ? train : val;
  if (req.kind === 'step') gradFlat.fill(0);
  let lossSum = 0;
  const L = req.kind === 'step' ? req.seqLen : T;
  req.starts.forEach((start, k) => {
    const swapped = req.kind === 'step' && req.swapped?.[k] ? readSwapped(tokens, start, L, req.swapBy ?? 'tokens') : null;
    const read = swapped ?? tokens.subarray(start, start + L + 1);
    const ids = Array.from(read.subarray(0, L));
    const targets = read.subarray(1, L + 1);
    const trace = forward(model, ids, {}, traceMemory);
    lossSum +=
      req.kind === 'step'
        ? lossAndBackward(model, trace, targets, grads, { scale: req.scale, freezeWte: init.freezeWte }, scratch)
        : crossEntropyForward(trace.probs.data, targets, L, config.vocabSize);
  });
  const reply: WorkerReply = { lossSum, sequences: req.starts.length };
  parentPort!.postMessage(reply);
});
