import type { GPTConfig } from './config';

// The floating-point operations of one forward pass, counted from the configuration alone, for the
// bench's GFLOP/s. A multiply-add is two operations. Counted are the matrix products, which are
// nearly all of the work; biases, layer norms, GELU and the softmax's exponentials are not (together
// well under 1% of it for GPT-2's shape).

export interface ForwardFlops {
  /** c_attn, attn.c_proj, mlp.c_fc and mlp.c_proj, over all L layers: 24·T·C² per layer. */
  linear: number;
  /** q·kᵀ for every pair of positions, and the weighted sum of v over each causal triangle, over all L layers. */
  attention: number;
  /** W_u for the rows whose logits the pass computes. */
  unembedding: number;
  total: number;
}

/**
 * FLOPs of `forward` on T tokens with logits for the last `logitRows` positions (1 for the pass the app
 * runs, `{ logitRows: 'last' }`; T for logits at every position). attention.ts computes the scores for
 * the full T×T square (the part above the diagonal is then masked), but skips the weights' zeros above
 * the diagonal in the weighted sum of v, so that product counts T(T+1)/2 rows of work per column. (The
 * kernels skip in blocks of four rows, so they multiply a few of the zeros next to the diagonal too: at
 * most 3T/2 more per column, not counted here.)
 */
export function forwardFlops(config: Pick<GPTConfig, 'nLayer' | 'nEmbd' | 'vocabSize'>, T: number, logitRows = 1): ForwardFlops {
  const { nLayer: L, nEmbd: C, vocabSize: V } = config;
  const perLayerLinear =
    2 * T * C * 3 * C + // c_attn: (T, C) @ (C, 3C)
    2 * T * C * C + // attn.c_proj: (T, C) @ (C, C)
    2 * T * C * 4 * C * 2; // mlp.c_fc (T, C) @ (C, 4C) and mlp.c_proj (T, 4C) @ (4C, C)
  // Summed over the NH heads of HS = C / NH channels each, so NH·HS = C.
  const perLayerAttention =
    2 * T * T * C + // scores: (T, HS) @ (T, HS)ᵀ per head
    T * (T + 1) * C; // weighted sum: 2 · T(T+1)/2 rows of (T, T) @ (T, HS) per head
  const linear = L * perLayerLinear;
  const attention = L * perLayerAttention;
  const unembedding = 2 * logitRows * C * V; // (rows, C) @ W_uᵀ
  return { linear, attention, unembedding, total: linear + attention + unembedding };
}
