// The intermediate numbers a formula shows that the trace does not store (a row's mean, a dot
// product's terms), recomputed from the trace's own inputs. Tests check each one reproduces
// the trace's output, so the formula on screen is the computation that actually happened.

export interface LayerNormStats {
  mean: number; // μ over the C channels
  variance: number; // biased σ², as GPT-2 uses
  denom: number; // √(σ² + ε)
}

// row (C) -> μ, σ², √(σ²+ε)
export function layerNormStats(row: ArrayLike<number>, eps: number): LayerNormStats {
  const C = row.length;
  let sum = 0;
  for (let c = 0; c < C; c++) sum += row[c];
  const mean = sum / C;
  let sq = 0;
  for (let c = 0; c < C; c++) sq += (row[c] - mean) ** 2;
  const variance = sq / C;
  return { mean, variance, denom: Math.sqrt(variance + eps) };
}

/** γ_c (x_c − μ)/√(σ²+ε) + β_c for one channel. */
export function layerNormChannel(row: ArrayLike<number>, c: number, gamma: number, beta: number, stats: LayerNormStats): number {
  return (gamma * (row[c] - stats.mean)) / stats.denom + beta;
}

/**
 * One output of y = x @ W + b with W stored (in, out): Σ_i x_i W[i, col] + b.
 * `terms` are the factor pairs [x_i, W[i, col]] in input order, for showing the first few.
 */
export function linearColumn(
  x: ArrayLike<number>,
  weight: ArrayLike<number>,
  bias: ArrayLike<number>,
  outDim: number,
  col: number,
): { terms: [number, number][]; bias: number; value: number } {
  const terms: [number, number][] = [];
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weight[i * outDim + col];
    terms.push([x[i], w]);
    s += x[i] * w;
  }
  return { terms, bias: bias[col], value: s + bias[col] };
}

/** The pieces of one softmax entry over a row whose -Infinity entries are masked out. */
export function softmaxEntry(row: ArrayLike<number>, j: number, temperature = 1): { exp: number; sum: number; value: number; max: number } {
  let max = -Infinity;
  for (let i = 0; i < row.length; i++) max = Math.max(max, row[i]);
  let sum = 0;
  for (let i = 0; i < row.length; i++) sum += Math.exp((row[i] - max) / temperature);
  const exp = Math.exp((row[j] - max) / temperature);
  return { exp, sum, value: exp / sum, max };
}
