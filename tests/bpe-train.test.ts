import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToUnicode, mergesToTxt, pretokenize, Tokenizer, trainBpe, vocabToJson } from '../src/core/tokenizer/index.ts';

const byteChars = bytesToUnicode();
const spell = (chunk: string) => Array.from(new TextEncoder().encode(chunk), (b) => byteChars.get(b)!);

/** Apply merges one after another to the whole word, left to right: BPE by its definition. */
function applyInOrder(symbols: string[], merges: [string, string][]): string[] {
  let word = symbols;
  for (const [l, r] of merges) {
    const next: string[] = [];
    for (let i = 0; i < word.length; i++) {
      if (i + 1 < word.length && word[i] === l && word[i + 1] === r) {
        next.push(l + r);
        i++;
      } else next.push(word[i]);
    }
    word = next;
  }
  return word;
}

/**
 * The slow, obviously-correct trainer: recount every pair in every chunk before each
 * merge. Same rules as trainBpe: overlapping pairs counted, highest count wins, ties
 * go to the smaller left then right string, stop below minFrequency.
 */
function naiveTrain(text: string, vocabSize: number, minFrequency: number): [string, string][] {
  const freq = new Map<string, number>();
  for (const chunk of pretokenize(text)) freq.set(chunk, (freq.get(chunk) ?? 0) + 1);
  let words = [...freq].map(([chunk, f]) => ({ symbols: spell(chunk), f }));
  const merges: [string, string][] = [];
  const tokens = new Set(byteChars.values());
  while (tokens.size < vocabSize - 1) {
    const counts = new Map<string, { pair: [string, string]; count: number }>();
    for (const { symbols, f } of words) {
      for (let i = 0; i + 1 < symbols.length; i++) {
        const key = `${symbols[i]} ${symbols[i + 1]}`;
        const entry = counts.get(key) ?? { pair: [symbols[i], symbols[i + 1]], count: 0 };
        entry.count += f;
        counts.set(key, entry);
      }
    }
    let best: { pair: [string, string]; count: number } | undefined;
    for (const c of counts.values()) {
      const better =
        best === undefined ||
        c.count > best.count ||
        (c.count === best.count && (c.pair[0] < best.pair[0] || (c.pair[0] === best.pair[0] && c.pair[1] < best.pair[1])));
      if (better) best = c;
    }
    if (best === undefined || best.count < minFrequency) break;
    merges.push(best.pair);
    tokens.add(best.pair[0] + best.pair[1]);
    words = words.map(({ symbols, f }) => ({ symbols: applyInOrder(symbols, [best.pair]), f }));
  }
  return merges;
}

describe('trainBpe on hand-checked examples', () => {
  it('learns the classic "aaabdaaabac" merges', () => {
    // Pairs: aa 4, ab 2, ... -> "a a". Then (a,b) 2 ties (aa,a) 2; "a" < "aa" so "a b".
    // Then (aa,ab) 2 -> "aa ab". Every pair left occurs once, below minFrequency 2.
    const { vocab, merges } = trainBpe('aaabdaaabac', { vocabSize: 1000 });
    expect(merges).toEqual([
      ['a', 'a'],
      ['a', 'b'],
      ['aa', 'ab'],
    ]);
    expect([...vocab].slice(256)).toEqual([
      ['aa', 256],
      ['ab', 257],
      ['aaab', 258],
      ['<|endoftext|>', 259],
    ]);
  });

  it('stops at vocabSize and breaks count ties by the token strings', () => {
    // With minFrequency 1 the next pairs all occur once: (a,c) has the smallest left string.
    const { merges } = trainBpe('aaabdaaabac', { vocabSize: 261, minFrequency: 1 });
    expect(merges.map((m) => m.join(' '))).toEqual(['a a', 'a b', 'aa ab', 'a c']);
  });

  it('starts from the 256 bytes in GPT-2 order and ends with <|endoftext|>', () => {
    const { vocab } = trainBpe('hello hello', { vocabSize: 300 });
    const ids = [...vocab.values()];
    expect(ids).toEqual(ids.map((_, i) => i));
    expect([...vocab.keys()].slice(0, 256)).toEqual([...byteChars.values()]);
    expect(vocab.get('!')).toBe(0);
    expect(vocab.get('Ġ')).toBe(220); // GPT-2's id for a lone space
    expect([...vocab.keys()].at(-1)).toBe('<|endoftext|>');
  });

  it('spells spaces as Ġ and never merges across pre-tokenizer chunks', () => {
    // Chunks: "ab" once, " ab" twice, "." three times; "b." would be frequent but crosses chunks.
    const { merges } = trainBpe('ab. ab. ab.', { vocabSize: 1000 });
    expect(merges).toEqual([
      ['a', 'b'],
      ['Ġ', 'ab'],
    ]);
  });

  it('keeps documents apart', () => {
    expect(trainBpe(['ab', 'ab'], { vocabSize: 1000 }).merges).toEqual([['a', 'b']]);
    // As one string "abab" is a single chunk: (a,b) 2 -> "a b", then (ab,ab) occurs once.
    expect(trainBpe('abab', { vocabSize: 1000 }).merges).toEqual([['a', 'b']]);
    expect(trainBpe(['xy', 'z'], { vocabSize: 1000, minFrequency: 1 }).merges).toEqual([['x', 'y']]);
  });

  it('reports progress after every merge', () => {
    const calls: [number, number][] = [];
    trainBpe('the cat the cat the cat', { vocabSize: 260, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('rejects a vocabSize that cannot hold the bytes and <|endoftext|>', () => {
    expect(() => trainBpe('x', { vocabSize: 256 })).toThrow(
      'trainBpe: vocabSize must be an integer of at least 257 (256 bytes + "<|endoftext|>"), got 256.',
    );
  });
});

describe('trainBpe agrees with the slow definition', () => {
  const alphabet = fc.constantFrom('a', 'b', 'c', ' ', ' ', '\n', "'", 's', '.', 'é', '😀');
  it('learns the same merges as recounting every pair from scratch', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 120 }),
        fc.integer({ min: 257, max: 300 }),
        fc.integer({ min: 1, max: 3 }),
        (text, vocabSize, minFrequency) => {
          expect(trainBpe(text, { vocabSize, minFrequency }).merges).toEqual(naiveTrain(text, vocabSize, minFrequency));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a trained tokenizer', () => {
  const corpus = [
    'The cat sat on the mat. The dog sat on the log.',
    "It's the cat's mat, and the dog's log; they'll share.",
    'Attention mixes information across time; the MLP works on each token alone.',
    '数字 123 and émigré café naïve 😀 are part of the text too.',
  ]
    .join('\n')
    .repeat(20);
  const { vocab, merges } = trainBpe(corpus, { vocabSize: 400 });
  // Through the text files, so the writers are tested too.
  const tok = Tokenizer.fromFiles(vocabToJson(vocab), mergesToTxt(merges));

  it('writes files in GPT-2 layout', () => {
    expect(mergesToTxt([['Ġ', 't']])).toBe('#version: 0.2\nĠ t\n');
    expect(
      vocabToJson(
        new Map([
          ['b', 1],
          ['a', 0],
        ]),
      ),
    ).toBe('{"a": 0, "b": 1}');
    expect(tok.vocabSize).toBe(vocab.size);
  });

  it('makes a frequent word a single token', () => {
    expect(tok.encode(' the').map((id) => tok.tokenString(id))).toEqual(['Ġthe']);
    expect(tok.encode(' sat')).toHaveLength(1);
    expect(tok.tokenText(tok.encode(' cat')[0])).toBe(' cat');
    expect(tok.encode(' zebra').length).toBeGreaterThan(1); // never seen, so never merged whole
  });

  it('encodes each chunk exactly as applying the merges in order would', () => {
    for (const chunk of new Set(pretokenize(corpus))) {
      const expected = applyInOrder(spell(chunk), merges);
      expect(
        tok.encode(chunk).map((id) => tok.tokenString(id)),
        chunk,
      ).toEqual(expected);
    }
  });

  it('round-trips arbitrary strings', () => {
    const texts = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(texts, (s) => tok.decode(tok.encode(s)) === s),
      { numRuns: 1000 },
    );
  });
});
