import type { Tensor } from './tensor';

// Every intermediate of one forward pass, named like llm.c's ActivationTensors.
// The UI, the command line and the tests read this; none of them recompute the math.
export interface BlockTrace {
  ln1: Tensor; // (T, C)      ln_1(x)
  q: Tensor; // (NH, T, HS)   queries per head
  k: Tensor; // (NH, T, HS)   keys per head
  v: Tensor; // (NH, T, HS)   values per head
  scores: Tensor; // (NH, T, T)  q·kᵀ/√HS before the mask
  masked: Tensor; // (NH, T, T)  scores with -Infinity above the diagonal
  weights: Tensor; // (NH, T, T) row softmax of masked; exactly 0 above the diagonal
  attnOut: Tensor; // (T, C)     weighted sum of V, heads concatenated
  attnProj: Tensor; // (T, C)    c_proj(attnOut)
  resid1: Tensor; // (T, C)      x + attnProj
  ln2: Tensor; // (T, C)        ln_2(resid1)
  fc: Tensor; // (T, 4C)        c_fc(ln2), before GELU
  gelu: Tensor; // (T, 4C)      gelu_new(fc)
  mlpProj: Tensor; // (T, C)    c_proj(gelu)
  resid2: Tensor; // (T, C)     resid1 + mlpProj: the block's output
}

export interface Trace {
  ids: Int32Array; // (T)
  tokEmb: Tensor; // (T, C)  wte[ids] (or the override vectors)
  posEmb: Tensor; // (T, C)  wpe[0..T)
  x0: Tensor; // (T, C)      tokEmb + posEmb
  blocks: BlockTrace[]; // L
  lnF: Tensor; // (T, C)     ln_f(last block's resid2)
  /** First position that has logits: 0 normally, T - 1 when only the last position was asked for. */
  logitsFrom: number;
  logits: Tensor; // (T - logitsFrom, V)  lnF @ W_uᵀ: row r is the prediction after position logitsFrom + r
  probs: Tensor; // (T - logitsFrom, V)   softmax(logits), temperature 1
}

/** Interventions are explicit options of forward(), so tests can check exactly what they change. */
export interface ForwardOptions {
  /** Replace wte[ids[position]] with `vector` (length C) before the position embedding is added. */
  embeddingOverrides?: readonly { position: number; vector: Float32Array }[];
  /**
   * Zero these heads' contribution (their slice of attnOut) before c_proj. With every head of a layer
   * off, c_proj's bias goes too: the attention sublayer is removed and resid1 = x.
   */
  ablatedHeads?: readonly { layer: number; head: number }[];
  /** Skip these layers' MLP: mlpProj is zero, so resid2 = resid1. */
  ablatedMlps?: readonly number[];
  /**
   * 'last' computes logits only for the last position: generation needs no more, and W_u is
   * most of the cost (V dot products per position). Training and the every-position view use 'all'.
   */
  logitRows?: 'all' | 'last';
}

/** The next-token logits after the last position, (V). */
export function lastLogits(trace: Trace): Float32Array {
  const V = trace.logits.shape[1];
  return trace.logits.data.subarray((trace.logits.shape[0] - 1) * V);
}

/** The next-token probabilities after the last position at temperature 1, (V). */
export function lastProbs(trace: Trace): Float32Array {
  const V = trace.probs.shape[1];
  return trace.probs.data.subarray((trace.probs.shape[0] - 1) * V);
}
