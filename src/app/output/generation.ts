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

/**
 * What a step does when the model draws "<|endoftext|>" (`id`), the token that stood between one
 * training document and the next. The text box holds characters, and typed there the token would be
 * read as the characters "<|", "endoftext", "|>", so it can never join the text: a run either stops
 * on it, or leaves it out and draws again from the other tokens (as Hugging Face's min_new_tokens does).
 */
export interface EndOfText {
  id: number;
  stop: boolean;
}

export type NextStep =
  // The text box holds the longer text. `respelled` when the tokenizer reads it back as other tokens
  // (" H" then "isher" reads as " His" + "her"): then `ids` are the tokens the model reads next.
  // `endOfTextLeftOut` when the model drew "<|endoftext|>" first and `id` was drawn in its place.
  | { kind: 'text'; id: number; ids: number[]; text: string; respelled: boolean; endOfTextLeftOut?: true }
  | { kind: 'pending'; id: number; ids: number[]; endOfTextLeftOut?: true } // a character is half written: its bytes stay ids for now
  | { kind: 'endOfText'; id: number } // the model ended the text and the run stops there
  | { kind: 'contextFull' }
  | { kind: 'empty' };

// UTF-8 spends at most 4 bytes on a character, so at most 3 byte tokens can wait for the rest of one.
const MAX_PENDING = 3;

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
 * text box is the sequence, so the new token joins it as text. Only the bytes of a half-written
 * character wait as ids (`pendingSoFar` of them already do), since their text would be U+FFFD.
 */
export function nextStep(
  context: GenerationContext | null,
  tokenizer: Tokenizer,
  settings: SamplingSettings,
  seed: number,
  nPositions: number,
  pendingSoFar = 0,
  endOfText: EndOfText | null = null,
): NextStep {
  if (context === null || context.ids.length === 0) return { kind: 'empty' };
  if (context.droppedTokens > 0 || context.ids.length >= nPositions) return { kind: 'contextFull' };
  const position = context.ids.length;
  const logits = lastLogits(context.trace);
  const rng = tokenRng(seed, position);
  let id = sampleToken(logits, settings, rng);
  let leftOut: { endOfTextLeftOut?: true } = {};
  if (endOfText !== null && id === endOfText.id) {
    if (endOfText.stop) return { kind: 'endOfText', id };
    // The same random stream draws again, so a run with the token left out is still reproducible.
    id = sampleToken(withoutToken(logits, endOfText.id), settings, rng);
    leftOut = { endOfTextLeftOut: true };
  }
  const ids = [...context.ids, id];
  const exact = textFor(tokenizer, ids);
  if (exact !== null) return { kind: 'text', id, ids, text: exact, respelled: false, ...leftOut };
  const text = tokenizer.decode(ids);
  if (text.endsWith('\uFFFD') && pendingSoFar < MAX_PENDING) return { kind: 'pending', id, ids, ...leftOut };
  return { kind: 'text', id, ids: tokenizer.encode(text), text, respelled: true, ...leftOut };
}

/** The logits with one token made impossible: probability 0 under any temperature, top-k or top-p. */
function withoutToken(logits: ArrayLike<number>, id: number): Float32Array {
  const masked = Float32Array.from(logits);
  masked[id] = -Infinity;
  return masked;
}

/** Where the tokens the model chose and the tokens its text reads back as part ways. */
export interface Respelling {
  chosen: number[];
  read: number[];
}

export function respelling(chosen: readonly number[], read: readonly number[]): Respelling {
  let same = 0;
  while (same < chosen.length && same < read.length && chosen[same] === read[same]) same++;
  return { chosen: chosen.slice(same), read: read.slice(same) };
}
