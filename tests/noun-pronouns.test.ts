import { describe, expect, it } from 'vitest';
import { contexts, feminineCounts, pronounEvents, swappedNoun } from '../scripts/train/noun-pronouns';

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

  it('keeps to one document, and gives a pronoun only to the nearest gendered noun before it', () => {
    const text = 'Here is the king.\n\nHe left.\n\nThe mother and the son ate, and he slept.';
    const events = pronounEvents(text);
    expect(events.map((e) => [e.nounWord, e.word])).toEqual([['son', 'he']]);
    expect(text.slice(events[0].documentAt, events[0].documentAt + 10)).toBe('The mother');
  });

  it('reads a noun with a full stop after it ("the king. Then he") as the noun', () => {
    expect(pronounEvents('She met the king. Then he spoke.').map((e) => [e.nounWord, e.word])).toEqual([['king', 'he']]);
  });

  it('gives the model its document up to the pronoun, and the same with the noun swapped in its place', () => {
    const text = 'A first document.\n\nYesterday Mrs. Brown said that she would come.';
    const [event] = pronounEvents(text);
    expect(contexts(text, event)).toEqual({
      before: 'Yesterday Mrs. Brown said that',
      swapped: 'Yesterday Mr. Brown said that',
    });
    const [first] = pronounEvents('The Queen rose, and she spoke.');
    expect(contexts('The Queen rose, and she spoke.', first)).toEqual({ before: 'The Queen rose, and', swapped: 'The King rose, and' });
  });
});
