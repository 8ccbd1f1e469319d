import type { Buf } from './buffer';
import { exp } from './exp';
import { matmulAdd, matmulAddTransposedB } from './matmul';
// Causal multi-head self-attention, the only layer that mixes information across positions.
// The output projection (c_proj) is a separate linear layer, applied by the caller.

export interface AttentionBuffers {
  q: Buf; // (NH, T, HS)
  k: Buf; // (NH, T, HS)
  v: Buf; // (NH, T, HS)
  scores: Buf; // (NH, T, T)  q·kᵀ/√HS, unmasked
  masked: Buf; // (NH, T, T) scores with -Infinity where s > t
  weights: Buf; // (NH, T, T) causal row softmax
  out: Buf; // (T, C)        weighted sums of V, heads side by side
}

// qkv (T, 3C) laid out [q | k | v], head h at columns h*HS..(h+1)*HS of each -> buffers
export function attentionForward(bufs: AttentionBuffers, qkv: Buf, T: number, C: number, NH: number): void {
  const HS = C / NH;
  const scale = 1 / Math.sqrt(HS);
  const { q, k, v, scores, masked, weights, out } = bufs;
  for (let h = 0; h < NH; h++) {
    for (let t = 0; t < T; t++) {
      const src = t * 3 * C + h * HS;
      const dst = (h * T + t) * HS;
      for (let d = 0; d < HS; d++) {
        q[dst + d] = qkv[src + d];
        k[dst + d] = qkv[src + C + d];
        v[dst + d] = qkv[src + 2 * C + d];
      }
    }
  }
  out.fill(0, 0, T * C);
  scores.fill(0, 0, NH * T * T);
  // (T, HS) one head's weighted sum before it joins the others, in out's precision so the Float32
  // product runs in the SIMD kernel and the Float64 gradient checks stay in Float64
  const headOut = out instanceof Float64Array ? new Float64Array(T * HS) : new Float32Array(T * HS);
  for (let h = 0; h < NH; h++) {
    const qh = q.subarray(h * T * HS, (h + 1) * T * HS);
    const kh = k.subarray(h * T * HS, (h + 1) * T * HS);
    const vh = v.subarray(h * T * HS, (h + 1) * T * HS);
    const sh = scores.subarray(h * T * T, (h + 1) * T * T);
    matmulAddTransposedB(sh, qh, kh, T, HS, T); // (T, HS) @ (T, HS)ᵀ -> (T, T)
    for (let t = 0; t < T; t++) {
      const sRow = (h * T + t) * T;
      const past = sRow + t + 1; // this row's entries from here on are later tokens
      // A token may not look at later tokens: that is what lets training predict every position at once.
      let max = -Infinity;
      for (let i = sRow; i < past; i++) {
        scores[i] *= scale;
        const score = scores[i];
        masked[i] = score;
        if (score > max) max = score;
      }
      for (let i = past; i < sRow + T; i++) {
        scores[i] *= scale;
        masked[i] = -Infinity;
        weights[i] = 0;
      }
      let sum = 0;
      for (let i = sRow; i < past; i++) {
        const e = exp(masked[i] - max);
        weights[i] = e;
        sum += e;
      }
      const inv = 1 / sum;
      for (let i = sRow; i < past; i++) weights[i] *= inv;
    }
    headOut.fill(0);
    matmulAdd(headOut, weights.subarray(h * T * T, (h + 1) * T * T), vh, T, T, HS, true); // (T, T) @ (T, HS)
    for (let t = 0; t < T; t++) {
      for (let d = 0; d < HS; d++) out[t * C + h * HS + d] = headOut[t * HS + d];
    }
  }
}

// dout (T, C) -> dqkv (T, 3C) accumulated
export function attentionBackward(dqkv: Buf, dout: Buf, q: Buf, k: Buf, v: Buf, weights: Buf, T: number, C: number, NH: number): void {
  const HS = C / NH;
  const scale = 1 / Math.sqrt(HS);
  const dweights = new Float64Array(T);
  for (let h = 0; h < NH; h++) {
    for (let t = 0; t < T; t++) {
      const sRow = (h * T + t) * T;
      const oRow = t * C + h * HS;
      // Through the weighted sum: to the weights and to V.
      for (let s = 0; s <= t; s++) {
        const vRow = (h * T + s) * HS;
        const dvDst = s * 3 * C + 2 * C + h * HS;
        const w = weights[sRow + s];
        let dw = 0;
        for (let d = 0; d < HS; d++) {
          dw += dout[oRow + d] * v[vRow + d];
          dqkv[dvDst + d] += w * dout[oRow + d];
        }
        dweights[s] = dw;
      }
      // Through the softmax.
      let dot = 0;
      for (let s = 0; s <= t; s++) dot += weights[sRow + s] * dweights[s];
      const qRow = (h * T + t) * HS;
      const dqDst = t * 3 * C + h * HS;
      for (let s = 0; s <= t; s++) {
        const dscore = weights[sRow + s] * (dweights[s] - dot) * scale;
        const kRow = (h * T + s) * HS;
        const dkDst = s * 3 * C + C + h * HS;
        for (let d = 0; d < HS; d++) {
          dqkv[dqDst + d] += dscore * k[kRow + d];
          dqkv[dkDst + d] += dscore * q[qRow + d];
        }
      }
    }
  }
}
