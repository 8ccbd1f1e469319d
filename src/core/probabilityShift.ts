import { topK } from './topk';

// What an intervention did to the next-token distribution: the tokens worth showing are those near
// the top before, near the top after, or that moved the most.

export interface ProbabilityShift {
  id: number;
  before: number;
  after: number;
  delta: number; // after − before
}

/** The union of the top-k before, top-k after and top-k |Δp|, sorted by probability after, then before. (V), (V) -> (≤3k) */
export function probabilityShifts(before: ArrayLike<number>, after: ArrayLike<number>, k: number): ProbabilityShift[] {
  if (before.length !== after.length) {
    throw new Error(`probabilityShifts: the distributions have ${before.length} and ${after.length} entries; they must match`);
  }
  const change = Float64Array.from({ length: before.length }, (_, i) => Math.abs(after[i] - before[i]));
  // A token at 0 before and after (an id with no token, or one far below the top) has nothing to show.
  const ranked = [...topK(before, k), ...topK(after, k), ...topK(change, k)].filter((r) => r.value > 0);
  const ids = new Set(ranked.map((r) => r.index));
  return [...ids]
    .map((id) => ({ id, before: before[id], after: after[id], delta: after[id] - before[id] }))
    .sort((a, b) => b.after - a.after || b.before - a.before || a.id - b.id);
}
