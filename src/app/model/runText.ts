import { useMemo } from 'react';
import { forward } from '../../core/gpt';
import { fitToContext } from '../../core/context';
import type { ForwardOptions, Trace } from '../../core/trace';
import type { LoadedModel } from '../../core/bundle';
import type { GPTModel } from '../../core/model';

export type ForwardResult =
  | { kind: 'empty' }
  | {
      kind: 'ok';
      text: string; // the text this result was computed from (it may lag the text box while typing)
      ids: number[]; // what the model sees: at most nPositions tokens
      tokens: string[]; // each id decoded on its own
      droppedTokens: number; // cut from the start to fit the context
      totalTokens: number;
      hasChinese: boolean;
      trace: Trace;
      forwardMs: number; // how long this browser took for the forward pass, measured as it ran
      warmingUp: boolean; // one of the page's first passes, which also compile the code (their time says so)
    };

const HAN = /\p{Script=Han}/u;
let passesRun = 0;
// Measured in Chromium on the default text: 75 ms, then 18, then 2–4 ms from the third pass on.
const WARM_UP_PASSES = 2;

/** The app's every forward pass goes through here: a mark per pass lets the browser tests prove that moving a sampling slider reruns nothing. */
export function countedForward(model: GPTModel, ids: readonly number[], options: ForwardOptions = {}): Trace {
  performance.mark('inside-gpt:forward');
  return forward(model, ids, options);
}

/** Tokenize and run the model; recomputed only when the text or the options change. */
export function runText(loaded: LoadedModel, text: string, options: ForwardOptions = {}): ForwardResult {
  if (text.length === 0) return { kind: 'empty' };
  const all = loaded.tokenizer.encode(text);
  if (all.length === 0) return { kind: 'empty' };
  const { ids, droppedTokens } = fitToContext(all, loaded.model.config.nPositions);
  const start = performance.now();
  const trace = countedForward(loaded.model, ids, options);
  const forwardMs = performance.now() - start;
  const warmingUp = passesRun++ < WARM_UP_PASSES;
  return {
    kind: 'ok',
    text,
    ids,
    tokens: ids.map((id) => loaded.tokenizer.tokenText(id)),
    droppedTokens,
    totalTokens: all.length,
    hasChinese: HAN.test(text),
    trace,
    forwardMs,
    warmingUp,
  };
}

export function useForward(loaded: LoadedModel, text: string, options: ForwardOptions = {}): ForwardResult {
  const key = JSON.stringify(options, (_k, v) => (v instanceof Float32Array ? Array.from(v) : v));
  return useMemo(() => runText(loaded, text, options), [loaded, text, key]);
}
