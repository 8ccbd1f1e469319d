import { graphemeSegmenter } from '../../viz/fitText';

// How the page's state fits into its address. Servers and proxies refuse long request lines (Vite's
// preview answers HTTP 431 at 16 kB of headers; nginx's default buffers hold 8 kB), and a CJK
// character costs 9 bytes once percent-encoded, so the budget is counted in encoded bytes, never in
// characters. A text that does not fit keeps its end, because the end is what the model reads.

/** The whole address, path and query, once percent-encoded: well under the 8 kB common servers accept. */
export const ADDRESS_BUDGET_BYTES = 4000;
/** Any value but the text. Only a hand-edited address comes near it; longer values keep their start. */
export const MAX_OTHER_VALUE_BYTES = 500;
/** Where the address says how many characters at the start of the text it left out. */
export const CUT_KEY = 'text.cut';
// Room kept for "&text.cut=" and a count of up to 10 digits.
const CUT_MARKER_BYTES = 24;

/** Bytes that `value` takes in a query, as URLSearchParams writes it (application/x-www-form-urlencoded). */
export function encodedBytes(value: string): number {
  let bytes = 0;
  for (const ch of value) bytes += charBytes(ch);
  return bytes;
}

function charBytes(ch: string): number {
  const cp = ch.codePointAt(0)!;
  // Letters, digits and *-._ stay as they are, and a space becomes "+"; everything else is %XX per UTF-8 byte.
  if (cp < 0x80) return /[A-Za-z0-9*\-._ ]/.test(ch) ? 1 : 3;
  if (cp < 0x800) return 6;
  // A lone surrogate has no UTF-8 spelling and is written as U+FFFD, three bytes like the rest of the BMP.
  if (cp < 0x10000) return 9;
  return 12;
}

// UTF-16 units of the longest grapheme worth keeping whole (a family emoji is 8).
const GRAPHEME_MARGIN = 64;

/** The longest end of `text` that takes at most `roomBytes`, never splitting a character or an emoji. */
export function keepEnd(text: string, roomBytes: number): string {
  // Every UTF-16 unit costs at least a byte, so the end kept is at most roomBytes units long: only that
  // much of a pasted book is segmented, with a margin for the grapheme that straddles the cut. It is
  // walked back with containing(), because in V8 both iterating the segments of a long string and
  // containing() far into one take time that grows faster than the string.
  const from = Math.max(0, text.length - roomBytes - GRAPHEME_MARGIN);
  const tail = text.slice(from);
  const segments = graphemeSegmenter.segment(tail);
  let bytes = 0;
  let start = tail.length;
  while (start > 0) {
    const grapheme = segments.containing(start - 1)!;
    bytes += encodedBytes(grapheme.segment);
    if (bytes > roomBytes) break;
    start = grapheme.index;
  }
  return tail.slice(start);
}

/** The longest start of `value` that takes at most `roomBytes`, never splitting a character or an emoji. */
export function keepStart(value: string, roomBytes: number): string {
  const segments = graphemeSegmenter.segment(value);
  let bytes = 0;
  let end = 0;
  while (end < value.length) {
    const grapheme = segments.containing(end)!;
    bytes += encodedBytes(grapheme.segment);
    if (bytes > roomBytes) break;
    end = grapheme.index + grapheme.segment.length;
  }
  return value.slice(0, end);
}

/** What a link to the page holds when the text did not fit: its end, and how many characters came before. */
export interface CutText {
  kept: string;
  droppedChars: number;
}

export interface Link {
  query: string; // "" or "?…"
  cut: CutText | null;
}

/**
 * The query for the address bar, within ADDRESS_BUDGET_BYTES together with `otherBytes` (the path and
 * hash). `params` is the page's whole state, with the whole text.
 */
export function linkFor(params: URLSearchParams, otherBytes: number): Link {
  const out = new URLSearchParams(params);
  out.delete(CUT_KEY);
  for (const [key, value] of [...out]) {
    if (key !== 'text' && encodedBytes(value) > MAX_OTHER_VALUE_BYTES) out.set(key, keepStart(value, MAX_OTHER_VALUE_BYTES));
  }
  const text = out.get('text');
  if (text === null) return { query: withQuestionMark(out.toString()), cut: null };
  // Measured without the text first: writing out a pasted book only to find it too long costs a keystroke's time.
  out.set('text', '');
  const withoutText = otherBytes + withQuestionMark(out.toString()).length;
  out.set('text', text);
  if (withoutText + encodedBytes(text) <= ADDRESS_BUDGET_BYTES) return { query: withQuestionMark(out.toString()), cut: null };
  const room = ADDRESS_BUDGET_BYTES - withoutText - CUT_MARKER_BYTES;
  const kept = keepEnd(text, Math.max(0, room));
  const droppedChars = [...text.slice(0, text.length - kept.length)].length;
  out.set('text', kept);
  out.set(CUT_KEY, String(droppedChars));
  return { query: withQuestionMark(out.toString()), cut: { kept, droppedChars } };
}

const withQuestionMark = (query: string) => (query ? `?${query}` : '');
