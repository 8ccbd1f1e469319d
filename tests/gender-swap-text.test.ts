import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { buildTextSwap, swapText, swapWindowText } from '../scripts/train/genderSwapText';
import { firstNameList, nameUses, pairNames, usedAsName } from '../scripts/train/gendered-names';
import names from '../scripts/train/gendered-names.json';

// SHARP_PROSE_SWAP_TEXT_RUN's swapped windows: the swap done on the text, names and all.
const swap = buildTextSwap();

describe('swapping the gendered words and names of a text', () => {
  it.each([
    ['John said that he saw her mother.', 'Mary said that she saw his father.'],
    ['Her own son told Mrs. Brown that she was the queen.', 'His own daughter told Mr. Brown that he was the king.'],
    ['He gave her the book; it was hers.', 'She gave him the book; it was his.'],
    ['He told her I would come.', 'She told him I would come.'],
    ["Mary's husband said he'd go, and Elizabeth's brother thanked her.", "John's wife said she'd go, and William's sister thanked him."],
  ])('%s', (text, expected) => {
    expect(swapText(text, swap)).toBe(expected);
  });

  it('swaps a word only where it is the whole word, and a listed name for its pair', () => {
    const pairs: Record<string, string> = names.pairs;
    expect(names.female).toContain(pairs.Henry);
    expect(swapText('The herd was hers, and Henry met Herman in Manchester.', swap)).toBe(
      `The herd was his, and ${pairs.Henry} met Herman in Manchester.`,
    );
  });

  it('leaves a text without gendered words or names as it is', () => {
    const text = 'The river runs through the old town, and the people of New York fish in it.';
    expect(swapText(text, swap)).toBe(text);
  });

  it('swaps back what it swapped, except that her is a guess both ways and names pair by rank', () => {
    const text = 'The king and the queen, the father and the mother, John and Mary, he and she.';
    expect(swapText(text, swap)).not.toBe(text);
    expect(swapText(swapText(text, swap), swap)).toBe(text);
  });
});

describe('a swapped training window', () => {
  const { tokenizer } = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));
  const eot = tokenizer.idOf('<|endoftext|>')!;
  const encode = (parts: string[]) => parts.flatMap((p, i) => (i ? [eot, ...tokenizer.encode(p)] : tokenizer.encode(p)));

  it('swaps each document on its own and keeps the separators between them', () => {
    const source = encode(['The king said that he would come.', 'Mary smiled at her son, and he smiled back.']);
    const window = swapWindowText(source, source.length - 2, tokenizer, swap, eot)!;
    expect(window).toHaveLength(source.length - 2);
    expect(window.filter((id) => id === eot)).toHaveLength(1);
    const text = tokenizer.decode(Array.from(window));
    expect(text.startsWith('The queen said that she would come.<|endoftext|>John smiled at his daughter, and she')).toBe(true);
  });

  it('meets a name at the start of a text as two tokens and after a space as one, as the README says', () => {
    const pieces = (text: string) => tokenizer.encode(text).map((id) => tokenizer.tokenText(id));
    expect([pieces('John'), pieces('Mary'), pieces(' John'), pieces(' Mary')]).toEqual([['J', 'ohn'], ['M', 'ary'], [' John'], [' Mary']]);
  });

  it('fills the window from the tokens past it when the swap shortens the text, and is null when they run out', () => {
    const short = buildTextSwap({ pairs: { Henrietta: 'Robert', Robert: 'Henrietta' } });
    expect([tokenizer.encode(' Henrietta'), tokenizer.encode(' Robert')].map((ids) => ids.length)).toEqual([3, 1]);
    const source = tokenizer.encode('Then Henrietta said that she saw him.');
    const window = tokenizer.encode('Then Robert said that he saw');
    expect(swapWindowText(source.slice(0, window.length + 2), window.length, tokenizer, short, eot)).toEqual(Uint16Array.from(window));
    expect(swapWindowText(source.slice(0, window.length + 1), window.length, tokenizer, short, eot)).toBeNull();
  });

  it('is null when the swapped text is shorter than the window', () => {
    const source = tokenizer.encode('He and she.');
    expect(swapWindowText(source, source.length + 1, tokenizer, swap, eot)).toBeNull();
  });
});

describe('choosing the names to swap', () => {
  it('takes each name from its own list only, and pairs it with one of the other', () => {
    const [male, female] = [firstNameList('male'), firstNameList('female')];
    for (const n of names.male) expect(male.has(n) && !female.has(n)).toBe(true);
    for (const n of names.female) expect(female.has(n) && !male.has(n)).toBe(true);
    const pairs: Record<string, string> = names.pairs;
    expect(pairs).toEqual(pairNames(names.male, names.female));
    for (const n of names.male) expect(names.female).toContain(pairs[n]);
    for (const n of names.female) expect(names.male).toContain(pairs[n]);
    expect([pairs.John, pairs.Mary, pairs.William, pairs.Elizabeth]).toEqual(['Mary', 'John', 'Elizabeth', 'William']);
    // The README's count.
    expect([names.male.length, names.female.length]).toEqual([181, 81]);
  });

  it('counts the pronoun that first follows a name, and its uses after "the" and in lower case', () => {
    const text = 'Roman said he would go. The Roman road. Mary said that she and he left. roman candles. Mary? He ran.';
    const uses = nameUses(text, new Set(['Roman', 'Mary']));
    // The second Roman's first pronoun within twelve words is Mary's she.
    expect(uses.get('Roman')).toEqual({ uses: 2, lowerCase: 1, afterThe: 1, masculineAfter: 1, feminineAfter: 1 });
    expect(uses.get('Mary')).toEqual({ uses: 2, lowerCase: 0, afterThe: 0, masculineAfter: 1, feminineAfter: 1 });
  });

  it('keeps a name the text uses as one, with a stricter bar for men’s names, since the text leans to he', () => {
    const use = { uses: 20, lowerCase: 0, afterThe: 0, masculineAfter: 8, feminineAfter: 2 };
    expect(usedAsName(use, 'male')).toBe(true);
    expect(usedAsName({ ...use, feminineAfter: 3 }, 'male')).toBe(false);
    expect(usedAsName({ ...use, masculineAfter: 2, feminineAfter: 2 }, 'female')).toBe(true);
    expect(usedAsName(use, 'female')).toBe(false);
    expect(usedAsName({ ...use, afterThe: 3 }, 'male')).toBe(false);
    expect(usedAsName({ ...use, lowerCase: 2 }, 'male')).toBe(false);
    expect(usedAsName({ ...use, uses: 4 }, 'male')).toBe(false);
  });

  it('pairs by rank, starting over on the shorter list', () => {
    expect(pairNames(['John', 'William', 'James'], ['Mary', 'Elizabeth'])).toEqual({
      John: 'Mary',
      William: 'Elizabeth',
      James: 'Mary',
      Mary: 'John',
      Elizabeth: 'William',
    });
  });
});
