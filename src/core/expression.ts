// The embedding lab's little language: a sum of words with optional numeric coefficients,
// such as `king - man + woman`, `2*queen - king` or `-0.5 * king`. Parsing never throws: a reader
// is mid-typing most of the time, so every problem comes back as data with the position to point at.

/** One term of the sum; `start`/`end` delimit the word in the source so the UI can underline it. */
export interface ExpressionTerm {
  word: string;
  coefficient: number;
  start: number;
  end: number;
}

export type ExpressionError =
  | { kind: 'empty'; position: number }
  | { kind: 'too-long'; position: number; limit: number }
  | { kind: 'too-many-terms'; position: number; limit: number }
  /** A character that is neither a letter, an apostrophe, a digit, + - * . nor a space. */
  | { kind: 'unexpected-character'; position: number; character: string }
  /** An operator or a coefficient with no word after it (`king -`, `2*`). */
  | { kind: 'expected-word'; position: number }
  /** Two terms with nothing between them (`king queen`). */
  | { kind: 'expected-operator'; position: number }
  /** A multiplication sign after a word (`king * 0`, `e5*king`): a number multiplies the word after it, never before. */
  | { kind: 'number-after-word'; position: number; word: string }
  /** A coefficient that is not a finite number of reasonable size (`1e999*king`, `1000000*king`). */
  | { kind: 'bad-coefficient'; position: number; text: string; limit: number };

export type ParsedExpression = { ok: true; terms: ExpressionTerm[] } | { ok: false; error: ExpressionError };

export const MAX_EXPRESSION_LENGTH = 200;
export const MAX_TERMS = 12;
/** Beyond this a term drowns every other one and the picture leaves the screen. */
export const MAX_COEFFICIENT = 100;

const WORD = /[\p{L}'’][\p{L}\p{M}\p{N}'’]*/uy;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const SPACE = /\s*/uy;
// Readers copy "king − man + woman" from the prose (U+2212), type an en dash, or a Chinese keyboard's
// full-width signs; all of them mean what + and - mean.
const PLUS = new Set(['+', '\uFF0B']);
const MINUS = new Set(['-', '\u2212', '\u2013', '\uFF0D']);
const TIMES = new Set(['*', '\u00D7', '\u00B7', '\uFF0A']);

function matchAt(pattern: RegExp, source: string, position: number): string | null {
  pattern.lastIndex = position;
  const m = pattern.exec(source);
  return m && m[0].length > 0 ? m[0] : null;
}

function skipSpace(source: string, position: number): number {
  SPACE.lastIndex = position;
  SPACE.exec(source);
  return SPACE.lastIndex;
}

function characterAt(source: string, position: number): string {
  return String.fromCodePoint(source.codePointAt(position) ?? 0);
}

/** Parse `source` into signed terms; never throws. */
export function parseExpression(source: string): ParsedExpression {
  const fail = (error: ExpressionError): ParsedExpression => ({ ok: false, error });
  if (source.length > MAX_EXPRESSION_LENGTH)
    return fail({ kind: 'too-long', position: MAX_EXPRESSION_LENGTH, limit: MAX_EXPRESSION_LENGTH });
  const terms: ExpressionTerm[] = [];
  let pos = skipSpace(source, 0);
  if (pos === source.length) return fail({ kind: 'empty', position: 0 });

  while (pos < source.length) {
    let sign = 1;
    const op = source[pos];
    if (PLUS.has(op) || MINUS.has(op)) {
      sign = MINUS.has(op) ? -1 : 1;
      pos = skipSpace(source, pos + 1);
    } else if (terms.length > 0) {
      if (TIMES.has(op)) return fail({ kind: 'number-after-word', position: pos, word: terms[terms.length - 1].word });
      return fail(
        matchAt(WORD, source, pos) || matchAt(NUMBER, source, pos)
          ? { kind: 'expected-operator', position: pos }
          : { kind: 'unexpected-character', position: pos, character: characterAt(source, pos) },
      );
    }
    if (terms.length === MAX_TERMS) return fail({ kind: 'too-many-terms', position: pos, limit: MAX_TERMS });

    let coefficient = 1;
    const number = matchAt(NUMBER, source, pos);
    if (number !== null) {
      const value = Number(number);
      if (!Number.isFinite(value) || Math.abs(value) > MAX_COEFFICIENT) {
        return fail({ kind: 'bad-coefficient', position: pos, text: number, limit: MAX_COEFFICIENT });
      }
      coefficient = value;
      pos = skipSpace(source, pos + number.length);
      if (TIMES.has(source[pos])) pos = skipSpace(source, pos + 1);
    }

    const word = matchAt(WORD, source, pos);
    if (word === null) {
      const sign = source[pos];
      if (pos === source.length || PLUS.has(sign) || MINUS.has(sign) || TIMES.has(sign))
        return fail({ kind: 'expected-word', position: pos });
      return fail({ kind: 'unexpected-character', position: pos, character: characterAt(source, pos) });
    }
    terms.push({ word, coefficient: sign * coefficient || 0, start: pos, end: pos + word.length });
    pos = skipSpace(source, pos + word.length);
  }
  return { ok: true, terms };
}

/** `expression` with one more term, as the lab writes it when the reader clicks a word. */
export function appendTerm(expression: string, word: string, sign: 1 | -1 = 1): string {
  const trimmed = expression.trim();
  if (trimmed === '') return sign === 1 ? word : `-${word}`;
  return `${trimmed} ${sign === 1 ? '+' : '-'} ${word}`;
}

/** The canonical text of a list of terms (`2*queen - king`), for examples and round-trip tests. */
export function formatTerms(terms: readonly Pick<ExpressionTerm, 'word' | 'coefficient'>[]): string {
  return terms
    .map(({ word, coefficient }, i) => {
      const size = Math.abs(coefficient);
      const body = size === 1 ? word : `${size}*${word}`;
      if (i === 0) return coefficient < 0 ? `-${body}` : body;
      return `${coefficient < 0 ? '-' : '+'} ${body}`;
    })
    .join(' ');
}
