import type { Tensor } from './tensor';

// What each attention head does on average: how much weight it puts on the previous token, on the
// first token and on itself, and how spread out its rows are. The model card and the training log read these.

export interface HeadStats {
  layer: number; // from 0
  head: number; // from 0
  previous: number; // mean weight on position t − 1, over rows t ≥ 1
  first: number; // mean weight on position 0, over rows t ≥ 1
  self: number; // mean weight on position t, over rows t ≥ 1
  entropy: number; // mean row entropy over ln(t + 1), rows t ≥ 1: 1 is uniform, 0 is one-hot
}

/** The part of a forward trace these statistics read. */
export interface AttentionWeights {
  ids: ArrayLike<number>; // (T)
  blocks: readonly { weights: Tensor }[]; // L of (NH, T, T)
}

/** Per-head averages over several traces (every trace needs at least two positions). */
export function headStats(traces: readonly AttentionWeights[]): HeadStats[] {
  if (traces.length === 0) return [];
  const L = traces[0].blocks.length;
  const NH = traces[0].blocks[0]?.weights.shape[0] ?? 0;
  const out: HeadStats[] = [];
  for (let layer = 0; layer < L; layer++) {
    for (let head = 0; head < NH; head++) {
      let previous = 0,
        first = 0,
        self = 0,
        entropy = 0,
        rows = 0;
      for (const trace of traces) {
        const T = trace.ids.length;
        const w = trace.blocks[layer].weights.data;
        for (let t = 1; t < T; t++) {
          const row = (head * T + t) * T;
          previous += w[row + t - 1];
          first += w[row];
          self += w[row + t];
          let h = 0;
          for (let s = 0; s <= t; s++) if (w[row + s] > 0) h -= w[row + s] * Math.log(w[row + s]);
          entropy += h / Math.log(t + 1);
          rows++;
        }
      }
      out.push({ layer, head, previous: previous / rows, first: first / rows, self: self / rows, entropy: entropy / rows });
    }
  }
  return out;
}

/** The head that puts the most weight on the previous token. */
export function bestPreviousTokenHead(stats: readonly HeadStats[]): HeadStats {
  return stats.reduce((best, s) => (s.previous > best.previous ? s : best));
}
