import type { Tokenizer } from '../../src/core/tokenizer/index.ts';
import { OBJECT_FOLLOWERS, PAIRS } from './genderSwap.ts';
import gendered from './gendered-names.json' with { type: 'json' };

// The gender swap of genderSwap.ts done on the text instead of the tokens, so that it reaches its words however they
// are tokenized, and first names too (gendered-names.json): "John said that he" is read as "Mary said that she". The
// token swap left names alone, so its swapped windows read "John said that she". A window is decoded, swapped and
// encoded again.

export interface TextSwap {
  /** A word → its counterpart, as written: "king" → "queen", "King" → "Queen", "John" → "Mary". */
  words: Map<string, string>;
  /** Lower-case words after which `her` is an object (him); before any other word it is a possessive (his). */
  objectFollowers: Set<string>;
}

interface GenderedNames {
  pairs: Record<string, string>;
}

const capitalised = (word: string) => word[0].toUpperCase() + word.slice(1);

export function buildTextSwap(names: GenderedNames = gendered): TextSwap {
  const words = new Map<string, string>();
  const link = (a: string, b: string) => {
    for (const [x, y] of [
      [a, b],
      [capitalised(a), capitalised(b)],
    ]) {
      words.set(x, y);
      words.set(y, x);
    }
  };
  for (const [male, female] of PAIRS) link(male, female);
  for (const [word, to] of [
    ['his', 'her'],
    ['him', 'her'],
    ['hers', 'his'],
  ]) {
    words.set(word, to);
    words.set(capitalised(word), capitalised(to));
  }
  for (const [name, counterpart] of Object.entries(names.pairs)) words.set(name, counterpart);
  return { words, objectFollowers: new Set(OBJECT_FOLLOWERS.map((w) => w.toLowerCase())) };
}

/** A word, as both the swap and the choice of names read the text: a run of letters. */
export const WORD = /\p{L}+/gu;

/** The text with every gendered word and listed first name swapped; `her` becomes him or his by what follows it. */
export function swapText(text: string, swap: TextSwap): string {
  const matches = [...text.matchAll(WORD)];
  let out = '';
  let at = 0;
  matches.forEach((m, i) => {
    const word = m[0];
    const end = m.index + word.length;
    let to = swap.words.get(word);
    if (word === 'her' || word === 'Her') {
      const next = matches[i + 1];
      const between = next ? text.slice(end, next.index) : '';
      const object = !next || between.trim() !== '' || swap.objectFollowers.has(next[0].toLowerCase());
      to = object ? 'him' : 'his';
      if (word === 'Her') to = capitalised(to);
    }
    out += text.slice(at, m.index) + (to ?? word);
    at = end;
  });
  return out + text.slice(at);
}

/** Tokens read past a window's end, so that a swap that shortens the text still fills it. */
export const SPARE_TOKENS = 16;

/**
 * A window of `length` tokens read gender-swapped, from `source`, the window and up to SPARE_TOKENS after it. Each
 * document's piece is decoded, swapped and encoded again, and the documents' separators are kept. The words cut at
 * the source's end lie past the window. Returns null if the swapped text is too short to fill the window.
 */
export function swapWindowText(
  source: ArrayLike<number>,
  length: number,
  tokenizer: Tokenizer,
  swap: TextSwap,
  endOfText: number,
): Uint16Array | null {
  const out: number[] = [];
  let piece: number[] = [];
  const flush = () => {
    if (piece.length > 0) out.push(...tokenizer.encode(swapText(tokenizer.decode(piece), swap)));
    piece = [];
  };
  for (let i = 0; i < source.length; i++) {
    if (source[i] === endOfText) {
      flush();
      out.push(endOfText);
    } else piece.push(source[i]);
  }
  flush();
  return out.length >= length ? Uint16Array.from(out.slice(0, length)) : null;
}
