// GPT-2's byte <-> unicode table (bytes_to_unicode in openai/gpt-2 encoder.py).
//
// BPE works on strings, but a byte-level vocabulary must be able to spell any byte.
// GPT-2 gives each of the 256 bytes a printable, non-whitespace character: the 188
// bytes that already print nicely keep their own code point, and the other 68
// (controls, space, 0x7F-0xA0, 0xAD) are shifted to U+0100 and up. That is why a
// space shows up as "Ġ" (U+0120) and a newline as "Ċ" (U+010A) in vocab.json.

/** The 256 bytes in GPT-2's order: the printable ones first, then the shifted ones. */
function byteOrder(): number[] {
  const bytes: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) bytes.push(b); // '!' .. '~'
  for (let b = 0xa1; b <= 0xac; b++) bytes.push(b); // '¡' .. '¬'
  for (let b = 0xae; b <= 0xff; b++) bytes.push(b); // '®' .. 'ÿ'
  const printable = new Set(bytes);
  for (let b = 0; b < 256; b++) if (!printable.has(b)) bytes.push(b);
  return bytes;
}

/**
 * byte -> character, as GPT-2's bytes_to_unicode(). The Map iterates in GPT-2's
 * order, which is also the order of ids 0..255 in GPT-2's vocab.json.
 */
export function bytesToUnicode(): Map<number, string> {
  const table = new Map<number, string>();
  let shifted = 0;
  for (const b of byteOrder()) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    table.set(b, String.fromCharCode(printable ? b : 256 + shifted++));
  }
  return table;
}

/** byte -> character as a plain array for the hot path. */
export function byteToChar(): string[] {
  const chars: string[] = new Array(256);
  for (const [b, ch] of bytesToUnicode()) chars[b] = ch;
  return chars;
}

/** character code -> byte; -1 for characters that are not in the table. */
export function charToByte(): Int16Array {
  const bytes = new Int16Array(256 + 68).fill(-1);
  for (const [b, ch] of bytesToUnicode()) bytes[ch.charCodeAt(0)] = b;
  return bytes;
}
