// One number format for every tooltip and formula, so a hovered value can be found again in the formula.

export const DIGITS = 4;

/** A value as the reader sees it: fixed decimals, a real minus sign never shown for zero. */
export function fmt(x: number, digits = DIGITS): string {
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (Number.isNaN(x)) return 'NaN';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

/** The same value as KaTeX source (KaTeX renders '-' as a minus sign). */
export function tex(x: number, digits = DIGITS): string {
  if (x === -Infinity) return '-\\infty';
  if (x === Infinity) return '\\infty';
  return fmt(x, digits).replace('−', '-');
}

/** A value in parentheses when negative, for substituting into a product or sum. */
export function texTerm(x: number, digits = DIGITS): string {
  const s = tex(x, digits);
  return s.startsWith('-') ? `(${s})` : s;
}

/** A token written so its spaces and newlines show: ' king' -> '␣king'. */
export function visibleToken(text: string): string {
  return text.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥');
}

/** A token's text inside KaTeX \text{}, with the characters KaTeX treats specially escaped. */
export function texText(text: string): string {
  const escaped = visibleToken(text).replace(/[\\{}$&#^_%~]/g, (ch) => (ch === '\\' ? '\\textbackslash ' : `\\${ch}`));
  return `\\text{“${escaped}”}`;
}
