import type { Tokenizer } from './tokenizer/index.ts';
import type { Tensor } from './tensor';
import type { ExpressionTerm } from './expression';
import { combineRows } from './analogy';
import { isWholeWordToken, lookupWord } from './words';

// Turns the words of a parsed expression into rows of wte. A word only has a vector of its own when
// it is a single token, so the lab looks up " word" and, if that splits, the other capitalisation
// (" Paris" for "paris"): this vocabulary learned many names only with a capital letter.

export type WordResolution =
  | { ok: true; id: number; form: string; recased: boolean }
  | { ok: false; word: string; pieces: string[]; pieceIds: number[]; form: string };

function otherCase(word: string): string | null {
  const first = word.charAt(0);
  const swapped = first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase();
  return swapped === first ? null : swapped + word.slice(1);
}

export function resolveWord(tokenizer: Tokenizer, word: string): WordResolution {
  const direct = lookupWord(tokenizer, word);
  if (direct.ok) return { ok: true, id: direct.id, form: word, recased: false };
  const alternative = otherCase(word);
  if (alternative !== null) {
    const other = lookupWord(tokenizer, alternative);
    if (other.ok) return { ok: true, id: other.id, form: alternative, recased: true };
  }
  return { ok: false, word, pieces: direct.pieces, pieceIds: direct.pieceIds, form: word };
}

export type ResolvedTerm = ExpressionTerm & Extract<WordResolution, { ok: true }>;
export type UnresolvedTerm = ExpressionTerm & Extract<WordResolution, { ok: false }>;

export type ResolvedExpression = { ok: true; terms: ResolvedTerm[]; inputIds: number[] } | { ok: false; unresolved: UnresolvedTerm[] };

/** Every term's token id, or the list of words that are not single tokens. */
export function resolveTerms(tokenizer: Tokenizer, terms: readonly ExpressionTerm[]): ResolvedExpression {
  const resolved: ResolvedTerm[] = [];
  const unresolved: UnresolvedTerm[] = [];
  for (const term of terms) {
    const r = resolveWord(tokenizer, term.word);
    if (r.ok) resolved.push({ ...term, ...r });
    else unresolved.push({ ...term, ...r });
  }
  if (unresolved.length > 0) return { ok: false, unresolved };
  return { ok: true, terms: resolved, inputIds: [...new Set(resolved.map((t) => t.id))] };
}

/** Σ coefficientᵢ · wte[idᵢ]: (V, C) -> (C). */
export function termsVector(wte: Tensor, terms: readonly ResolvedTerm[]): Float32Array {
  return combineRows(
    wte,
    terms.map((t) => ({ id: t.id, weight: t.coefficient })),
  );
}

/** 1 for whole-word tokens (" king"), 0 otherwise and for ids with no token: the default candidates for nearest neighbours. (V) */
export function wholeWordMask(tokenizer: Tokenizer): Uint8Array {
  const mask = new Uint8Array(tokenizer.vocabSize);
  for (let id = 0; id < mask.length; id++) mask[id] = tokenizer.hasToken(id) && isWholeWordToken(tokenizer.tokenString(id)) ? 1 : 0;
  return mask;
}
