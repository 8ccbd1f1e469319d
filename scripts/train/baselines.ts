// Count-based baselines over the same tokens the model is scored on, so "beats the bigram" means something.

/** Add-one unigram: the cost of knowing only how common each token is. */
export function unigramNats(train: ArrayLike<number>, targets: ArrayLike<number>, V: number): number {
  const counts = new Float64Array(V).fill(1);
  for (let i = 0; i < train.length; i++) counts[train[i]]++;
  const total = train.length + V;
  let nats = 0;
  for (let i = 0; i < targets.length; i++) nats -= Math.log(counts[targets[i]] / total);
  return nats / targets.length;
}

/**
 * Bigram interpolated with the unigram (Jelinek-Mercer). The mixing weight is chosen on the
 * evaluation tokens themselves, which flatters the baseline: the comparison errs in its favour.
 */
export function bigramNats(
  train: ArrayLike<number>,
  contexts: ArrayLike<number>,
  targets: ArrayLike<number>,
  V: number,
): { nats: number; lambda: number } {
  const uni = new Float64Array(V).fill(1);
  for (let i = 0; i < train.length; i++) uni[train[i]]++;
  const uniTotal = train.length + V;
  const pairs = new Map<number, number>();
  const prevCounts = new Float64Array(V);
  for (let i = 1; i < train.length; i++) {
    const key = train[i - 1] * V + train[i];
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    prevCounts[train[i - 1]]++;
  }
  let best = { nats: Infinity, lambda: 0 };
  for (let step = 1; step <= 19; step++) {
    const lambda = step / 20;
    let nats = 0;
    for (let i = 0; i < targets.length; i++) {
      const prev = contexts[i];
      const pUni = uni[targets[i]] / uniTotal;
      const pBi = prevCounts[prev] > 0 ? (pairs.get(prev * V + targets[i]) ?? 0) / prevCounts[prev] : 0;
      nats -= Math.log(lambda * pBi + (1 - lambda) * pUni);
    }
    nats /= targets.length;
    if (nats < best.nats) best = { nats, lambda };
  }
  return best;
}
