import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { createRng } from '../src/core/rng';
import { buildGenderSwap, drawSwapped, swapGender } from '../scripts/train/genderSwap';

// The gender-swapped windows of GENDER_SWAP_RUN, on the shipped vocabulary: whole sentences in and out, read by eye.
const { tokenizer } = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));
const swap = buildGenderSwap(tokenizer);
const swapped = (text: string) => tokenizer.decode(swapGender(tokenizer.encode(text), swap));

describe('swapping the gendered words of a window', () => {
  it.each([
    ['The king said that he would give her book to his son.', 'The queen said that she would give his book to her daughter.'],
    ['He told her to go, and she thanked him.', 'She told him to go, and he thanked her.'],
    ['He told her he would come.', 'She told him she would come.'],
    ['Then Mr. Brown met Mrs. Brown and her own mother.', 'Then Mrs. Brown met Mr. Brown and his own father.'],
    ['The woman saw the men, and the girls saw her.', 'The man saw the women, and the boys saw him.'],
    ['Then His wife and her husband.', 'Then Her husband and his wife.'],
    ['Mantle (he has a neck) and the others.', 'Mantle (she has a neck) and the others.'],
  ])('%s', (text, expected) => {
    expect(swapped(text)).toBe(expected);
  });

  it('leaves a word that is not one token as it is: “His” and “Mrs” at the start of a line are two', () => {
    expect(tokenizer.encode('His')).toHaveLength(2);
    expect(swapped('His wife.')).toBe('His husband.');
  });

  it.each(['The herd was hers, and the herring too.', 'Henry met Herbert in Manchester.', 'a menace to the manor'])(
    'leaves words that only begin like a gendered one: %s',
    (text) => {
      expect(swapped(text)).toBe(text);
    },
  );

  it('leaves the last token, whose next token it cannot see, and reads her by the token after it', () => {
    expect(swapped('He saw her')).toBe('She saw her');
    expect(swapped('He saw her.')).toBe('She saw him.');
    expect(swapped('He saw her mother.')).toBe('She saw his father.');
  });

  it('leaves a window without gendered words as it is', () => {
    const text = 'The river runs through the old town, and the people who live there fish in it.';
    expect(swapped(text)).toBe(text);
  });

  it('swaps back what it swapped, except that her is a guess both ways', () => {
    const text = 'The king and the queen, the father and the mother, he and she.';
    expect(swapped(swapped(text))).toBe(text);
  });
});

describe('choosing the swapped windows', () => {
  it('swaps none at share 0 and all at share 1', () => {
    expect(drawSwapped(createRng(1), 50, 0).some(Boolean)).toBe(false);
    expect(drawSwapped(createRng(1), 50, 1).every(Boolean)).toBe(true);
  });

  it('swaps about the share asked for, the same ones for the same seed', () => {
    const a = drawSwapped(createRng(7), 10_000, 0.5);
    expect(a).toEqual(drawSwapped(createRng(7), 10_000, 0.5));
    const share = a.filter(Boolean).length / a.length;
    expect(share).toBeGreaterThan(0.47);
    expect(share).toBeLessThan(0.53);
  });
});
