import type { ExpressionError } from '../../core/expression';
import type { ExpressionAnalysis } from '../../core/expressionAnalysis';
import type { UnresolvedTerm } from '../../core/wordTerms';
import { t, type Lang, type UiStrings } from '../i18n';

// Reader-facing explanations of everything that can be wrong with an expression. Positions are 1-based for people.

export function describeError(error: ExpressionError, ui: UiStrings, lang: Lang): string {
  const pos = error.position + 1;
  switch (error.kind) {
    case 'empty':
      return ui.labErrEmpty;
    case 'too-long':
      return t(ui, 'labErrTooLong', lang, { limit: error.limit });
    case 'too-many-terms':
      return t(ui, 'labErrTooManyTerms', lang, { limit: error.limit });
    case 'unexpected-character':
      return t(ui, 'labErrUnexpected', lang, { char: error.character, pos });
    case 'expected-word':
      return t(ui, 'labErrExpectedWord', lang, { pos });
    case 'expected-operator':
      return t(ui, 'labErrExpectedOperator', lang, { pos });
    case 'number-after-word':
      return t(ui, 'labErrNumberAfterWord', lang, { word: error.word, pos });
    case 'bad-coefficient':
      return t(ui, 'labErrBadCoefficient', lang, { text: error.text, limit: error.limit });
  }
}

/** Why the result is the zero vector: the terms cancel, or there was only nothing to begin with (`1e-999*king`). */
export function describeZeroVector(analysis: Extract<ExpressionAnalysis, { kind: 'zero' }>, ui: UiStrings): string {
  if (analysis.reason === 'cancel') return ui.labZeroVector;
  return analysis.terms.length === 1 ? ui.labZeroVectorTinyOne : ui.labZeroVectorTinyAll;
}

const NOT_ENGLISH = /[^\p{Script=Latin}\p{N}\p{P}\s]/u;

/** A word's pieces in quotes, joined by +: “Hit” + “ler”. */
export function quotedPieces(pieceIds: readonly number[], label: (id: number) => string): string {
  return pieceIds.map((id) => `“${label(id)}”`).join(' + ');
}

/** How a word splits, each piece labelled as everywhere else (bytes of a partial character as ⟨XX⟩). */
export function describeSplitWord(
  term: Pick<UnresolvedTerm, 'word' | 'pieceIds'>,
  label: (id: number) => string,
  ui: UiStrings,
  lang: Lang,
): string {
  const pieces = quotedPieces(term.pieceIds, label);
  const split = t(ui, 'labSplitWord', lang, { word: term.word, n: term.pieceIds.length, pieces });
  return NOT_ENGLISH.test(term.word) ? `${split}${lang === 'zh' ? '' : ' '}${ui.labSplitNotEnglish}` : split;
}
