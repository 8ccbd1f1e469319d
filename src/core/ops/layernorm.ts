import type { Buf } from './buffer';
// Layer norm over the channel axis, with the biased variance and eps inside the square root, as in GPT-2.

/** Mean and 1/σ of row t, with the biased variance and eps inside the square root as in GPT-2. */
function rowStats(inp: Buf, base: number, C: number, eps: number): [mean: number, rstd: number] {
  let sum = 0;
  for (let c = 0; c < C; c++) sum += inp[base + c];
  const m = sum / C;
  let sq = 0;
  for (let c = 0; c < C; c++) {
    const d = inp[base + c] - m;
    sq += d * d;
  }
  return [m, 1 / Math.sqrt(sq / C + eps)];
}

// inp (T, C), weight (C), bias (C) -> out (T, C), mean (T), rstd (T)
export function layernormForward(
  out: Buf,
  mean: Buf | null,
  rstd: Buf | null,
  inp: Buf,
  weight: Buf,
  bias: Buf,
  T: number,
  C: number,
  eps: number,
): void {
  for (let t = 0; t < T; t++) {
    const base = t * C;
    const [m, s] = rowStats(inp, base, C, eps);
    for (let c = 0; c < C; c++) {
      out[base + c] = (inp[base + c] - m) * s * weight[c] + bias[c];
    }
    if (mean) mean[t] = m;
    if (rstd) rstd[t] = s;
  }
}

// dout (T, C) -> dinp (T, C) accumulated, dweight (C) and dbias (C) accumulated.
// mean and rstd are recomputed from inp, so the trace need not store them.
export function layernormBackward(
  dinp: Buf,
  dweight: Buf,
  dbias: Buf,
  dout: Buf,
  inp: Buf,
  weight: Buf,
  T: number,
  C: number,
  eps: number,
): void {
  for (let t = 0; t < T; t++) {
    const base = t * C;
    const [m, s] = rowStats(inp, base, C, eps);
    // Two reductions give the gradient through the mean and the variance.
    let dnormMean = 0;
    let dnormNormMean = 0;
    for (let c = 0; c < C; c++) {
      const norm = (inp[base + c] - m) * s;
      const dnorm = weight[c] * dout[base + c];
      dnormMean += dnorm;
      dnormNormMean += dnorm * norm;
    }
    dnormMean /= C;
    dnormNormMean /= C;
    for (let c = 0; c < C; c++) {
      const norm = (inp[base + c] - m) * s;
      const g = dout[base + c];
      dbias[c] += g;
      dweight[c] += norm * g;
      dinp[base + c] += (weight[c] * g - dnormMean - norm * dnormNormMean) * s;
    }
  }
}
