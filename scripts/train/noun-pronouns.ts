import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readModelDir } from '../lib/model-dir.ts';
import { modelFromFiles, type LoadedModel } from '../../src/core/bundle.ts';
import { nextTokenAfter, singleTokenId } from '../../src/core/nextToken.ts';
import { CORPUS_DIR, SHIPPED_MODEL_DIR } from './paths.ts';

// How much the corpus itself says about a pronoun after a gendered noun, and how much of it the model follows.
// For every gendered noun in the text, the first of he/his/him/she/her within the next few words: how often it
// agrees with the noun in the training text, and, at those places in the validation text, the share the model
// gives the feminine pronouns when it reaches them.
//
//   npx tsx scripts/train/noun-pronouns.ts [MODEL_DIR]

export type Gender = 'f' | 'm';

export const GENDERED_NOUNS: Readonly<Record<Gender, readonly string[]>> = {
  f: ['queen', 'mother', 'woman', 'girl', 'wife', 'sister', 'daughter', 'lady', 'mrs.'],
  m: ['king', 'father', 'man', 'boy', 'husband', 'brother', 'son', 'gentleman', 'mr.'],
};
const PRONOUNS: Readonly<Record<string, Gender>> = { she: 'f', her: 'f', he: 'm', his: 'm', him: 'm' };
export const WINDOW_WORDS = 8;

export interface PronounEvent {
  noun: Gender; // the noun's gender
  nounAt: number; // where the noun starts in the text
  nounWord: string; // the noun as the text spells it
  pronoun: Gender; // the gender of the first pronoun after it
  word: string; // that pronoun, lower case
  at: number; // where the pronoun starts in the text
}

/** Each gendered noun followed, within `window` words, by a pronoun, and the first such pronoun. */
export function pronounEvents(text: string, window = WINDOW_WORDS): PronounEvent[] {
  const words = [...text.matchAll(/[A-Za-z]+\.?/g)].map((m) => ({ word: m[0].toLowerCase(), at: m.index }));
  const genderOf = new Map<string, Gender>();
  for (const gender of ['f', 'm'] as const) for (const noun of GENDERED_NOUNS[gender]) genderOf.set(noun, gender);
  const events: PronounEvent[] = [];
  words.forEach(({ word, at: nounAt }, i) => {
    // "her." ends a sentence; a noun needs its full stop only for "mrs." and "mr.".
    const key = genderOf.has(word) ? word : word.replace(/\.$/, '');
    const noun = genderOf.get(key);
    if (!noun) return;
    for (const next of words.slice(i + 1, i + 1 + window)) {
      const pronoun = PRONOUNS[next.word.replace(/\.$/, '')];
      if (pronoun) {
        const nounWord = text.slice(nounAt, nounAt + key.length);
        events.push({ noun, nounAt, nounWord, pronoun, word: next.word.replace(/\.$/, ''), at: next.at });
        return;
      }
    }
  });
  return events;
}

/** The noun of the other gender in the same place of GENDERED_NOUNS, spelt with the same capital: "Queen" -> "King". */
export function swappedNoun(word: string): string {
  const lower = word.toLowerCase();
  for (const [from, to] of [
    [GENDERED_NOUNS.f, GENDERED_NOUNS.m],
    [GENDERED_NOUNS.m, GENDERED_NOUNS.f],
  ]) {
    const i = from.indexOf(lower);
    if (i < 0) continue;
    const other = to[i];
    return word[0] === word[0].toUpperCase() ? other[0].toUpperCase() + other.slice(1) : other;
  }
  throw new Error(`${word} is not one of the gendered nouns`);
}

/** Of the events after each gender of noun, how many have a feminine pronoun. */
export function feminineCounts(events: readonly PronounEvent[]): Record<Gender, { feminine: number; all: number }> {
  const counts = { f: { feminine: 0, all: 0 }, m: { feminine: 0, all: 0 } };
  for (const e of events) {
    counts[e.noun].all++;
    if (e.pronoun === 'f') counts[e.noun].feminine++;
  }
  return counts;
}

/** At an event, the model's share for the feminine pronouns among the five, reading the text before it. */
function modelFeminineShare(loaded: LoadedModel, before: string): number {
  const { probs } = nextTokenAfter(loaded, before);
  let feminine = 0;
  let all = 0;
  for (const [word, gender] of Object.entries(PRONOUNS)) {
    const id = singleTokenId(loaded.tokenizer, ` ${word}`);
    if (id === null) throw new Error(`" ${word}" is not one token`);
    all += probs[id];
    if (gender === 'f') feminine += probs[id];
  }
  return feminine / all;
}

function percent(part: number, whole: number): string {
  return `${part} of ${whole} (${((100 * part) / whole).toFixed(1)}%)`;
}

interface ModelShares {
  feminine: Record<Gender, number>; // the mean feminine share after each gender of noun
  nounEffect: number; // mean points by which the noun as written beats it swapped for the other gender's
  flipped: number; // events where the swap changes which gender the model prefers
}

/** The model at each event, reading its document up to the pronoun, with the noun as written and swapped. */
function modelShares(loaded: LoadedModel, text: string, events: readonly PronounEvent[]): ModelShares {
  const shares: Record<Gender, number[]> = { f: [], m: [] };
  let effect = 0;
  let flipped = 0;
  for (const e of events) {
    const documentStart = text.lastIndexOf('\n\n', e.at) + 2;
    const before = text.slice(documentStart, e.at - 1);
    const share = modelFeminineShare(loaded, before);
    const nounInBefore = e.nounAt - documentStart;
    const swapped = before.slice(0, nounInBefore) + swappedNoun(e.nounWord) + before.slice(nounInBefore + e.nounWord.length);
    const swappedShare = modelFeminineShare(loaded, swapped);
    shares[e.noun].push(share);
    effect += e.noun === 'f' ? share - swappedShare : swappedShare - share;
    if (share > 0.5 !== swappedShare > 0.5) flipped++;
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { feminine: { f: mean(shares.f), m: mean(shares.m) }, nounEffect: (100 * effect) / events.length, flipped };
}

function main(): void {
  const loaded = modelFromFiles(readModelDir(process.argv[2] ?? SHIPPED_MODEL_DIR));
  for (const split of ['train', 'val']) {
    const text = readFileSync(resolve(CORPUS_DIR, `${split}.txt`), 'utf8');
    // The model reads " she", not "She" or "\nshe": the places where the pronoun is one of its five tokens.
    const events = pronounEvents(text).filter((e) => text[e.at - 1] === ' ' && !/[A-Z]/.test(text[e.at]));
    const counts = feminineCounts(events);
    const model = modelShares(loaded, text, events);
    console.log(
      `${split} text: the first of he/his/him/she/her within ${WINDOW_WORDS} words of a gendered noun, in lower case after a space`,
    );
    for (const g of ['f', 'm'] as const) {
      console.log(
        `  after a ${g === 'f' ? 'feminine' : 'masculine'} noun: feminine in the text ${percent(counts[g].feminine, counts[g].all)}; ` +
          `the model's share for the feminine ones there ${(100 * model.feminine[g]).toFixed(1)}%`,
      );
    }
    console.log(
      `  the noun swapped for the other gender's (queen <-> king, …): the model's feminine share moves ${model.nounEffect.toFixed(1)} points ` +
        `towards the noun on average, and its preferred gender flips at ${percent(model.flipped, events.length)} of the places`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
