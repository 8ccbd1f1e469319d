import { forward } from '../../core/gpt';
import { fitToContext } from '../../core/context';
import type { ForwardOptions, Trace } from '../../core/trace';
import type { LoadedModel } from '../../core/bundle';
import type { TraceMemory } from '../../core/traceMemory';

/** The reader's text as the model reads it: everything a result holds but the pass itself. */
export interface ReadText {
  kind: 'ok';
  text: string; // the text this result was computed from (it may lag the text box while typing)
  ids: number[]; // what the model sees: at most nPositions tokens
  tokens: string[]; // each id decoded on its own
  droppedTokens: number; // cut from the start to fit the context
  totalTokens: number;
  foreignScriptOrEmoji: boolean; // the page notes that the model learned from English only
  readFrom: number; // when tokenizing began, on performance.now()'s clock
}

export type ForwardResult =
  | { kind: 'empty' }
  | (Omit<ReadText, 'readFrom'> & {
      trace: Trace;
      forwardMs: number; // how long this browser took for the forward pass, measured as it ran
      ran: { start: number; end: number }; // when tokenizing and the pass ran, on performance.now()'s clock
    });

// A letter of any script but Latin (Chinese, Hebrew, Arabic, Cyrillic…), or an emoji: the model learned from
// English, and its tokenizer takes these apart into bytes. Letters of the Common script (µ, ℓ, the ʼ of donʼt)
// turn up in English text; ©, ® and ™ are pictographs only when drawn as emoji, and a keycap (1️⃣) ends in U+20E3.
const FOREIGN_SCRIPT_OR_EMOJI =
  /(?![\p{Script=Latin}\p{Script=Common}])\p{L}|\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\u20E3/u;

/** Whether a text has letters of another script than English's, or emoji. */
export function hasForeignScriptOrEmoji(text: string): boolean {
  return FOREIGN_SCRIPT_OR_EMOJI.test(text);
}

const EMPTY = { kind: 'empty' } as const;

/** Tokenize the text and fit it to the context. */
export function readText(loaded: LoadedModel, text: string): ReadText | { kind: 'empty' } {
  if (text.length === 0) return EMPTY;
  const readFrom = performance.now();
  const all = loaded.tokenizer.encode(text);
  if (all.length === 0) return EMPTY;
  const { ids, droppedTokens } = fitToContext(all, loaded.model.config.nPositions);
  return {
    kind: 'ok',
    text,
    ids,
    tokens: ids.map((id) => loaded.tokenizer.tokenText(id)),
    droppedTokens,
    totalTokens: all.length,
    foreignScriptOrEmoji: hasForeignScriptOrEmoji(text),
    readFrom,
  };
}

/** A read text with its pass, wherever the pass ran (here, or in the pass worker). */
export function withPass(read: ReadText, trace: Trace, forwardMs: number, end = performance.now()): ForwardResult {
  const { readFrom, ...rest } = read;
  return { ...rest, trace, forwardMs, ran: { start: readFrom, end } };
}

/** Tokenize and run the model. Pure apart from reading the clock: the page logs a pass when it commits it (`usePass.ts`). */
export function runText(loaded: LoadedModel, text: string, options: ForwardOptions = {}, memory?: TraceMemory): ForwardResult {
  const read = readText(loaded, text);
  if (read.kind === 'empty') return read;
  const start = performance.now();
  const trace = forward(loaded.model, read.ids, options, memory);
  const end = performance.now();
  return withPass(read, trace, end - start, end);
}
