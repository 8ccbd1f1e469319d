import type { Buf } from './buffer';
import { exp } from './exp';
// Row-wise softmax with a temperature. Subtracting the row max changes nothing mathematically;
// it only keeps exp() from overflowing for large logits.

// inp (rows, cols) -> out (rows, cols); temperature must be > 0 (greedy is handled by sampling)
export function softmaxForward(out: Buf, inp: Buf, rows: number, cols: number, temperature = 1): void {
  if (!(temperature > 0)) throw new Error(`softmax: temperature must be positive, got ${temperature}`);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let max = -Infinity;
    for (let c = 0; c < cols; c++) if (inp[base + c] > max) max = inp[base + c];
    if (max === -Infinity) {
      // A row with every entry masked has no distribution; leave it all zero rather than NaN.
      out.fill(0, base, base + cols);
      continue;
    }
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const e = exp((inp[base + c] - max) / temperature);
      out[base + c] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let c = 0; c < cols; c++) out[base + c] *= inv;
  }
}

/** Softmax of one vector into a new Float64Array, for callers that want extra precision. */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  if (!(temperature > 0)) throw new Error(`softmax: temperature must be positive, got ${temperature}`);
  const n = logits.length;
  const out = new Float64Array(n);
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (logits[i] > max) max = logits[i];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = exp((logits[i] - max) / temperature);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < n; i++) out[i] /= sum;
  return out;
}
