import type { Tokenizer } from '../../core/tokenizer/index.ts';
import type { SamplingSettings } from '../../core/sampling';
import { sampleToken, tokenRng } from '../../core/sampling';
import { lastLogits, type Trace } from '../../core/trace';

/** What the next token is drawn from: the ids the model read and the trace it made of them. */
export interface GenerationContext {
  ids: readonly number[];
  trace: Trace;
  droppedTokens: number;
}

export type NextStep =
  | { kind: 'text'; id: number; ids: number[]; text: string } // the text box can say exactly these ids
  | { kind: 'pending'; id: number; ids: number[] } // no text encodes to these ids: they stay ids for now
  | { kind: 'contextFull' }
  | { kind: 'empty' };

/**
 * The text that encodes back to exactly `ids`, or null when there is none. A byte token that holds
 * part of a character decodes to U+FFFD, which encodes to other bytes; and two tokens the model chose
 * one after the other (" king" then "dom") can decode to text the tokenizer would split differently.
 */
export function textFor(tokenizer: Tokenizer, ids: readonly number[]): string | null {
  const text = tokenizer.decode(ids);
  const back = tokenizer.encode(text);
  return back.length === ids.length && back.every((id, i) => id === ids[i]) ? text : null;
}

/**
 * One generation step on a trace already computed: draw the next token from its last logits. The
 * model's own ids are never re-spelled: the step says whether the longer sequence can go back into
 * the text box unchanged ('text') or has to be kept as ids ('pending') until it can.
 */
export function nextStep(context: GenerationContext | null, tokenizer: Tokenizer, settings: SamplingSettings, seed: number, nPositions: number): NextStep {
  if (context === null || context.ids.length === 0) return { kind: 'empty' };
  if (context.droppedTokens > 0 || context.ids.length >= nPositions) return { kind: 'contextFull' };
  const position = context.ids.length;
  const id = sampleToken(lastLogits(context.trace), settings, tokenRng(seed, position));
  const ids = [...context.ids, id];
  const text = textFor(tokenizer, ids);
  return text === null ? { kind: 'pending', id, ids } : { kind: 'text', id, ids, text };
}
