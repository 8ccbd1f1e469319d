import type { Tokenizer } from './tokenizer/index.ts';

// The lab and the analogy tests look words up as their single space-prefixed token (" king").

/** A whole-word token: GPT-2's space marker Ġ followed by a letter. */
export function isWholeWordToken(tokenString: string): boolean {
  return /^Ġ\p{L}/u.test(tokenString);
}

export type WordLookup = { ok: true; id: number } | { ok: false; word: string; pieces: string[]; pieceIds: number[] };

export function lookupWord(tokenizer: Tokenizer, word: string): WordLookup {
  const ids = tokenizer.encode(' ' + word.trim());
  if (ids.length === 1) return { ok: true, id: ids[0] };
  return { ok: false, word, pieces: ids.map((id) => tokenizer.tokenText(id)), pieceIds: ids };
}

export function describeSplit(lookup: Extract<WordLookup, { ok: false }>): string {
  return `"${lookup.word}" is not a single token in this vocabulary; it splits into ${lookup.pieces.length} pieces: ${lookup.pieces
    .map((p) => JSON.stringify(p))
    .join(' + ')}`;
}
