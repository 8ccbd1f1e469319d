import { describe, expect, it } from 'vitest';
import { feminineCounts, pronounEvents, swappedNoun } from '../scripts/train/noun-pronouns';

describe('pronouns after a gendered noun in running text', () => {
  it('finds the first he/his/him/she/her within the window after each gendered noun, with both places', () => {
    const text = 'The queen rose. Then she spoke to the king, and his men cheered her. Mrs. Brown left; he stayed.';
    const events = pronounEvents(text, 8);
    expect(events.map((e) => [e.nounWord, e.noun, e.word, e.pronoun])).toEqual([
      ['queen', 'f', 'she', 'f'],
      ['king', 'm', 'his', 'm'],
      ['Mrs.', 'f', 'he', 'm'],
    ]);
    for (const e of events) {
      expect(text.slice(e.nounAt, e.nounAt + e.nounWord.length)).toBe(e.nounWord);
      expect(text.slice(e.at, e.at + e.word.length).toLowerCase()).toBe(e.word);
    }
  });

  it('looks no further than the window, and reads "her." at the end of a sentence as "her"', () => {
    expect(pronounEvents('The woman saw one two three four five six seven she', 8)).toEqual([]);
    expect(pronounEvents('The woman saw one two three four five six seven she', 9)).toHaveLength(1);
    expect(pronounEvents('The man told her.', 8).map((e) => e.word)).toEqual(['her']);
  });

  it('counts the feminine pronouns after each gender of noun', () => {
    const events = pronounEvents('The girl said she would. The boy said he would. The wife said he would.');
    expect(feminineCounts(events)).toEqual({ f: { feminine: 1, all: 2 }, m: { feminine: 0, all: 1 } });
  });

  it('swaps a noun for the other gender’s, keeping its capital and full stop', () => {
    expect(['Queen', 'king', 'Mrs.', 'mr.', 'lady', 'Gentleman'].map(swappedNoun)).toEqual([
      'King',
      'queen',
      'Mr.',
      'mrs.',
      'gentleman',
      'Lady',
    ]);
    expect(() => swappedNoun('table')).toThrow(/not one of the gendered nouns/);
  });
});
