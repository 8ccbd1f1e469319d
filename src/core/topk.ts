export interface Ranked {
  index: number;
  value: number;
}

/**
 * The k largest entries of `values`, largest first (ties: lower index first). -Infinity marks an entry
 * that is masked out (a logit of an id with no token), and NaN has no rank: neither is ever returned.
 */
export function topK(values: ArrayLike<number>, k: number): Ranked[] {
  const best: Ranked[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!(value > -Infinity)) continue;
    if (best.length === k && value <= best[k - 1].value) continue;
    if (best.length === k) best.pop();
    let j = best.length;
    while (j > 0 && best[j - 1].value < value) j--;
    best.splice(j, 0, { index: i, value });
  }
  return best;
}
