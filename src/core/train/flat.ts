import type { GPTConfig } from '../config';
import type { BlockParams, GPTParams, LayerNormParams, LinearParams } from '../model';
import type { Tensor } from '../tensor';

// Training keeps all parameters (and their gradients and Adam moments) in one flat buffer,
// so the optimiser is a single loop and worker threads can share it without copying.

function* shapesInOrder(config: GPTConfig): Generator<number[]> {
  const { vocabSize: V, nPositions, nEmbd: C, nLayer: L } = config;
  yield [V, C];
  yield [nPositions, C];
  for (let l = 0; l < L; l++) {
    yield [C];
    yield [C];
    yield [C, 3 * C];
    yield [3 * C];
    yield [C, C];
    yield [C];
    yield [C];
    yield [C];
    yield [C, 4 * C];
    yield [4 * C];
    yield [4 * C, C];
    yield [C];
  }
  yield [C];
  yield [C];
  if (!config.tieWordEmbeddings) yield [V, C];
}

export function flatSize(config: GPTConfig): number {
  let n = 0;
  for (const shape of shapesInOrder(config)) n += shape.reduce((a, b) => a * b, 1);
  return n;
}

/** Views of `flat` shaped as GPTParams, in the same order as flatSize counts them. */
export function paramsFromFlat(config: GPTConfig, flat: Float32Array): GPTParams {
  if (flat.length !== flatSize(config)) throw new Error(`flat buffer has ${flat.length} values, expected ${flatSize(config)}`);
  let offset = 0;
  const shapes = shapesInOrder(config);
  const take = (): Tensor => {
    const shape = shapes.next().value as number[];
    const size = shape.reduce((a, b) => a * b, 1);
    const t = { data: flat.subarray(offset, offset + size), shape };
    offset += size;
    return t;
  };
  const ln = (): LayerNormParams => ({ weight: take(), bias: take() });
  const lin = (): LinearParams => ({ weight: take(), bias: take() });
  const wte = take();
  const wpe = take();
  const h: BlockParams[] = [];
  for (let l = 0; l < config.nLayer; l++) {
    const ln_1 = ln();
    const c_attn = lin();
    const attnProj = lin();
    const ln_2 = ln();
    const c_fc = lin();
    const mlpProj = lin();
    h.push({ ln_1, attn: { c_attn, c_proj: attnProj }, ln_2, mlp: { c_fc, c_proj: mlpProj } });
  }
  const ln_f = ln();
  const lm_head = config.tieWordEmbeddings ? null : take();
  return { wte, wpe, h, ln_f, lm_head };
}

/** Copy params (any layout) into a flat buffer in training order. */
export function flattenParams(config: GPTConfig, params: GPTParams): Float32Array {
  const flat = new Float32Array(flatSize(config));
  const views = paramsFromFlat(config, flat);
  const copy = (dst: Tensor, src: Tensor) => dst.data.set(src.data);
  copy(views.wte, params.wte);
  copy(views.wpe, params.wpe);
  views.h.forEach((b, l) => {
    const s = params.h[l];
    copy(b.ln_1.weight, s.ln_1.weight);
    copy(b.ln_1.bias, s.ln_1.bias);
    copy(b.attn.c_attn.weight, s.attn.c_attn.weight);
    copy(b.attn.c_attn.bias, s.attn.c_attn.bias);
    copy(b.attn.c_proj.weight, s.attn.c_proj.weight);
    copy(b.attn.c_proj.bias, s.attn.c_proj.bias);
    copy(b.ln_2.weight, s.ln_2.weight);
    copy(b.ln_2.bias, s.ln_2.bias);
    copy(b.mlp.c_fc.weight, s.mlp.c_fc.weight);
    copy(b.mlp.c_fc.bias, s.mlp.c_fc.bias);
    copy(b.mlp.c_proj.weight, s.mlp.c_proj.weight);
    copy(b.mlp.c_proj.bias, s.mlp.c_proj.bias);
  });
  copy(views.ln_f.weight, params.ln_f.weight);
  copy(views.ln_f.bias, params.ln_f.bias);
  if (views.lm_head && params.lm_head) copy(views.lm_head, params.lm_head);
  return flat;
}
