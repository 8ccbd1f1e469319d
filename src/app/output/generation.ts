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

/** Sampled ids that no text spells exactly yet (a half-written character), tied to the text they follow. */
export interface Pending {
  base: string;
  ids: number[];
}

/** A generation run as the panel shows it. Every change goes through `generationReducer`. */
export interface GenerationRun {
  total: number; // tokens the reader asked for
  remaining: number; // still to draw: the run is going while this is above 0
  added: number[]; // every token drawn, with "<|endoftext|>" where the run stopped on it
  runStart: number | null; // the sequence's length when the run started: what comes after it is the run's own
  contextFull: boolean;
  ended: boolean; // stopped on "<|endoftext|>"
  endOfTextLeftOut: number; // how often "<|endoftext|>" was drawn and left out
  pending: Pending | null;
  respelled: Respelling | null;
  // The ids and text the last step produced: the next step waits until the trace for them arrives.
  expected: { ids: number[]; text: string } | null;
  // Whether a step has written to the text box yet: the first write makes a history entry, so Back undoes the run.
  textWritten: boolean;
}

export const IDLE_RUN: GenerationRun = {
  total: 0,
  remaining: 0,
  added: [],
  runStart: null,
  contextFull: false,
  ended: false,
  endOfTextLeftOut: 0,
  pending: null,
  respelled: null,
  expected: null,
  textWritten: false,
};

export type GenerationAction =
  | { type: 'start'; count: number; sequenceLength: number | null }
  // `next` was drawn after `contextIds`; `base` is the text and token count of the workspace's pass, `text` the text box.
  | { type: 'stepped'; next: NextStep; contextIds: readonly number[]; base: { text: string; length: number }; text: string }
  | { type: 'stop' }
  | { type: 'dropPending' };

export function generationReducer(run: GenerationRun, action: GenerationAction): GenerationRun {
  switch (action.type) {
    case 'start':
      // Waiting bytes outlive a run: the next run carries on from them.
      return { ...IDLE_RUN, pending: run.pending, total: action.count, remaining: action.count, runStart: action.sequenceLength };
    case 'stop':
      return { ...run, remaining: 0 };
    case 'dropPending':
      return { ...run, pending: null };
    case 'stepped':
      return stepped(run, action);
  }
}

function stepped(run: GenerationRun, { next, contextIds, base, text }: Extract<GenerationAction, { type: 'stepped' }>): GenerationRun {
  if (next.kind === 'contextFull') return { ...run, contextFull: true, remaining: 0 };
  if (next.kind === 'empty') return { ...run, remaining: 0 };
  const added = [...run.added, next.id];
  if (next.kind === 'endOfText') return { ...run, added, ended: true, remaining: 0 };
  const drawn = { ...run, added, remaining: run.remaining - 1, endOfTextLeftOut: run.endOfTextLeftOut + (next.endOfTextLeftOut ? 1 : 0) };
  if (next.kind === 'text') {
    const respelled = next.respelled ? respelling([...contextIds, next.id], next.ids) : run.respelled;
    return { ...drawn, respelled, pending: null, expected: { ids: next.ids, text: next.text }, textWritten: true };
  }
  // The text box stays as it is; the new bytes wait as ids after the workspace's tokens.
  return { ...drawn, pending: { base: base.text, ids: next.ids.slice(base.length) }, expected: { ids: next.ids, text } };
}

/** The waiting ids that still apply: they belong to the text they were sampled after, and a reader's edit retires them. */
export function livePending(run: GenerationRun, resultText: string | null): readonly number[] {
  return run.pending !== null && run.pending.base === resultText ? run.pending.ids : NO_IDS;
}

const NO_IDS: readonly number[] = [];

/** What a running run does now that the page shows `text` and a trace of `contextIds` made from `resultText`. */
export type RunMove = 'idle' | 'wait' | 'edited' | 'step';

export function nextMove(
  run: GenerationRun,
  page: { text: string; resultText: string | null; contextIds: readonly number[] | null },
): RunMove {
  if (run.remaining <= 0) return 'idle';
  const { expected } = run;
  if (expected === null) return page.resultText !== null && page.resultText !== page.text ? 'wait' : 'step'; // the trace of what was just typed is on its way
  if (page.text !== expected.text) return 'edited'; // the reader changed the text during the run
  return page.contextIds !== null && sameIds(page.contextIds, expected.ids) ? 'step' : 'wait';
}

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id, i) => id === b[i]);
