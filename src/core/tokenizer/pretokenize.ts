// GPT-2's pre-tokenizer: split text into chunks that BPE never merges across.
//
// The pattern is GPT-2's, with one change forced by JavaScript: Python's `regex`
// module reads `\s` as the Unicode White_Space property, while JavaScript's `\s`
// leaves out U+0085 (NEXT LINE) and adds U+FEFF (BYTE ORDER MARK). `\p{White_Space}`
// is exactly the Python set, so we spell it out.
//
// `\s+(?!\S)` is the trick that keeps words together with their leading space: in a
// run of spaces before a word it stops one space short, so the last space is left
// for ` ?\p{L}+`: "a  hi" becomes ["a", " ", " hi"], not ["a", "  ", "hi"].
const S = String.raw`\p{White_Space}`;
const NOT_S = String.raw`\P{White_Space}`;
export const GPT2_SPLIT_PATTERN = String.raw`'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^${S}\p{L}\p{N}]+|${S}+(?!${NOT_S})|${S}+`;

const GPT2_SPLIT = new RegExp(GPT2_SPLIT_PATTERN, 'gu');

/** Split text into GPT-2 chunks; joining them gives back the text. */
export function pretokenize(text: string): string[] {
  return text.match(GPT2_SPLIT) ?? [];
}

/** Iterate chunks without building the whole array (for large training corpora). */
export function* pretokenizeIter(text: string): Generator<string> {
  for (const m of text.matchAll(GPT2_SPLIT)) yield m[0];
}
