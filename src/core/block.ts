import type { GPTConfig } from './config';
import type { BlockParams } from './model';
import type { Tensor, TensorArena } from './tensor';
import type { BlockTrace } from './trace';
import { layernormForward } from './ops/layernorm';
import { linearForward } from './ops/linear';
import { attentionForward } from './ops/attention';
import { residualForward } from './ops/residual';
import { geluForward } from './ops/gelu';
import { silenceHeads, type BlockInterventions } from './interventions';

// One transformer block, as in GPT-2: x + attn(ln_1(x)), then + mlp(ln_2(·)).

/** The shape of every tensor a block keeps for T positions; forward() and traceSize() both read it. */
export function blockShapes(config: GPTConfig, T: number): { readonly [K in keyof BlockTrace]: readonly number[] } {
  const { nEmbd: C, nHead: NH } = config;
  const HS = C / NH;
  return {
    ln1: [T, C],
    q: [NH, T, HS],
    k: [NH, T, HS],
    v: [NH, T, HS],
    scores: [NH, T, T],
    masked: [NH, T, T],
    weights: [NH, T, T],
    attnOut: [T, C],
    attnProj: [T, C],
    resid1: [T, C],
    ln2: [T, C],
    fc: [T, 4 * C],
    gelu: [T, 4 * C],
    mlpProj: [T, C],
    resid2: [T, C],
  };
}

/** x (T, C) -> the block's trace; its output is resid2 (T, C). qkv (T, 3C) is scratch shared by every block. */
export function blockForward(
  arena: TensorArena,
  x: Tensor,
  p: BlockParams,
  config: GPTConfig,
  qkv: Float32Array,
  off: BlockInterventions,
): BlockTrace {
  const { nEmbd: C, nHead: NH, layerNormEpsilon: eps } = config;
  const T = x.shape[0];
  const s = blockShapes(config, T);

  // Attention sublayer: every position gathers from the positions before it.
  const ln1 = arena.zeros(s.ln1);
  layernormForward(ln1.data, null, null, x.data, p.ln_1.weight.data, p.ln_1.bias.data, T, C, eps);
  linearForward(qkv, ln1.data, p.attn.c_attn.weight.data, p.attn.c_attn.bias.data, T, C, 3 * C); // (T, C) -> (T, 3C)
  const [q, k, v, scores, masked, weights] = [s.q, s.k, s.v, s.scores, s.masked, s.weights].map((shape) => arena.zeros(shape));
  const attnOut = arena.zeros(s.attnOut);
  attentionForward(
    { q: q.data, k: k.data, v: v.data, scores: scores.data, masked: masked.data, weights: weights.data, out: attnOut.data },
    qkv,
    T,
    C,
    NH,
  );
  silenceHeads(attnOut, off.headsOff, C / NH);
  const attnProj = arena.zeros(s.attnProj);
  // b_O belongs to the sublayer, not to a head: with every head off the sublayer is gone (resid1 = x).
  if (off.headsOff.size < NH) linearForward(attnProj.data, attnOut.data, p.attn.c_proj.weight.data, p.attn.c_proj.bias.data, T, C, C);
  const resid1 = arena.zeros(s.resid1);
  residualForward(resid1.data, x.data, attnProj.data, T * C);

  // MLP sublayer: every position on its own.
  const ln2 = arena.zeros(s.ln2);
  layernormForward(ln2.data, null, null, resid1.data, p.ln_2.weight.data, p.ln_2.bias.data, T, C, eps);
  const fc = arena.zeros(s.fc);
  linearForward(fc.data, ln2.data, p.mlp.c_fc.weight.data, p.mlp.c_fc.bias.data, T, C, 4 * C); // (T, C) -> (T, 4C)
  const gelu = arena.zeros(s.gelu);
  geluForward(gelu.data, fc.data, T * 4 * C);
  const mlpProj = arena.zeros(s.mlpProj);
  if (!off.mlpOff) linearForward(mlpProj.data, gelu.data, p.mlp.c_proj.weight.data, p.mlp.c_proj.bias.data, T, 4 * C, C); // (T, 4C) -> (T, C)
  const resid2 = arena.zeros(s.resid2);
  residualForward(resid2.data, resid1.data, mlpProj.data, T * C);

  return { ln1, q, k, v, scores, masked, weights, attnOut, attnProj, resid1, ln2, fc, gelu, mlpProj, resid2 };
}
