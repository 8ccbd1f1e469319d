// Labels cut to the room a figure has for them. Counted in characters (code points), so a CJK
// character or an emoji is never split in half.

/** The first `n` characters of `s`. */
export function clipChars(s: string, n: number): string {
  return [...s].slice(0, n).join('');
}

/** `s` in at most `n` characters, its last one "…" when it had to be cut. */
export function truncateChars(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : s;
}
