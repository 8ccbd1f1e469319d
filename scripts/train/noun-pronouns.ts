import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readModelDir } from '../lib/model-dir.ts';
import { modelFromFiles, type LoadedModel } from '../../src/core/bundle.ts';
import { nextTokenAfter, singleTokenId } from '../../src/core/nextToken.ts';
import { CORPUS_DIR, SHIPPED_MODEL_DIR } from './paths.ts';

// How much the corpus itself says about a pronoun after a gendered noun, and how much of it the model follows.
// For every gendered noun in the text, the first of he/his/him/she/her within the next few words: how often it
// agrees with the noun, the share the model gives the feminine pronouns when it reaches that place, and how far
// that share moves when the noun is swapped for the other gender's. The training text has some 1,600 such places
// and the validation text a handful, so the model is measured on sentences it has read: how much of their signal
// it kept, not how it generalises.
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
  documentAt: number; // where the document holding both starts (documents are separated by a blank line)
}

const GENDER_OF = new Map<string, Gender>(
  (['f', 'm'] as const).flatMap((gender) => GENDERED_NOUNS[gender].map((noun): [string, Gender] => [noun, gender])),
);

/** The gendered noun a word is, if any: "her." ends a sentence, but only "mrs." and "mr." keep their full stop. */
function nounKey(word: string): string | null {
  const key = GENDER_OF.has(word) ? word : word.replace(/\.$/, '');
  return GENDER_OF.has(key) ? key : null;
}

/**
 * Each gendered noun followed, within `window` words of the same document, by a pronoun before any other gendered
 * noun, and that first pronoun: a pronoun is counted once, for the nearest noun before it.
 */
export function pronounEvents(text: string, window = WINDOW_WORDS): PronounEvent[] {
  const events: PronounEvent[] = [];
  for (let documentAt = 0; documentAt <= text.length;) {
    const blank = text.indexOf('\n\n', documentAt);
    const documentEnd = blank < 0 ? text.length : blank;
    const words = [...text.slice(documentAt, documentEnd).matchAll(/[A-Za-z]+\.?/g)].map((m) => ({
      word: m[0].toLowerCase(),
      at: documentAt + m.index,
    }));
    words.forEach(({ word, at: nounAt }, i) => {
      const key = nounKey(word);
      if (key === null) return;
      for (const next of words.slice(i + 1, i + 1 + window)) {
        if (nounKey(next.word) !== null) return;
        const pronoun = PRONOUNS[next.word.replace(/\.$/, '')];
        if (!pronoun) continue;
        const nounWord = text.slice(nounAt, nounAt + key.length);
        events.push({ noun: GENDER_OF.get(key)!, nounAt, nounWord, pronoun, word: next.word.replace(/\.$/, ''), at: next.at, documentAt });
        return;
      }
    });
    if (blank < 0) break;
    documentAt = blank + 2;
  }
  return events;
}

/** What the model reads at an event: its document up to the pronoun, and the same with the noun swapped. */
export function contexts(text: string, e: PronounEvent): { before: string; swapped: string } {
  const before = text.slice(e.documentAt, e.at).replace(/ $/, '');
  const nounAt = e.nounAt - e.documentAt;
  return { before, swapped: before.slice(0, nounAt) + swappedNoun(e.nounWord) + before.slice(nounAt + e.nounWord.length) };
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

/** The five pronouns' token ids (" she", …) with their genders, looked up once per model. */
function pronounIds(loaded: LoadedModel): [number, Gender][] {
  return Object.entries(PRONOUNS).map(([word, gender]) => {
    const id = singleTokenId(loaded.tokenizer, ` ${word}`);
    if (id === null) throw new Error(`" ${word}" is not one token`);
    return [id, gender];
  });
}

/** At an event, the model's share for the feminine pronouns among the five, reading the text before it. */
function modelFeminineShare(loaded: LoadedModel, ids: readonly [number, Gender][], before: string): number {
  const { probs } = nextTokenAfter(loaded, before);
  let feminine = 0;
  let all = 0;
  for (const [id, gender] of ids) {
    all += probs[id];
    if (gender === 'f') feminine += probs[id];
  }
  return feminine / all;
}

function percent(part: number, whole: number): string {
  return `${part} of ${whole} (${((100 * part) / whole).toFixed(1)}%)`;
}

export interface ModelShares {
  feminine: Record<Gender, number>; // the mean feminine share after each gender of noun
  nounEffect: number; // mean points by which the noun as written beats it swapped for the other gender's
  flipped: number; // events where the swap changes which gender the model prefers
}

/** The model at each event, reading its document up to the pronoun, with the noun as written and swapped. */
function modelShares(loaded: LoadedModel, text: string, events: readonly PronounEvent[]): ModelShares {
  const shares: Record<Gender, number[]> = { f: [], m: [] };
  let effect = 0;
  let flipped = 0;
  const ids = pronounIds(loaded);
  for (const e of events) {
    const { before, swapped } = contexts(text, e);
    const share = modelFeminineShare(loaded, ids, before);
    const swappedShare = modelFeminineShare(loaded, ids, swapped);
    shares[e.noun].push(share);
    effect += e.noun === 'f' ? share - swappedShare : swappedShare - share;
    if (share > 0.5 !== swappedShare > 0.5) flipped++;
  }
  const mean = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
  return { feminine: { f: mean(shares.f), m: mean(shares.m) }, nounEffect: (100 * effect) / events.length, flipped };
}

export interface NounFollowing {
  places: number;
  text: Record<Gender, { feminine: number; all: number }>;
  model: ModelShares;
}

/** The text and the model at every place in `text` where a pronoun follows a gendered noun. */
export function nounFollowing(loaded: LoadedModel, text: string): NounFollowing {
  // The model reads " she", not "She" or "\nshe": the places where the pronoun is one of its five tokens.
  const events = pronounEvents(text).filter((e) => text[e.at - 1] === ' ' && !/[A-Z]/.test(text[e.at]));
  return { places: events.length, text: feminineCounts(events), model: modelShares(loaded, text, events) };
}

function main(): void {
  const loaded = modelFromFiles(readModelDir(process.argv[2] ?? SHIPPED_MODEL_DIR));
  for (const split of ['train', 'val'] as const) {
    const { places, text: counts, model } = nounFollowing(loaded, readFileSync(resolve(CORPUS_DIR, `${split}.txt`), 'utf8'));
    console.log(
      split === 'train'
        ? 'training text (the model has read these sentences, so this is how much of their signal it kept):'
        : `validation text (only ${places} places: too few to read much into):`,
    );
    console.log(`  the first of he/his/him/she/her within ${WINDOW_WORDS} words of a gendered noun, in lower case after a space`);
    for (const g of ['f', 'm'] as const) {
      console.log(
        `  after a ${g === 'f' ? 'feminine' : 'masculine'} noun: feminine in the text ${percent(counts[g].feminine, counts[g].all)}; ` +
          `the model's share for the feminine ones there ${(100 * model.feminine[g]).toFixed(1)}% on average`,
      );
    }
    console.log(
      `  the noun swapped for the other gender's (queen <-> king, …): the model's feminine share moves ${model.nounEffect.toFixed(1)} points ` +
        `towards the noun on average, and its preferred gender flips at ${percent(model.flipped, places)} of the places`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
