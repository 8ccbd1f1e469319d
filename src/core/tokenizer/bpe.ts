// The BPE merge loop of GPT-2's encoder.py (Encoder.bpe), on token ids instead of strings.
//
// Repeatedly find the adjacent pair with the lowest merge rank, merge every
// occurrence of it left to right, and stop when no adjacent pair is a known merge.

export interface MergeTable {
  /** pair key -> rank (0 = learned first, merged first). */
  rank: Map<number, number>;
  /** pair key -> id of the merged token. */
  result: Map<number, number>;
  /** key = left * base + right; base is larger than every id. */
  base: number;
}

export function pairKey(left: number, right: number, base: number): number {
  return left * base + right;
}

/** (n) ids of single bytes -> (m <= n) ids after all merges. */
export function applyMerges(symbols: number[], merges: MergeTable): number[] {
  let word = symbols;
  while (word.length > 1) {
    let bestRank = Infinity;
    let bestKey = -1;
    for (let i = 0; i + 1 < word.length; i++) {
      const key = pairKey(word[i], word[i + 1], merges.base);
      const rank = merges.rank.get(key);
      if (rank !== undefined && rank < bestRank) {
        bestRank = rank;
        bestKey = key;
      }
    }
    if (bestKey < 0) break;
    const merged = merges.result.get(bestKey)!;
    const next: number[] = [];
    for (let i = 0; i < word.length; i++) {
      if (i + 1 < word.length && pairKey(word[i], word[i + 1], merges.base) === bestKey) {
        next.push(merged);
        i++;
      } else {
        next.push(word[i]);
      }
    }
    word = next;
  }
  return word;
}
