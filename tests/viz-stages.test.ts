import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { initModel, type GPTModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { forward } from '../src/core/gpt';
import { tinyConfig } from './tinyConfig';
import { buildStages, STAGES_PER_LAYER, type Dims } from '../src/viz/stages';
import { focusValue, substitute } from '../src/viz/substitute';
import { fmt, texTerm } from '../src/viz/format';

const config = tinyConfig({ vocabSize: 50, nPositions: 16, nEmbd: 12, nLayer: 3, nHead: 3 });

// initModel leaves biases at 0 and layer-norm gains at 1; randomise everything so a formula that
// forgot a bias or a gain would be caught.
function randomModel(seed: number): GPTModel {
  const model = initModel(config, createRng(seed));
  const rng = createRng(seed + 1);
  const visit = (node: unknown) => {
    if (node && typeof node === 'object') {
      if ('data' in node && (node as { data: unknown }).data instanceof Float32Array) {
        const data = (node as { data: Float32Array }).data;
        for (let i = 0; i < data.length; i++) data[i] = rng.normal() * 0.5;
      } else for (const v of Object.values(node)) visit(v);
    }
  };
  visit(model.params);
  return model;
}

const model = randomModel(7);
const ids = [3, 17, 42, 3, 9];
const T = ids.length;
const dims = (logitRows: number): Dims => ({ T, C: 12, NH: 3, HS: 4, V: 50, logitRows });

describe('stage list', () => {
  const stages = buildStages(config.nLayer);

  it('has 4 + 15 L + 3 stages with consecutive indices', () => {
    expect(STAGES_PER_LAYER).toBe(15);
    expect(stages.length).toBe(4 + 15 * config.nLayer + 3);
    stages.forEach((s, i) => expect(s.index).toBe(i));
  });

  it('follows the order of the forward pass', () => {
    const kinds = stages.map((s) => (s.layer === null ? s.kind : `${s.kind}@${s.layer}`));
    const block = (l: number) =>
      ['ln1', 'q', 'k', 'v', 'scores', 'masked', 'weights', 'attnOut', 'attnProj', 'resid1', 'ln2', 'fc', 'gelu', 'mlpProj', 'resid2'].map(
        (k) => `${k}@${l}`,
      );
    expect(kinds.slice(0, 4)).toEqual(['tokens', 'tokEmb', 'posEmb', 'x0']);
    expect(kinds.slice(4, 4 + 15)).toEqual(block(0));
    expect(kinds.slice(-3)).toEqual(['lnF', 'logits', 'probs']);
    expect(stages.filter((s) => s.layer === 2).map((s) => `${s.kind}@2`)).toEqual(block(2));
  });

  for (const logitRows of ['all', 'last'] as const) {
    it(`every accessor returns a tensor of the declared shape (logitRows: ${logitRows})`, () => {
      const trace = forward(model, ids, { logitRows });
      for (const stage of stages) {
        const t = stage.tensor(trace);
        expect(t.shape, stage.kind).toEqual(stage.shape(dims(logitRows === 'all' ? T : 1)));
        expect(t.data.length).toBe(t.shape.reduce((a, b) => a * b, 1));
      }
    });
  }

  it('per-layer accessors read their own block', () => {
    const trace = forward(model, ids);
    const fcs = stages.filter((s) => s.kind === 'fc');
    fcs.forEach((s, l) => expect(s.tensor(trace)).toBe(trace.blocks[l].fc));
  });

  it('every formula compiles in KaTeX', () => {
    for (const s of stages) expect(() => katex.renderToString(s.formula, { throwOnError: true }), s.kind).not.toThrow();
  });
});

describe('formulas with the reader’s numbers', () => {
  const stages = buildStages(config.nLayer);
  const trace = forward(model, ids);
  const head = 1;

  // Focus cells chosen to cover first/last rows and columns and both sides of the causal mask.
  function focuses(kind: string): { row: number; col: number }[] {
    const cols =
      kind === 'fc' || kind === 'gelu'
        ? 48
        : kind === 'logits' || kind === 'probs'
          ? 50
          : ['scores', 'masked', 'weights'].includes(kind)
            ? T
            : ['q', 'k', 'v'].includes(kind)
              ? 4
              : 12;
    const out: { row: number; col: number }[] = [];
    for (const row of [0, 2, T - 1]) for (const col of [0, 1, Math.floor(cols / 2), cols - 1]) out.push({ row, col });
    return out;
  }

  it('recompute the trace value from the numbers they show', () => {
    for (const stage of stages) {
      for (const focus of focuses(stage.kind)) {
        if (stage.kind === 'tokens' && focus.col > 0) continue;
        const sub = substitute(model, trace, stage, head, focus);
        const where = `${stage.kind}@${stage.layer} (${focus.row}, ${focus.col})`;
        if (sub.value === -Infinity) expect(sub.recomputed, where).toBe(-Infinity);
        else expect(Math.abs(sub.recomputed - sub.value), where).toBeLessThan(1e-4 * Math.max(1, Math.abs(sub.value)));
        expect(() => katex.renderToString(sub.tex, { throwOnError: true }), where).not.toThrow();
      }
    }
  });

  it('end with the value the tooltip shows', () => {
    const ln = stages.find((s) => s.kind === 'ln2' && s.layer === 1)!;
    const sub = substitute(model, trace, ln, head, { row: 3, col: 5 });
    expect(sub.value).toBe(trace.blocks[1].ln2.data[3 * 12 + 5]);
    expect(sub.tex.endsWith(fmt(sub.value).replace('−', '-'))).toBe(true);
  });

  it('read one head’s slice for per-head stages', () => {
    const w = stages.find((s) => s.kind === 'weights' && s.layer === 0)!;
    expect(focusValue(trace, w, 2, { row: 4, col: 1 })).toBe(trace.blocks[0].weights.data[2 * T * T + 4 * T + 1]);
    const v = stages.find((s) => s.kind === 'v' && s.layer === 2)!;
    expect(focusValue(trace, v, 1, { row: 3, col: 2 })).toBe(trace.blocks[2].v.data[1 * T * 4 + 3 * 4 + 2]);
  });

  it('write a head’s query, key and value in that head’s own indices, and name the channel a joined head fills', () => {
    const q = stages.find((s) => s.kind === 'q' && s.layer === 0)!;
    const sub = substitute(model, trace, q, 2, { row: 4, col: 1 });
    expect(sub.tex.startsWith('q^{(3)}_{4,1} = \\sum_i \\hat x_{4,i} W^{(3)}_Q[i,\\,1] + b^{(3)}_{Q,1} = ')).toBe(true);
    // The first product's weight is head 3's column 1 of W_Q: column 2·4 + 1 of c_attn, whose first C columns are W_Q.
    const w = model.params.h[0].attn.c_attn.weight.data[0 * 3 * 12 + 2 * 4 + 1];
    expect(sub.tex).toContain(`\\cdot${texTerm(w)}`);
    const out = stages.find((s) => s.kind === 'attnOut' && s.layer === 0)!;
    expect(
      substitute(model, trace, out, 0, { row: 4, col: 9 }).tex.startsWith('o_{4,9} = o^{(3)}_{4,1} = \\sum_{j \\le 4} A^{(3)}_{4,j}'),
    ).toBe(true);
  });

  it('show −∞ and weight 0 above the diagonal', () => {
    const masked = stages.find((s) => s.kind === 'masked')!;
    expect(substitute(model, trace, masked, 0, { row: 1, col: 3 }).tex).toContain('-\\infty');
    const weights = stages.find((s) => s.kind === 'weights')!;
    expect(substitute(model, trace, weights, 0, { row: 1, col: 3 }).value).toBe(0);
  });
});
