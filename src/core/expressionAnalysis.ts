import type { LoadedModel } from './bundle';
import { parseExpression, type ExpressionError } from './expression';
import { isZeroVector } from './vec';
import { resolveTerms, termsVector, wholeWordMask, type ResolvedTerm, type UnresolvedTerm } from './wordTerms';
import { nearestRows, type Neighbour } from './analogy';

// What the embedding lab derives from an expression such as king - man + woman: the result vector and
// its nearest tokens both ways, or why there is none. The app and the bench run the same code.

export type ExpressionAnalysis =
  | { kind: 'syntax'; error: ExpressionError }
  | { kind: 'split'; unresolved: UnresolvedTerm[] }
  /**
   * The result is the zero vector. `cancel`: the terms cancel out; `tiny`: every term is zero on its own,
   * its coefficient being 0 or too small to store (`1e-999*king`), so there was nothing to cancel.
   */
  | { kind: 'zero'; terms: ResolvedTerm[]; reason: 'cancel' | 'tiny' }
  | {
      kind: 'ok';
      terms: ResolvedTerm[];
      inputIds: number[];
      vector: Float32Array;
      cosine: Neighbour[];
      dot: Neighbour[];
      /** The input words' own cosine similarity to the result: often the nearest of all, which is why they are left out. */
      inputCosine: Neighbour[];
    };

const masks = new WeakMap<LoadedModel['tokenizer'], Uint8Array>();
export function wholeWords(loaded: LoadedModel): Uint8Array {
  let mask = masks.get(loaded.tokenizer);
  if (!mask) masks.set(loaded.tokenizer, (mask = wholeWordMask(loaded.tokenizer)));
  return mask;
}

/** Which rows of wte may be ranked: whole words, or every id that names a token (never padding rows). */
export function candidateFilter(loaded: LoadedModel, allTokens: boolean): ((id: number) => boolean) | undefined {
  if (allTokens) {
    const tokens = loaded.model.tokenMask;
    return tokens ? (id) => tokens[id] === 1 : undefined;
  }
  const mask = wholeWords(loaded);
  return (id) => mask[id] === 1;
}

export const NEIGHBOURS = 10;

export function analyse(loaded: LoadedModel, expression: string, includeInputs: boolean, allTokens: boolean): ExpressionAnalysis {
  const parsed = parseExpression(expression);
  if (!parsed.ok) return { kind: 'syntax', error: parsed.error };
  const resolved = resolveTerms(loaded.tokenizer, parsed.terms);
  if (!resolved.ok) return { kind: 'split', unresolved: resolved.unresolved };
  const wte = loaded.model.params.wte;
  const vector = termsVector(wte, resolved.terms);
  if (isZeroVector(vector)) {
    const tiny = resolved.terms.every((term) => isZeroVector(termsVector(wte, [term])));
    return { kind: 'zero', terms: resolved.terms, reason: tiny ? 'tiny' : 'cancel' };
  }
  const options = { k: NEIGHBOURS, exclude: includeInputs ? [] : resolved.inputIds, candidate: candidateFilter(loaded, allTokens) };
  const cosine = nearestRows(wte, vector, { ...options, similarity: 'cosine' });
  const dot = nearestRows(wte, vector, { ...options, similarity: 'dot' });
  const inputs = new Set(resolved.inputIds);
  const inputCosine = nearestRows(wte, vector, { k: inputs.size, similarity: 'cosine', candidate: (id) => inputs.has(id) });
  return { kind: 'ok', terms: resolved.terms, inputIds: resolved.inputIds, vector, cosine, dot, inputCosine };
}
