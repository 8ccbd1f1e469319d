import { describe, expect, it } from 'vitest';
import { initModel } from '../src/core/model';
import type { GPTModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { forward } from '../src/core/gpt';
import { tinyConfig } from './tinyConfig';

// What "switching off every head of a layer" means: the attention sublayer is gone, resid1 = x.
// Each head owns a slice of attnOut; the output projection's bias b_O belongs to the sublayer, so
// it stays while any head is on and goes with the last one.

const config = tinyConfig({ vocabSize: 17, nPositions: 8, nEmbd: 8, nLayer: 3, nHead: 2, tieWordEmbeddings: true });
const model = initModel(config, createRng(21));
// Random init has zero biases; give c_proj a visible bias so keeping or dropping it matters.
for (const block of model.params.h) block.attn.c_proj.bias.data.forEach((_, i, a) => (a[i] = 0.05 * (i - 3)));
const ids = [2, 9, 4, 16, 0, 7];
const C = config.nEmbd;
const T = ids.length;

function withZeroedProjection(m: GPTModel, layer: number, alsoBias: boolean): GPTModel {
  const h = m.params.h.map((b, l) => {
    if (l !== layer) return b;
    const proj = b.attn.c_proj;
    const weight = { data: new Float32Array(proj.weight.data.length), shape: proj.weight.shape };
    const bias = alsoBias ? { data: new Float32Array(proj.bias.data.length), shape: proj.bias.shape } : proj.bias;
    return { ...b, attn: { ...b.attn, c_proj: { weight, bias } } };
  });
  return { config: m.config, params: { ...m.params, h } };
}

describe('ablating every head of a layer', () => {
  const layer = 1;
  const all = [0, 1].map((head) => ({ layer, head }));
  const ablated = forward(model, ids, { ablatedHeads: all });
  const x = ablated.blocks[layer - 1].resid2.data;
  const bias = model.params.h[layer].attn.c_proj.bias.data;

  it('removes the attention sublayer: attnProj = 0 and resid1 = x exactly', () => {
    expect(ablated.blocks[layer].attnOut.data.every((v) => v === 0)).toBe(true);
    expect(ablated.blocks[layer].attnProj.data.every((v) => v === 0)).toBe(true);
    expect(Array.from(ablated.blocks[layer].resid1.data)).toEqual(Array.from(x));
  });

  it('is the same model as one whose c_proj weight and bias are zero, all the way to the logits', () => {
    const removed = forward(withZeroedProjection(model, layer, true), ids);
    expect(ablated.logits.data).toEqual(removed.logits.data);
  });

  it('keeps b_O while one head is still on', () => {
    // With W_O zero the heads add nothing, so attnProj shows the bias alone.
    const zeroWo = withZeroedProjection(model, layer, false);
    const oneOff = forward(zeroWo, ids, { ablatedHeads: [{ layer, head: 0 }] });
    const allOff = forward(zeroWo, ids, { ablatedHeads: all });
    for (let t = 0; t < T; t++) {
      for (let c = 0; c < C; c++) {
        expect(oneOff.blocks[layer].attnProj.data[t * C + c]).toBe(bias[c]);
        expect(allOff.blocks[layer].attnProj.data[t * C + c]).toBe(0);
      }
    }
  });

  it('refuses a head or layer the model does not have', () => {
    expect(() => forward(model, ids, { ablatedHeads: [{ layer: 0, head: config.nHead }] })).toThrow(/no head 2 in layer 0/);
    expect(() => forward(model, ids, { ablatedHeads: [{ layer: config.nLayer, head: 0 }] })).toThrow(/no head 0 in layer 3/);
  });

  it('touches nothing before the layer, and one head alone changes less than both', () => {
    const clean = forward(model, ids);
    expect(ablated.blocks[0].resid2.data).toEqual(clean.blocks[0].resid2.data);
    const one = forward(model, ids, { ablatedHeads: [{ layer, head: 0 }] });
    const headSize = C / config.nHead;
    for (let t = 0; t < T; t++) {
      const row = one.blocks[layer].attnOut.data.subarray(t * C, (t + 1) * C);
      expect(row.subarray(0, headSize).every((v) => v === 0)).toBe(true);
      expect(Array.from(row.subarray(headSize))).toEqual(
        Array.from(clean.blocks[layer].attnOut.data.subarray(t * C + headSize, (t + 1) * C)),
      );
    }
  });
});

describe('ablating an MLP', () => {
  it('makes the block output equal its attention output: resid2 = resid1', () => {
    const trace = forward(model, ids, { ablatedMlps: [2] });
    expect(trace.blocks[2].resid2.data).toEqual(trace.blocks[2].resid1.data);
    expect(trace.blocks[1].resid2.data).not.toEqual(trace.blocks[1].resid1.data);
  });
});
