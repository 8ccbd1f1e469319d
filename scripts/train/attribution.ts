import type { GPTModel } from '../../src/core/model.ts';
import { forward } from '../../src/core/gpt.ts';
import { unembeddingMatrix } from '../../src/core/model.ts';

export interface HeadShare {
  adds: number; // what the head's output adds to logit(first) − logit(second)
  mostOn: number; // the position it looks at most
  weight: number; // its weight there
}

export interface Attribution {
  embeddings: number;
  layers: { heads: HeadShare[]; mlp: number }[];
  biases: number; // attention's c_proj biases and ln_f's bias, which belong to no head
  total: number; // the logit difference itself: the parts above sum to it
}

/**
 * Direct logit attribution at the last position: the residual stream there is the embeddings plus every head's
 * and every MLP's output, and ln_f is linear in it once its scale on that position is fixed. So each part's share
 * of logit(first) − logit(second) is its centred vector, divided by that scale, dotted with ln_f's gain times
 * W_u[first] − W_u[second].
 */
export function logitAttribution(model: GPTModel, ids: number[], first: number, second: number): Attribution {
  const { nEmbd: C, nHead: NH, vocabSize: V, layerNormEpsilon } = model.config;
  const HS = C / NH;
  const T = ids.length;
  const t = T - 1;
  const trace = forward(model, ids);
  const Wu = unembeddingMatrix(model).data;
  const gain = model.params.ln_f.weight.data;
  const direction = Float32Array.from({ length: C }, (_, c) => (Wu[first * C + c] - Wu[second * C + c]) * gain[c]); // (C)
  const final = trace.blocks[trace.blocks.length - 1].resid2.data.subarray(t * C, (t + 1) * C);
  const mean = final.reduce((a, x) => a + x, 0) / C;
  const scale = Math.sqrt(final.reduce((a, x) => a + (x - mean) ** 2, 0) / C + layerNormEpsilon);
  const adds = (part: ArrayLike<number>) => {
    let m = 0;
    for (let c = 0; c < C; c++) m += part[c];
    let s = 0;
    for (let c = 0; c < C; c++) s += (part[c] - m / C) * direction[c];
    return s / scale;
  };
  const row = (data: Float32Array) => data.subarray(t * C, (t + 1) * C);
  let biases = 0;
  for (let c = 0; c < C; c++) biases += model.params.ln_f.bias.data[c] * (Wu[first * C + c] - Wu[second * C + c]);
  const layers = trace.blocks.map((block, l) => {
    const { weight: Wo, bias } = model.params.h[l].attn.c_proj; // (C, C): row i is attnOut's channel i
    biases += adds(bias.data);
    const heads = Array.from({ length: NH }, (_, h): HeadShare => {
      const out = new Float32Array(C); // (HS) @ (HS, C): this head's rows of c_proj
      for (let i = 0; i < HS; i++) {
        const a = block.attnOut.data[t * C + h * HS + i];
        for (let o = 0; o < C; o++) out[o] += a * Wo.data[(h * HS + i) * C + o];
      }
      const weights = Array.from(block.weights.data.subarray((h * T + t) * T, (h * T + t) * T + T));
      const mostOn = weights.indexOf(Math.max(...weights));
      return { adds: adds(out), mostOn, weight: weights[mostOn] };
    });
    return { heads, mlp: adds(row(block.mlpProj.data)) };
  });
  const last = (trace.logits.shape[0] - 1) * V;
  return {
    embeddings: adds(row(trace.x0.data)),
    layers,
    biases,
    total: trace.logits.data[last + first] - trace.logits.data[last + second],
  };
}
