import type { Buf } from './buffer';
import { exp } from './exp';
import { matmulAdd, matmulAddTransposedA, matmulAddTransposedB } from './matmul';
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
  const heaheadDout = out instanceof Float64Array ? new Float64Array(T * HS) : new Float32Array(T * HS);
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
    heaheadDout.fill(0);
    matmulAdd(heaheadDout, weights.subarray(h * T * T, (h + 1) * T * T), vh, T, T, HS, true); // (T, T) @ (T, HS)
    for (let t = 0; t < T; t++) {
      for (let d = 0; d < HS; d++) out[t * C + h * HS + d] = heaheadDout[t * HS + d];
    }
  }
}

// dout (T, C) -> dqkv (T, 3C) accumulated.
// Per head, as products (so Float32 runs in the SIMD kernels), with P the weights and S the scores:
// dP = dO Vᵀ, dV = Pᵀ dO, dS = P ⊙ (dP − rowsum(P ⊙ dP)) / √HS, dQ = dS K, dK = dSᵀ Q.
export function attentionBackward(dqkv: Buf, dout: Buf, q: Buf, k: Buf, v: Buf, weights: Buf, T: number, C: number, NH: number): void {
  const HS = C / NH;
  const scale = 1 / Math.sqrt(HS);
  // In dqkv's precision, so Float32 runs in the SIMD kernels and the Float64 gradient checks stay in Float64.
  const zerosLikeDqkv = (n: number): Buf => (dqkv instanceof Float64Array ? new Float64Array(n) : new Float32Array(n));
  const headDout = zerosLikeDqkv(T * HS); // (T, HS) this head's columns of dout
  const dWeights = zerosLikeDqkv(T * T); // (T, T) dP, then dS in place
  const dq = zerosLikeDqkv(T * HS); // (T, HS)
  const dk = zerosLikeDqkv(T * HS); // (T, HS)
  const dv = zerosLikeDqkv(T * HS); // (T, HS)
  for (let h = 0; h < NH; h++) {
    const head = h * T * HS;
    const qh = q.subarray(head, head + T * HS);
    const kh = k.subarray(head, head + T * HS);
    const vh = v.subarray(head, head + T * HS);
    const ph = weights.subarray(h * T * T, (h + 1) * T * T);
    for (let t = 0; t < T; t++) for (let d = 0; d < HS; d++) headDout[t * HS + d] = dout[t * C + h * HS + d];
    dWeights.fill(0);
    dq.fill(0);
    dk.fill(0);
    dv.fill(0);
    matmulAddTransposedB(dWeights, headDout, vh, T, HS, T); // (T, HS) @ (T, HS)ᵀ -> (T, T)
    matmulAddTransposedA(dv, ph, headDout, T, T, HS); // (T, T)ᵀ @ (T, HS) -> (T, HS)
    for (let t = 0; t < T; t++) {
      const row = t * T;
      let dot = 0;
      for (let s = 0; s <= t; s++) dot += ph[row + s] * dWeights[row + s];
      for (let s = 0; s <= t; s++) dWeights[row + s] = ph[row + s] * (dWeights[row + s] - dot) * scale;
      for (let s = t + 1; s < T; s++) dWeights[row + s] = 0; // later tokens got no weight
    }
    matmulAdd(dq, dWeights, kh, T, T, HS, true); // (T, T) @ (T, HS) -> (T, HS)
    matmulAddTransposedA(dk, dWeights, qh, T, T, HS); // (T, T)ᵀ @ (T, HS) -> (T, HS)
    for (let t = 0; t < T; t++) {
      const dst = t * 3 * C + h * HS;
      for (let d = 0; d < HS; d++) {
        dqkv[dst + d] += dq[t * HS + d];
        dqkv[dst + C + d] += dk[t * HS + d];
        dqkv[dst + 2 * C + d] += dv[t * HS + d];
      }
    }
  }
}
