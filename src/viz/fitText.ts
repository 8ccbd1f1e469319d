// Labels cut to the room a figure has for them. Counted in characters as a reader sees them (graphemes), so a
// CJK character, an emoji made of several (a family, a flag) or a letter with a combining accent is never split.
// Labels are monospace: a character is 0.6 em wide, a wide one (CJK, emoji) about a full em.

const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Extended_Pictographic}\p{Regional_Indicator}\uFF00-\uFFEF]/u;
/** Splits text into what a reader sees as characters. */
export const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemes(s: string): string[] {
  return Array.from(graphemeSegmenter.segment(s), (g) => g.segment);
}

/** How wide monospace `text` is at `fontSize`, in pixels. */
export function monoTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of graphemes(text)) ems += WIDE.test(ch) ? 1 : 0.6;
  return ems * fontSize;
}

/** The first `n` characters of `s`. */
export function clipChars(s: string, n: number): string {
  return graphemes(s).slice(0, n).join('');
}

/** `s` in at most `n` characters, its last one "…" when it had to be cut. */
export function truncateChars(s: string, n: number): string {
  const chars = graphemes(s);
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : s;
}

/** `s` in at most `width` pixels of monospace text at `fontSize`, its last character "…" when it had to be cut (nothing where not even that fits). */
export function truncateToWidth(s: string, width: number, fontSize: number): string {
  if (monoTextWidth(s, fontSize) <= width) return s;
  const chars = graphemes(s);
  let kept = 0;
  let used = monoTextWidth('…', fontSize);
  if (used > width) return '';
  while (kept < chars.length && used + monoTextWidth(chars[kept], fontSize) <= width) used += monoTextWidth(chars[kept++], fontSize);
  return chars.slice(0, kept).join('') + '…';
}
