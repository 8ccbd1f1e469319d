import { useMemo } from 'react';
import type { LoadedModel } from '../../core/bundle';
import { resolveWord } from '../../core/wordTerms';
import { tokenLabel as anyTokenLabel } from '../../viz/format';

export { analyse, candidateFilter, NEIGHBOURS, wholeWords, type ExpressionAnalysis } from '../../core/expressionAnalysis';
import { analyse, wholeWords } from '../../core/expressionAnalysis';

// The lab's hooks on the analysis: recomputed only when the expression or a toggle changes.

export function useExpression(loaded: LoadedModel, expression: string, includeInputs: boolean, allTokens: boolean) {
  return useMemo(() => analyse(loaded, expression, includeInputs, allTokens), [loaded, expression, includeInputs, allTokens]);
}

/** A word's row id, or null when it is not a single token in either capitalisation. */
export function wordId(loaded: LoadedModel, word: string): number | null {
  const r = resolveWord(loaded.tokenizer, word);
  return r.ok ? r.id : null;
}

/** A token as the lab shows it: whole words without their leading space, anything else with its spaces made visible. */
export function labWordLabel(loaded: LoadedModel, id: number): string {
  // A whole word is what the reader types into the expression, so it drops the space it starts with.
  if (wholeWords(loaded)[id] === 1) return loaded.tokenizer.tokenText(id).slice(1);
  return anyTokenLabel(loaded.tokenizer, id);
}

/** Where the lab injects unless the reader chooses: the first of the expression's words found in the sentence, else the last token. */
export function defaultPosition(sentenceIds: readonly number[], inputIds: readonly number[]): number {
  const first = sentenceIds.findIndex((id) => inputIds.includes(id));
  return first >= 0 ? first : sentenceIds.length - 1;
}
