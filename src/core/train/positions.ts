// The original Transformer's position encoding, used here only as a starting point for the learned wpe.
// Each pair of columns turns at its own rate, so moving one position back is the same rotation everywhere:
// a linear map that attention's W_Q and W_K can learn, unlike a shift between random vectors.

/** (T, C) sin/cos pairs at wavelengths 2π … 2π·10000, rescaled to the given root-mean-square. */
export function sinusoidalPositions(T: number, C: number, rms: number): Float32Array {
  const out = new Float32Array(T * C);
  for (let pos = 0; pos < T; pos++) {
    for (let i = 0; i < C / 2; i++) {
      const angle = pos / Math.pow(10000, (2 * i) / C);
      out[pos * C + 2 * i] = Math.sin(angle);
      out[pos * C + 2 * i + 1] = Math.cos(angle);
    }
  }
  // sin² + cos² = 1 per pair, so every entry has mean square 1/2.
  const scale = rms * Math.SQRT2;
  for (let i = 0; i < out.length; i++) out[i] *= scale;
  return out;
}
