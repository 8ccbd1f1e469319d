import { forward } from '../../core/gpt';
import { fitToContext } from '../../core/context';
import type { ForwardOptions, Trace } from '../../core/trace';
import type { LoadedModel } from '../../core/bundle';
import type { TraceMemory } from '../../core/traceMemory';

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
      ran: { start: number; end: number }; // when tokenizing and the pass ran, on performance.now()'s clock
    };

const HAN = /\p{Script=Han}/u;

/** Tokenize and run the model. Pure apart from reading the clock: the page logs a pass when it commits it (`usePass.ts`). */
export function runText(loaded: LoadedModel, text: string, options: ForwardOptions = {}, memory?: TraceMemory): ForwardResult {
  if (text.length === 0) return { kind: 'empty' };
  const ranFrom = performance.now();
  const all = loaded.tokenizer.encode(text);
  if (all.length === 0) return { kind: 'empty' };
  const { ids, droppedTokens } = fitToContext(all, loaded.model.config.nPositions);
  const start = performance.now();
  const trace = forward(loaded.model, ids, options, memory);
  const end = performance.now();
  const forwardMs = end - start;
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
    ran: { start: ranFrom, end },
  };
}
