// Train a GPT-2-style byte-level BPE vocabulary on a text corpus.
//
// Ids 0..255 are the single bytes in GPT-2's bytes_to_unicode order, then one id per
// merge in the order learned, then "<|endoftext|>" as the last id.
//
// Like GPT-2, merges never cross a pre-tokenizer chunk, so we count each distinct
// chunk once with its frequency and merge inside those. After each merge only the
// chunks that contain the merged pair are touched (an index pair -> chunks), and a
// max-heap with lazy re-checks picks the next most frequent pair. Ties go to the pair
// whose left token string sorts first, then the right one (UTF-16 code unit order),
// so training is deterministic.
import { bytesToUnicode } from './bytes.ts';
import { PairHeap, type PairEntry } from './heap.ts';
import { pretokenizeIter } from './pretokenize.ts';

export const END_OF_TEXT = '<|endoftext|>';

export interface BpeTrainOptions {
  /** Total ids wanted: 256 bytes + merges + 1 for "<|endoftext|>". */
  vocabSize: number;
  /** Called after each merge with (merges done, merges wanted). */
  onProgress?: (done: number, total: number) => void;
  /** Stop early when the best pair occurs fewer times than this (default 2). */
  minFrequency?: number;
}

export interface BpeTrainResult {
  /**
   * token string (GPT-2 byte-unicode spelling) -> id, iterating in id order.
   * A Map rather than an object so a token like "__proto__" is just a key.
   * It can be smaller than vocabSize if the text runs out of pairs to merge.
   */
  vocab: Map<string, number>;
  /** In rank order, as merges.txt lists them. */
  merges: [string, string][];
}

const utf8 = new TextEncoder();

/** `text` may be one string or many documents; no chunk spans two documents. */
export function trainBpe(text: string | Iterable<string>, options: BpeTrainOptions): BpeTrainResult {
  const { vocabSize, onProgress, minFrequency = 2 } = options;
  if (!Number.isInteger(vocabSize) || vocabSize < 257) {
    throw new Error(`trainBpe: vocabSize must be an integer of at least 257 (256 bytes + "${END_OF_TEXT}"), got ${vocabSize}.`);
  }
  const totalMerges = vocabSize - 257;

  // Ids 0..255 are the bytes in bytesToUnicode()'s iteration order, which is GPT-2's.
  const tokens: string[] = [];
  const byteId = new Int32Array(256);
  for (const [b, ch] of bytesToUnicode()) {
    byteId[b] = tokens.length;
    tokens.push(ch);
  }
  const idOf = new Map<string, number>(tokens.map((t, id) => [t, id]));

  const { words, freqs } = countWords(typeof text === 'string' ? [text] : text, byteId);

  // Pair keys fit in a double: every id is below vocabSize.
  const base = vocabSize;
  const pairCount = new Map<number, number>();
  const pairWords = new Map<number, Set<number>>();
  words.forEach((word, w) => {
    for (let i = 0; i + 1 < word.length; i++) {
      const key = word[i] * base + word[i + 1];
      pairCount.set(key, (pairCount.get(key) ?? 0) + freqs[w]);
      let set = pairWords.get(key);
      if (set === undefined) pairWords.set(key, (set = new Set()));
      set.add(w);
    }
  });

  const heap = new PairHeap((a: PairEntry, b: PairEntry) => {
    if (a.count !== b.count) return a.count > b.count;
    const al = tokens[a.left];
    const bl = tokens[b.left];
    if (al !== bl) return al < bl;
    return tokens[a.right] < tokens[b.right];
  });
  for (const [key, count] of pairCount) heap.push({ count, left: Math.floor(key / base), right: key % base });

  const merges: [string, string][] = [];
  while (tokens.length < vocabSize - 1 && heap.size > 0) {
    const top = heap.pop()!;
    const key = top.left * base + top.right;
    const live = pairCount.get(key) ?? 0;
    if (live !== top.count) {
      if (live > 0) heap.push({ count: live, left: top.left, right: top.right });
      continue;
    }
    if (live < minFrequency) break;

    const mergedString = tokens[top.left] + tokens[top.right];
    // Two different splits can spell the same string ("ab"+"c", "a"+"bc"): reuse its id.
    let merged = idOf.get(mergedString);
    if (merged === undefined) {
      merged = tokens.length;
      tokens.push(mergedString);
      idOf.set(mergedString, merged);
    }
    merges.push([tokens[top.left], tokens[top.right]]);

    const grown = new Set<number>();
    for (const w of pairWords.get(key) ?? []) {
      const word = words[w];
      const next = mergeWord(word, top.left, top.right, merged);
      if (next === word) continue;
      const f = freqs[w];
      for (let i = 0; i + 1 < word.length; i++) {
        const k = word[i] * base + word[i + 1];
        pairCount.set(k, pairCount.get(k)! - f);
      }
      for (let i = 0; i + 1 < next.length; i++) {
        const k = next[i] * base + next[i + 1];
        pairCount.set(k, (pairCount.get(k) ?? 0) + f);
        if (next[i] === merged || next[i + 1] === merged) {
          let set = pairWords.get(k);
          if (set === undefined) pairWords.set(k, (set = new Set()));
          set.add(w);
          grown.add(k);
        }
      }
      words[w] = next;
    }
    pairWords.delete(key);
    pairCount.delete(key);
    for (const k of grown) {
      const count = pairCount.get(k)!;
      if (count > 0) heap.push({ count, left: Math.floor(k / base), right: k % base });
    }
    onProgress?.(merges.length, totalMerges);
  }

  // The pre-tokenizer splits "<|endoftext|>" into "<|", "endoftext", "|>", so no merge can spell it.
  const vocab = new Map(tokens.map((t, id) => [t, id]));
  vocab.set(END_OF_TEXT, tokens.length);
  return { vocab, merges };
}

/** Distinct chunks as byte-token ids, with how often each occurs. */
function countWords(documents: Iterable<string>, byteId: Int32Array): { words: number[][]; freqs: number[] } {
  const counts = new Map<string, number>();
  for (const doc of documents) {
    for (const chunk of pretokenizeIter(doc)) counts.set(chunk, (counts.get(chunk) ?? 0) + 1);
  }
  const words: number[][] = [];
  const freqs: number[] = [];
  for (const [chunk, count] of counts) {
    words.push(Array.from(utf8.encode(chunk), (b) => byteId[b]));
    freqs.push(count);
  }
  return { words, freqs };
}

/** Merge every (left, right) left to right, as encoding will; the same array if none. */
function mergeWord(word: number[], left: number, right: number, merged: number): number[] {
  let next: number[] | null = null;
  for (let i = 0; i < word.length; i++) {
    if (i + 1 < word.length && word[i] === left && word[i + 1] === right) {
      next ??= word.slice(0, i);
      next.push(merged);
      i++;
    } else if (next !== null) {
      next.push(word[i]);
    }
  }
  return next ?? word;
}

/** vocab.json text, ids ascending, in the layout of GPT-2's encoder.json. */
export function vocabToJson(vocab: ReadonlyMap<string, number>): string {
  const entries = [...vocab].sort((a, b) => a[1] - b[1]);
  return `{${entries.map(([token, id]) => `${JSON.stringify(token)}: ${id}`).join(', ')}}`;
}

/** merges.txt text with GPT-2's "#version: 0.2" header. */
export function mergesToTxt(merges: readonly (readonly [string, string])[]): string {
  return `#version: 0.2\n${merges.map(([l, r]) => `${l} ${r}\n`).join('')}`;
}
