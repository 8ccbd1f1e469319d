import type { GPTModel } from '../../src/core/model.ts';
import type { Tokenizer } from '../../src/core/tokenizer/index.ts';
import { forward } from '../../src/core/gpt.ts';
import { lastLogits, lastProbs } from '../../src/core/trace.ts';
import { createRng } from '../../src/core/rng.ts';
import { isWholeWordToken } from '../../src/core/words.ts';

// Does the model use its context? Two measures for the model card and the tests on the shipped files:
// agreement with a word a few tokens back, and copying a random sequence it has just read.

export interface AgreementPair {
  kind: 'pronoun' | 'number' | 'article';
  prompt: string;
  right: string; // the next word (without its leading space) that agrees with the context
  wrong: string;
}

// Written for this test from ordinary English, not taken from the corpus. Every pair has a twin with the
// other answer, so a model that always prefers one word gets half of them right.
export const AGREEMENT_PAIRS: readonly AgreementPair[] = [
  ...(
    [
      ['The king said that', 'The queen said that'],
      ['My father told me that', 'My mother told me that'],
      ['The old man looked up, and', 'The old woman looked up, and'],
      ['Mr. Brown said that', 'Mrs. Brown said that'],
      ['The boy was tired, so', 'The girl was tired, so'],
      ['His brother thought that', 'His sister thought that'],
      ['The husband came home, and', 'The wife came home, and'],
      ['The son smiled because', 'The daughter smiled because'],
    ] as const
  ).flatMap(([male, female]): AgreementPair[] => [
    { kind: 'pronoun', prompt: male, right: 'he', wrong: 'she' },
    { kind: 'pronoun', prompt: female, right: 'she', wrong: 'he' },
  ]),
  ...(
    [
      ['The house on the hill', 'The houses on the hill', 'is', 'are'],
      ['The man at the door', 'The men at the door', 'was', 'were'],
      ['The book on the table', 'The books on the table', 'is', 'are'],
      ['The child in the garden', 'The children in the garden', 'was', 'were'],
      ['The letter from his father', 'The letters from his father', 'was', 'were'],
    ] as const
  ).flatMap(([singular, plural, one, many]): AgreementPair[] => [
    { kind: 'number', prompt: singular, right: one, wrong: many },
    { kind: 'number', prompt: plural, right: many, wrong: one },
  ]),
  ...(
    [
      ['He was', 'old', 'young'],
      ['It took', 'hour', 'day'],
      ['She bought', 'old', 'new'],
    ] as const
  ).flatMap(([prompt, vowel, consonant]): AgreementPair[] => [
    { kind: 'article', prompt: `${prompt} an`, right: vowel, wrong: consonant },
    { kind: 'article', prompt: `${prompt} a`, right: consonant, wrong: vowel },
  ]),
];

export interface AgreementResult extends AgreementPair {
  pRight: number;
  pWrong: number;
  /** logit(right) − logit(wrong), the log of pRight / pWrong: finite even where both probabilities underflow to 0. */
  logOdds: number;
}

function singleToken(tokenizer: Tokenizer, word: string): number {
  const ids = tokenizer.encode(' ' + word);
  if (ids.length !== 1) throw new Error(`" ${word}" is not a single token`);
  return ids[0];
}

export function agreement(model: GPTModel, tokenizer: Tokenizer, pairs = AGREEMENT_PAIRS): AgreementResult[] {
  return pairs.map((pair) => {
    const trace = forward(model, tokenizer.encode(pair.prompt), { logitRows: 'last' });
    const [right, wrong] = [singleToken(tokenizer, pair.right), singleToken(tokenizer, pair.wrong)];
    const [probs, logits] = [lastProbs(trace), lastLogits(trace)];
    return { ...pair, pRight: probs[right], pWrong: probs[wrong], logOdds: logits[right] - logits[wrong] };
  });
}

/** A pair is right when the model gives the right word more probability than the wrong one: read from the logits, where no tie comes of underflow. */
export const isRight = (result: AgreementResult): boolean => result.logOdds > 0;

/** How many pairs of each kind the model gets right (isRight). */
export function agreementByKind(results: readonly AgreementResult[]): Record<AgreementPair['kind'], number> {
  const right = (kind: AgreementPair['kind']) => results.filter((r) => r.kind === kind && isRight(r)).length;
  return { pronoun: right('pronoun'), number: right('number'), article: right('article') };
}

/** A pair of twins and how far the word they differ in moves the odds (twinShifts). */
export interface TwinShift {
  kind: AgreementPair['kind'];
  prompts: [string, string];
  /** The first prompt's right word, the second's wrong one. */
  word: string;
  shift: number;
}

/**
 * How far the word a twin changes moves the odds between the two answers: the log-odds of the first prompt's
 * right word over the other, after the first prompt less after its twin (in nats). A model that ignores the
 * changed word scores 0; a positive shift is the right way, even when the model's lean towards one answer
 * (he, is, was) is larger and both prompts still get the same word. `results` are `agreement`'s, in the order of
 * AGREEMENT_PAIRS: each pair followed by its twin.
 */
export function twinShifts(results: readonly AgreementResult[]): TwinShift[] {
  if (results.length % 2 !== 0) throw new Error(`twinShifts: ${results.length} results cannot be read as twins`);
  const shifts: TwinShift[] = [];
  for (let i = 0; i < results.length; i += 2) {
    const [a, b] = [results[i], results[i + 1]];
    if (a.kind !== b.kind || a.right !== b.wrong || a.wrong !== b.right) {
      throw new Error(`twinShifts: "${a.prompt}" and "${b.prompt}" are not twins (their answers are not each other's)`);
    }
    // The log-odds of a's right word after a, less its log-odds after b, where it is b's wrong word.
    const shift = a.logOdds + b.logOdds;
    shifts.push({ kind: a.kind, prompts: [a.prompt, b.prompt], word: a.right, shift });
  }
  return shifts;
}

/** The mean shift of one kind of twin, and how many of them move the right way. */
export function meanTwinShift(
  shifts: readonly TwinShift[],
  kind: AgreementPair['kind'],
): { mean: number; rightWay: number; twins: number } {
  const ofKind = shifts.filter((s) => s.kind === kind);
  if (ofKind.length === 0) throw new Error(`meanTwinShift: no twins of the kind ${kind}`);
  const mean = ofKind.reduce((sum, s) => sum + s.shift, 0) / ofKind.length;
  return { mean, rightWay: ofKind.filter((s) => s.shift > 0).length, twins: ofKind.length };
}

export interface CopyingResult {
  sequences: number;
  length: number; // tokens in each copy
  firstNats: number; // mean loss per token over the first copy (its first token excluded)
  secondNats: number; // mean loss per token over the second copy
}

/**
 * A random sequence of common whole-word tokens, read twice. A model that copies from its context predicts
 * the second reading far better than the first. Tokens are drawn from the 2,000 most frequent whole words.
 */
export function copying(model: GPTModel, tokenizer: Tokenizer, train: Uint16Array, length = 40, sequences = 16, seed = 7): CopyingResult {
  const counts = new Float64Array(model.config.vocabSize);
  for (const id of train) counts[id]++;
  const common = Array.from(counts.keys())
    .filter((id) => isWholeWordToken(tokenizer.tokenString(id)))
    .sort((a, b) => counts[b] - counts[a])
    .slice(0, 2000);
  const rng = createRng(seed);
  let first = 0;
  let second = 0;
  for (let s = 0; s < sequences; s++) {
    const seq = Array.from({ length }, () => common[Math.floor(rng.next() * common.length)]);
    const ids = [...seq, ...seq];
    const { probs } = forward(model, ids);
    const V = model.config.vocabSize;
    // Row t predicts ids[t + 1].
    for (let t = 0; t < ids.length - 1; t++) {
      const nats = -Math.log(Math.max(probs.data[t * V + ids[t + 1]], 1e-30));
      if (t + 1 < length) first += nats;
      else second += nats;
    }
  }
  return { sequences, length, firstNats: first / (sequences * (length - 1)), secondNats: second / (sequences * length) };
}
