import { describe, expect, it } from 'vitest';
import { tinyConfig } from './tinyConfig';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { forward } from '../src/core/gpt';
import { firingPositions, readNeuron } from '../src/core/neuron';
import { layernormForward } from '../src/core/ops/layernorm';

const config = tinyConfig({ vocabSize: 30, nPositions: 8, nEmbd: 8, nLayer: 2, nHead: 2 });

function randomModel(seed: number) {
  const model = initModel(config, createRng(seed), 0.3);
  const rng = createRng(seed + 1);
  for (const t of [model.params.ln_f.weight, model.params.h[1].ln_2.weight, model.params.h[1].ln_2.bias, model.params.h[1].mlp.c_fc.bias]) {
    for (let i = 0; i < t.data.length; i++) t.data[i] += rng.normal() * 0.5;
  }
  return model;
}

describe('reading one MLP neuron', () => {
  const model = randomModel(5);
  const C = config.nEmbd;
  const layer = 1,
    neuron = 13;

  it('writes: the logit change of a vector along the neuron’s output row, seen by ln_f, equals the reading', () => {
    // A residual stream that is exactly the neuron's output row: ln_f(x)·W_uᵀ minus ln_f's bias part is the
    // reading up to ln_f's normalising scale, so the rankings must agree.
    const out = model.params.h[layer].mlp.c_proj.weight.data.slice(neuron * C, (neuron + 1) * C);
    const normed = new Float32Array(C);
    const zeroBias = new Float32Array(C);
    layernormForward(normed, null, null, out, model.params.ln_f.weight.data, zeroBias, 1, C, config.layerNormEpsilon);
    const wu = model.params.lm_head!.data;
    const logits = Array.from({ length: config.vocabSize }, (_, v) => normed.reduce((s, x, c) => s + x * wu[v * C + c], 0));
    const byLogit = logits.map((_, v) => v).sort((a, b) => logits[b] - logits[a]);
    const reading = readNeuron(model, layer, neuron, 5);
    expect(reading.up.map((r) => r.index)).toEqual(byLogit.slice(0, 5));
    expect(reading.down.map((r) => r.index)).toEqual(byLogit.slice(-5).reverse());
    expect(reading.down.every((r) => r.value < 0)).toBe(true);
  });

  it('reads: the top reader is the token whose lone-token pre-activation at that neuron is largest', () => {
    const pre = Array.from({ length: config.vocabSize }, (_, v) => {
      // A token alone at position 0 with wpe zeroed: layer 0 also runs, so compute ln_2 of wte directly instead.
      const row = model.params.wte.data.slice(v * C, (v + 1) * C);
      const ln = new Float32Array(C);
      const p = model.params.h[layer];
      layernormForward(ln, null, null, row, p.ln_2.weight.data, p.ln_2.bias.data, 1, C, config.layerNormEpsilon);
      let s = p.mlp.c_fc.bias.data[neuron];
      for (let c = 0; c < C; c++) s += ln[c] * p.mlp.c_fc.weight.data[c * 4 * C + neuron];
      return s;
    });
    const best = pre
      .map((_, v) => v)
      .sort((a, b) => pre[b] - pre[a])
      .slice(0, 3);
    const reading = readNeuron(model, layer, neuron, 3);
    expect(reading.readers.map((r) => r.index)).toEqual(best);
    reading.readers.forEach((r, i) => expect(r.value).toBeCloseTo(pre[best[i]], 4));
  });

  it('finds the positions of the text where the neuron fires most', () => {
    const trace = forward(model, [3, 1, 4, 1, 5, 9]);
    const gelu = trace.blocks[layer].gelu;
    const column = Array.from({ length: 6 }, (_, t) => gelu.data[t * 4 * C + neuron]);
    const order = column.map((_, t) => t).sort((a, b) => column[b] - column[a]);
    expect(firingPositions(trace, layer, neuron, 2).map((r) => r.index)).toEqual(order.slice(0, 2));
  });

  it('refuses a neuron or layer the model does not have', () => {
    expect(() => readNeuron(model, 2, 0, 3)).toThrow(/no layer 2/);
    expect(() => readNeuron(model, 0, 4 * C, 3)).toThrow(/no neuron 32/);
  });
});
