import { useMemo } from 'react';
import type { LoadedModel } from '../../core/bundle';
import { parseExpression, type ExpressionError } from '../../core/expression';
import { resolveTerms, resolveWord, termsVector, wholeWordMask, isZeroVector, type ResolvedTerm, type UnresolvedTerm } from '../../core/wordTerms';
import { nearestRows, type Neighbour } from '../../core/analogy';
import { tokenLabel as anyTokenLabel } from '../../viz/format';

// What the lab derives from the expression; recomputed only when the expression or a toggle changes.

export type ExpressionAnalysis =
  | { kind: 'syntax'; error: ExpressionError }
  | { kind: 'split'; unresolved: UnresolvedTerm[] }
  | { kind: 'zero'; terms: ResolvedTerm[] }
  | { kind: 'ok'; terms: ResolvedTerm[]; inputIds: number[]; vector: Float32Array; cosine: Neighbour[]; dot: Neighbour[] };

const masks = new WeakMap<LoadedModel['tokenizer'], Uint8Array>();
export function wholeWords(loaded: LoadedModel): Uint8Array {
  let mask = masks.get(loaded.tokenizer);
  if (!mask) masks.set(loaded.tokenizer, (mask = wholeWordMask(loaded.tokenizer)));
  return mask;
}

export function candidateFilter(loaded: LoadedModel, allTokens: boolean): ((id: number) => boolean) | undefined {
  if (allTokens) return undefined;
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
  if (isZeroVector(vector)) return { kind: 'zero', terms: resolved.terms };
  const options = { k: NEIGHBOURS, exclude: includeInputs ? [] : resolved.inputIds, candidate: candidateFilter(loaded, allTokens) };
  const cosine = nearestRows(wte, vector, { ...options, similarity: 'cosine' });
  const dot = nearestRows(wte, vector, { ...options, similarity: 'dot' });
  return { kind: 'ok', terms: resolved.terms, inputIds: resolved.inputIds, vector, cosine, dot };
}

export function useExpression(loaded: LoadedModel, expression: string, includeInputs: boolean, allTokens: boolean) {
  return useMemo(() => analyse(loaded, expression, includeInputs, allTokens), [loaded, expression, includeInputs, allTokens]);
}

/** A word's row id, or null when it is not a single token in either capitalisation. */
export function wordId(loaded: LoadedModel, word: string): number | null {
  const r = resolveWord(loaded.tokenizer, word);
  return r.ok ? r.id : null;
}

/** A token as the lab shows it: whole words without their leading space, anything else with its spaces made visible. */
export function tokenLabel(loaded: LoadedModel, id: number): string {
  // A whole word is what the reader types into the expression, so it drops the space it starts with.
  if (wholeWords(loaded)[id] === 1) return loaded.tokenizer.tokenText(id).slice(1);
  return anyTokenLabel(loaded.tokenizer, id);
}
