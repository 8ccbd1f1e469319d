// Labels cut to the room a figure has for them. Counted in characters as a reader sees them (graphemes), so a
// CJK character, an emoji made of several (a family, a flag) or a letter with a combining accent is never split.
// Labels are monospace: a character is 0.6 em wide, a wide one (CJK, emoji) about a full em.

const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Extended_Pictographic}\p{Regional_Indicator}\uFF00-\uFFEF]/u;
/** Splits text into what a reader sees as characters. */
export const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Figures redraw their labels on every keystroke, and the same few hundred token labels come back each time;
// splitting a label is most of the cost, so the splits of recent labels are kept.
const CACHED_LABELS = 2048;
const splits = new Map<string, readonly string[]>();

function graphemes(s: string): readonly string[] {
  let chars = splits.get(s);
  if (chars === undefined) {
    chars = Array.from(graphemeSegmenter.segment(s), (g) => g.segment);
    if (splits.size >= CACHED_LABELS) splits.clear();
    splits.set(s, chars);
  }
  return chars;
}

/** Width of one character in ems. */
function charEms(ch: string): number {
  return WIDE.test(ch) ? 1 : 0.6;
}

function ems(chars: readonly string[]): number {
  let total = 0;
  for (const ch of chars) total += charEms(ch);
  return total;
}

/** How wide monospace `text` is at `fontSize`, in pixels. */
export function monoTextWidth(text: string, fontSize: number): number {
  return ems(graphemes(text)) * fontSize;
}

/** The first `n` characters of `s`. */
export function clipChars(s: string, n: number): string {
  const chars = graphemes(s);
  return chars.length > n ? chars.slice(0, n).join('') : s;
}

/** `s` in at most `n` characters, its last one "…" when it had to be cut. */
export function truncateChars(s: string, n: number): string {
  const chars = graphemes(s);
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : s;
}

/** `s` in at most `width` pixels of monospace text at `fontSize`, its last character "…" when it had to be cut (nothing where not even that fits). */
export function truncateToWidth(s: string, width: number, fontSize: number): string {
  const chars = graphemes(s);
  if (ems(chars) * fontSize <= width) return s;
  let used = charEms('…') * fontSize;
  if (used > width) return '';
  let kept = 0;
  while (kept < chars.length && used + charEms(chars[kept]) * fontSize <= width) used += charEms(chars[kept++]) * fontSize;
  return chars.slice(0, kept).join('') + '…';
}
