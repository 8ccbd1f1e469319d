import type { GPTModel } from './model';
import { unembeddingMatrix } from './model';
import type { Trace } from './trace';
import { topK, type Ranked } from './topk';

// One MLP neuron read two ways, each a crude one-step reading that ignores everything else in the network:
// what it writes (its output column, through ln_f and W_u) and what it reads (which W_e rows excite it).

export interface NeuronReading {
  up: Ranked[]; // tokens the neuron pushes up most, by logit change per unit of activation
  down: Ranked[]; // tokens it pushes down most (value is that change, negative)
  readers: Ranked[]; // tokens whose own embedding gives it the largest pre-activation
}

/**
 * Neuron n of layer l: c_proj.weight[n, :] (C) is what one unit of its activation adds to the residual stream.
 * Read as ln_f would see a vector along it (centred, times ln_f's gain), then through W_u: a logit change per token.
 * Its reading is c_fc.weight[:, n] (C) applied to ln_2 of each W_e row alone, as if the token stood first and alone.
 */
export function readNeuron(model: GPTModel, layer: number, neuron: number, k: number): NeuronReading {
  const { nEmbd: C, vocabSize: V, nLayer, layerNormEpsilon: eps } = model.config;
  if (!(Number.isInteger(layer) && layer >= 0 && layer < nLayer)) throw new Error(`there is no layer ${layer}`);
  if (!(Number.isInteger(neuron) && neuron >= 0 && neuron < 4 * C)) throw new Error(`there is no neuron ${neuron} (0..${4 * C - 1})`);
  const p = model.params.h[layer];

  const out = p.mlp.c_proj.weight.data.subarray(neuron * C, (neuron + 1) * C); // (C) row of (4C, C)
  let mean = 0;
  for (let c = 0; c < C; c++) mean += out[c] / C;
  const seen = new Float64Array(C); // (C)
  for (let c = 0; c < C; c++) seen[c] = (out[c] - mean) * model.params.ln_f.weight.data[c];
  const wu = unembeddingMatrix(model).data; // (V, C)
  const logitChange = new Float64Array(V); // (V)
  const negated = new Float64Array(V); // (V)
  for (let v = 0; v < V; v++) {
    let s = 0;
    for (let c = 0, at = v * C; c < C; c++, at++) s += seen[c] * wu[at];
    logitChange[v] = s;
    negated[v] = -s;
  }

  // ln_2 of a row x is (x − mean)·inv·gain + bias, so its product with the neuron's input column w is
  // inv·(Σ x·gain·w − mean·Σ gain·w) + Σ bias·w: one pass over each row instead of three. Redrawn as the reader types.
  const fcW = p.mlp.c_fc.weight.data; // (C, 4C)
  const gainTimesW = new Float64Array(C); // (C)
  let gainW = 0;
  let offset = p.mlp.c_fc.bias.data[neuron];
  for (let c = 0; c < C; c++) {
    const w = fcW[c * 4 * C + neuron];
    gainTimesW[c] = p.ln_2.weight.data[c] * w;
    gainW += gainTimesW[c];
    offset += p.ln_2.bias.data[c] * w;
  }
  const wte = model.params.wte.data; // (V, C)
  const preActivation = new Float64Array(V); // (V)
  for (let v = 0; v < V; v++) {
    let sum = 0;
    let sumSquares = 0;
    let weighted = 0;
    for (let c = 0, at = v * C; c < C; c++, at++) {
      const x = wte[at];
      sum += x;
      sumSquares += x * x;
      weighted += x * gainTimesW[c];
    }
    const mean = sum / C;
    const variance = Math.max(sumSquares / C - mean * mean, 0);
    preActivation[v] = offset + (weighted - mean * gainW) / Math.sqrt(variance + eps);
  }
  return {
    up: topK(logitChange, k),
    down: topK(negated, k).map((r) => ({ index: r.index, value: -r.value })),
    readers: topK(preActivation, k),
  };
}

/** Where in the reader's text neuron n of layer l fires most: positions by activation after GELU. */
export function firingPositions(trace: Trace, layer: number, neuron: number, k: number): Ranked[] {
  const gelu = trace.blocks[layer].gelu; // (T, 4C)
  const [T, width] = gelu.shape;
  const column = Float64Array.from({ length: T }, (_, t) => gelu.data[t * width + neuron]);
  return topK(column, k);
}
