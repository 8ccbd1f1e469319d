import type { Tensor } from './tensor';
import type { Tokenizer } from './tokenizer/index.ts';
import { parseExpression } from './expression';
import { resolveTerms, termsVector, wholeWordMask } from './wordTerms';
import { nearestRows } from './analogy';

// An analogy such as king - man + woman ranked in one W_e: its best whole-word answers and where the
// expected answer lands. The app ranks the shipped W_e with it and `npm run starting-embedding` the W_e
// that training started from, so the two columns of the before-and-after table are computed alike.

/** X_male − man + woman should land on X_female: the pairs the model card and the app report. */
export const GENDER_PAIRS: readonly [string, string][] = [
  ['king', 'queen'],
  ['husband', 'wife'],
  ['father', 'mother'],
  ['son', 'daughter'],
  ['boy', 'girl'],
  ['he', 'she'],
  ['brother', 'sister'],
];

export interface AnalogyQuery {
  /** In the lab's syntax: `king - man + woman`. */
  expression: string;
  expected: string;
}

export interface RankedAnalogy extends AnalogyQuery {
  /** The best whole-word tokens by cosine similarity, inputs excluded, best first. */
  top: { id: number; word: string; score: number }[];
  /** 1-based rank of `expected` among the same candidates; null when it is not in the first RANK_DEPTH. */
  rank: number | null;
}

/** How far down the ranking the expected answer is looked for. */
export const RANK_DEPTH = 50;

/**
 * Rank `query` in `wte` (V, C) as the lab does with its default toggles: cosine similarity to the sum of
 * the words' rows, whole-word tokens only, the input words left out. Throws if a word is not a single token.
 */
export function rankAnalogy(
  wte: Tensor,
  tokenizer: Tokenizer,
  query: AnalogyQuery,
  top = 5,
  mask = wholeWordMask(tokenizer),
): RankedAnalogy {
  const parsed = parseExpression(query.expression);
  if (!parsed.ok) throw new Error(`${query.expression}: ${parsed.error.kind}`);
  const resolved = resolveTerms(tokenizer, parsed.terms);
  if (!resolved.ok) throw new Error(`${query.expression}: ${resolved.unresolved.map((u) => u.word).join(', ')} is not a single token`);
  const ranked = nearestRows(wte, termsVector(wte, resolved.terms), {
    k: Math.max(top, RANK_DEPTH),
    similarity: 'cosine',
    exclude: resolved.inputIds,
    candidate: (id) => mask[id] === 1,
  });
  const word = (id: number) => tokenizer.tokenText(id).trim();
  const at = ranked.findIndex((n) => word(n.id) === query.expected);
  return {
    expression: query.expression,
    expected: query.expected,
    top: ranked.slice(0, top).map((n) => ({ id: n.id, word: word(n.id), score: n.score })),
    rank: at >= 0 ? at + 1 : null,
  };
}

/** Every query ranked in one W_e, sharing one whole-word mask. */
export function rankAnalogies(wte: Tensor, tokenizer: Tokenizer, queries: readonly AnalogyQuery[], top = 5): RankedAnalogy[] {
  const mask = wholeWordMask(tokenizer);
  return queries.map((q) => rankAnalogy(wte, tokenizer, q, top, mask));
}
