// Positive pointwise mutual information of token co-occurrences (Levy, Goldberg & Dagan 2015):
// the statistics an embedding can be read from before any network is trained.

export interface CooccurrenceOptions {
  window: number; // tokens on each side that count as context
  /** Weight a context at distance d by 1/d, as word2vec's dynamic window does on average. */
  harmonic: boolean;
}

/** Dense (V, V) co-occurrence counts of `tokens` within the window. */
export function cooccurrenceCounts(tokens: ArrayLike<number>, V: number, options: CooccurrenceOptions): Float32Array {
  const counts = new Float32Array(V * V); // (V, V) rows: word, columns: context
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const w = tokens[i] * V;
    const lo = Math.max(0, i - options.window);
    const hi = Math.min(n - 1, i + options.window);
    for (let j = lo; j <= hi; j++) {
      if (j === i) continue;
      counts[w + tokens[j]] += options.harmonic ? 1 / Math.abs(j - i) : 1;
    }
  }
  return counts;
}

/**
 * counts (V, V) -> PPMI (V, V) in place. Context probabilities are raised to `alpha` (0.75),
 * which keeps rare contexts from dominating the PMI.
 */
export function ppmiInPlace(counts: Float32Array, V: number, alpha = 0.75): Float32Array {
  const rowSum = new Float64Array(V);
  const colPow = new Float64Array(V);
  let total = 0;
  for (let w = 0; w < V; w++) {
    for (let c = 0; c < V; c++) {
      const x = counts[w * V + c];
      rowSum[w] += x;
      colPow[c] += x;
    }
    total += rowSum[w];
  }
  let colPowTotal = 0;
  for (let c = 0; c < V; c++) {
    colPow[c] = Math.pow(colPow[c], alpha);
    colPowTotal += colPow[c];
  }
  for (let w = 0; w < V; w++) {
    for (let c = 0; c < V; c++) {
      const x = counts[w * V + c];
      if (x === 0) continue;
      const pmi = Math.log(x / total / ((rowSum[w] / total) * (colPow[c] / colPowTotal)));
      counts[w * V + c] = pmi > 0 ? pmi : 0;
    }
  }
  return counts;
}
