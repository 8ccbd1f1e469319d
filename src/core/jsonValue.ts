// The model folder's JSON (config.json, vocab.json, the safetensors header) comes from anywhere, so an
// error message quotes its values with care: a value nested a million deep would overflow the stack of
// JSON.stringify, a long one would bury the message, and JavaScript prints 2^60 as 1152921504606847000.

const MAX_QUOTED_CHARACTERS = 60;
const MAX_LISTED_ITEMS = 8;

// Some editors on Windows start a UTF-8 file with a byte-order mark; it is not part of the JSON.
const BYTE_ORDER_MARK = '\uFEFF';

/** `text` without a leading byte-order mark. */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/** A short rendering of any parsed JSON value for an error message: never recursive, never rounded. */
export function showJsonValue(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value) ? BigInt(value).toString() : String(value);
  if (typeof value === 'string') {
    return JSON.stringify(value.length > MAX_QUOTED_CHARACTERS ? `${value.slice(0, MAX_QUOTED_CHARACTERS)}…` : value);
  }
  if (Array.isArray(value)) {
    const flat = value.every((item) => item === null || typeof item !== 'object');
    if (flat && value.length <= MAX_LISTED_ITEMS) return `[${value.map(showJsonValue).join(',')}]`;
    return `an array of ${value.length} items`;
  }
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value); // booleans, and undefined for a missing key
}
