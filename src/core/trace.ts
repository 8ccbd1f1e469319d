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
  logits: Tensor; // (T, V)  lnF @ W_uᵀ, every position
  probs: Tensor; // (T, V)   softmax(logits), temperature 1
}

/** Interventions are explicit options of forward(), so tests can check exactly what they change. */
export interface ForwardOptions {
  /** Replace wte[ids[position]] with `vector` (length C) before the position embedding is added. */
  embeddingOverrides?: readonly { position: number; vector: Float32Array }[];
  /** Zero these heads' contribution (their slice of attnOut) before c_proj. */
  ablatedHeads?: readonly { layer: number; head: number }[];
  /** Skip these layers' MLP: mlpProj is zero, so resid2 = resid1. */
  ablatedMlps?: readonly number[];
}
