import { charToByte } from '../core/tokenizer/bytes.ts';

// One number format for every tooltip and formula, so a hovered value can be found again in the formula.

export const DIGITS = 4;

// Counts in prose, labels and captions, one style per language. English groups thousands from 1,000 up (8,192).
// Chinese writes four-digit numbers plainly (8192, as GB/T 15835 allows) and groups longer ones (50,257), which a
// reader could not count at a glance otherwise; large round sizes are written with 万 and 亿 after a space (1750 亿),
// as the chapters write them. The formatters are built once: toLocaleString builds a new one on every call.
const GROUPED = { en: new Intl.NumberFormat('en-US'), zh: new Intl.NumberFormat('zh-CN') } as const;

/** A count as prose writes it: 8,192 and 50,257 in English; 8192 and 50,257 in Chinese. */
export function formatCount(n: number, lang: 'en' | 'zh'): string {
  if (lang === 'zh' && Math.abs(n) < 10_000) return String(n);
  return GROUPED[lang].format(n);
}

/** A count in a table's column, where the digits must line up: grouped from 1,000 up in both languages (8,192 over 16,384). */
export function formatColumnCount(n: number, lang: 'en' | 'zh'): string {
  return GROUPED[lang].format(n);
}

/**
 * The columns a sampled picture draws, for its caption: the first few, an ellipsis, the last. They stay
 * plain (no thousands separator), as indices, the way the readout names them: 0, 8, 16, …, 760; 0、8、16……760.
 */
export function formatColumnList(first: readonly number[], last: number, lang: 'en' | 'zh'): string {
  return lang === 'zh' ? `${first.join('、')}……${last}` : `${first.join(', ')}, …, ${last}`;
}

/** Three significant figures, the way model sizes are quoted: 124M, 1.56B, 175B; 1.24 亿, 1750 亿, 126 万. */
export function formatApprox(n: number, lang: 'en' | 'zh'): string {
  const units: [number, string][] =
    lang === 'zh'
      ? [
          [1e8, ' 亿'],
          [1e4, ' 万'],
        ]
      : [
          [1e9, 'B'],
          [1e6, 'M'],
          [1e3, 'K'],
        ];
  for (const [size, unit] of units) {
    if (n < size) continue;
    return `${Number((n / size).toPrecision(3))}${unit}`;
  }
  return formatCount(n, lang);
}

/** A value as the reader sees it: fixed decimals, a real minus sign never shown for zero. */
export function fmt(x: number, digits = DIGITS): string {
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (Number.isNaN(x)) return 'NaN';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

/** The same value as KaTeX source (KaTeX renders '-' as a minus sign), written exactly as the readout writes it. */
export function texFixed(x: number, digits = DIGITS): string {
  if (x === -Infinity) return '-\\infty';
  if (x === Infinity) return '\\infty';
  return fmt(x, digits).replace('−', '-');
}

/** A value as KaTeX source for the inside of a formula. */
export function tex(x: number, digits = DIGITS): string {
  if (!Number.isFinite(x)) return texFixed(x, digits);
  // Small values keep their significant digits (9.90 × 10⁻³, not 0.0099), so a substituted fraction checks by hand.
  if (x !== 0 && Math.abs(x) < 0.01) {
    const [mantissa, exponent] = x.toExponential(2).split('e');
    return `${mantissa} \\times 10^{${Number(exponent)}}`;
  }
  return texFixed(x, digits);
}

/** A value in parentheses when negative, for substituting into a product or sum. */
export function texTerm(x: number, digits = DIGITS): string {
  const s = tex(x, digits);
  return s.startsWith('-') ? `(${s})` : s;
}

/** A token written so its spaces and newlines show: ' king' -> '␣king'. */
export function visibleToken(text: string): string {
  return (
    text
      .replace(/ /g, '␣')
      .replace(/\n/g, '↵')
      .replace(/\t/g, '⇥')
      // Other control characters draw as nothing, or as an empty box: show their byte instead.
      // eslint-disable-next-line no-control-regex -- control characters are what this line finds
      .replace(/[\u0000-\u001f\u007f]/g, (ch) => `⟨${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}⟩`)
  );
}

/** What tokenLabel needs from a tokenizer (the Tokenizer class has both). */
export interface TokenSource {
  tokenText(id: number): string;
  tokenString(id: number): string;
}

let byteOfChar: Int16Array | null = null;

/**
 * A token as the reader sees it everywhere (chips, menus, tooltips, formulas' captions): spaces and newlines
 * made visible, and the bytes of a partial UTF-8 character written as ⟨E4⟩ instead of "�", so the three
 * tokens of one Chinese character do not all look the same.
 */
export function tokenLabel(tokenizer: TokenSource, id: number): string {
  const text = tokenizer.tokenText(id);
  if (!text.includes('\uFFFD')) return visibleToken(text);
  byteOfChar ??= charToByte();
  const bytes: number[] = [];
  for (const ch of tokenizer.tokenString(id)) {
    const code = ch.charCodeAt(0);
    const b = code < byteOfChar.length ? byteOfChar[code] : -1;
    if (b < 0) return visibleToken(text); // a hand-made vocabulary entry, not byte-level: nothing better to show
    bytes.push(b);
  }
  return visibleToken(bytesWithPartialsShown(bytes));
}

/** True when a label holds a byte written as ⟨XX⟩: part of a character, or a control character, as tokenLabel shows them. */
export function showsByte(label: string): boolean {
  return /⟨[0-9A-F]{2}⟩/.test(label);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Whole UTF-8 characters as text; every byte that is not part of one as ⟨XX⟩. */
export function bytesWithPartialsShown(bytes: readonly number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = utf8Length(bytes[i]);
    const piece = length > 0 && i + length <= bytes.length ? tryDecode(bytes.slice(i, i + length)) : null;
    if (piece !== null) {
      out += piece;
      i += length;
    } else {
      out += `⟨${bytes[i].toString(16).toUpperCase().padStart(2, '0')}⟩`;
      i += 1;
    }
  }
  return out;
}

/** The length of the UTF-8 sequence a lead byte starts; 0 for a continuation or invalid byte. */
function utf8Length(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function tryDecode(bytes: readonly number[]): string | null {
  try {
    return strictUtf8.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/**
 * A probability as a percentage with `digits` decimals; a tiny non-zero value shows as "<0.1%"
 * rather than a misleading "0.0%".
 */
export function formatPercent(p: number, digits = 1): string {
  if (!Number.isFinite(p)) return fmt(p);
  const pct = p * 100;
  const smallest = 10 ** -digits;
  if (pct > 0 && pct < smallest) return `<${smallest.toFixed(digits)}%`;
  return `${pct.toFixed(digits)}%`;
}
