import type { GPTModel } from '../core/model';
import { unembeddingMatrix } from '../core/model';
import { row, slice0 } from '../core/tensor';
import type { Trace } from '../core/trace';
import { gelu } from '../core/ops/gelu';
import { dot } from '../core/vec';
import { layerNormChannel, layerNormStats, linearColumn, softmaxEntry } from './numbers';
import { layerNormInput, type Stage } from './stages';
import { tex, texFixed, texTerm } from './format';

// A stage's formula with the reader's own numbers put in, for one focused cell.
// Positions, channels and neurons count from 0 as in the code; heads and layers from 1 as on screen.

export interface Focus {
  row: number; // token position (for logits/probs: the logits row)
  col: number; // channel, neuron, key position or vocabulary id
}

export interface Substitution {
  tex: string; // KaTeX ending in "= <value>"
  value: number; // the trace's own value at the focus
  recomputed: number; // the same value recomputed from the numbers shown, to check the formula against the trace
}

const SHOWN_TERMS = 2;

/** Σ x_i w_i written out: the first few products, then ⋯. */
function sumOfProducts(terms: readonly [number, number][]): string {
  const shown = terms.slice(0, SHOWN_TERMS).map(([x, w]) => `${texTerm(x)}\\cdot${texTerm(w)}`);
  return shown.join(' + ') + (terms.length > SHOWN_TERMS ? ' + \\cdots' : '');
}

/** The trace value under the focus, read from the stage's own tensor (one head's slice if per head). */
export function focusValue(trace: Trace, stage: Stage, head: number, focus: Focus): number {
  const t = stage.tensor(trace);
  if (stage.kind === 'tokens') return t.data[focus.row];
  const plane = stage.perHead ? slice0(t, head) : t;
  return row(plane, focus.row)[focus.col];
}

export function substitute(model: GPTModel, trace: Trace, stage: Stage, head: number, focus: Focus): Substitution {
  const { nEmbd: C, nHead: NH, layerNormEpsilon: eps } = model.config;
  const HS = C / NH;
  const { row: t, col: c } = focus;
  const value = focusValue(trace, stage, head, focus);
  const done = (lhs: string, middle: string, recomputed: number): Substitution => ({
    tex: `${lhs} = ${middle}${middle ? ' = ' : ''}${texFixed(value)}`,
    value,
    recomputed,
  });
  const block = stage.layer === null ? null : trace.blocks[stage.layer];
  const params = stage.layer === null ? null : model.params.h[stage.layer];

  switch (stage.kind) {
    case 'tokens':
      return { tex: `\\text{id}_{${t}} = ${trace.ids[t]}`, value, recomputed: trace.ids[t] };
    case 'tokEmb': {
      const id = trace.ids[t];
      return done(`e_{${t},${c}}`, `W_e[${id},\\,${c}]`, model.params.wte.data[id * C + c]);
    }
    case 'posEmb':
      return done(`p_{${t},${c}}`, `W_p[${t},\\,${c}]`, model.params.wpe.data[t * C + c]);
    case 'x0': {
      const e = row(trace.tokEmb, t)[c];
      const p = row(trace.posEmb, t)[c];
      return done(`x_{${t},${c}}`, `e_{${t},${c}} + p_{${t},${c}} = ${tex(e)} + ${texTerm(p)}`, e + p);
    }
    case 'ln1':
    case 'ln2':
    case 'lnF': {
      const ln = stage.kind === 'lnF' ? model.params.ln_f : stage.kind === 'ln1' ? params!.ln_1 : params!.ln_2;
      const x = row(layerNormInput(trace, stage), t);
      const stats = layerNormStats(x, eps);
      const g = ln.weight.data[c];
      const b = ln.bias.data[c];
      const middle = `\\gamma_{${c}}\\,\\frac{x_{${c}} - \\mu}{\\sqrt{\\sigma^2+\\epsilon}} + \\beta_{${c}} = ${texTerm(g)}\\cdot\\frac{${tex(x[c])} - ${texTerm(stats.mean)}}{${tex(stats.denom)}} + ${texTerm(b)}`;
      return done(`\\hat x_{${t},${c}}`, middle, layerNormChannel(x, c, g, b, stats));
    }
    case 'q':
    case 'k':
    case 'v': {
      const offset = { q: 0, k: C, v: 2 * C }[stage.kind];
      const W = params!.attn.c_attn;
      const lin = linearColumn(row(block!.ln1, t), W.weight.data, W.bias.data, 3 * C, offset + head * HS + c);
      // Head h's own columns of W_Q (W_K, W_V): its column c is column h·HS + c of the whole matrix.
      const ofHead = `^{(${head + 1})}`;
      const name = stage.kind.toUpperCase();
      return done(
        `${stage.kind}${ofHead}_{${t},${c}}`,
        `\\sum_i \\hat x_{${t},i} W${ofHead}_${name}[i,\\,${c}] + b${ofHead}_{${name},${c}} = ${sumOfProducts(lin.terms)} + ${texTerm(lin.bias)}`,
        lin.value,
      );
    }
    case 'scores': {
      const q = row(slice0(block!.q, head), t);
      const k = row(slice0(block!.k, head), c);
      const d = dot(q, k);
      return done(
        `S_{${t},${c}}`,
        `\\frac{q_{${t}} \\cdot k_{${c}}}{\\sqrt{${HS}}} = \\frac{${tex(d)}}{${tex(Math.sqrt(HS), 3)}}`,
        d / Math.sqrt(HS),
      );
    }
    case 'masked': {
      const s = row(slice0(block!.scores, head), t)[c];
      if (c > t) return { tex: `S_{${t},${c}} = -\\infty \\quad (${c} > ${t})`, value, recomputed: -Infinity };
      return done(`S_{${t},${c}}`, '', s);
    }
    case 'weights': {
      if (c > t) return { tex: `A_{${t},${c}} = \\frac{e^{-\\infty}}{\\cdots} = ${tex(value)}`, value, recomputed: 0 };
      const s = row(slice0(block!.masked, head), t);
      const entry = softmaxEntry(s, c);
      const E = Math.exp(s[c]);
      return done(
        `A_{${t},${c}}`,
        `\\frac{e^{S_{${t},${c}}}}{\\sum_{j \\le ${t}} e^{S_{${t},j}}} = \\frac{e^{${tex(s[c])}}}{${tex(E / entry.value)}} = \\frac{${tex(E)}}{${tex(E / entry.value)}}`,
        entry.value,
      );
    }
    case 'attnOut': {
      const h = Math.floor(c / HS);
      const dim = c % HS;
      const w = row(slice0(block!.weights, h), t);
      const v = slice0(block!.v, h);
      const terms: [number, number][] = [];
      for (let s = 0; s <= t; s++) terms.push([w[s], row(v, s)[dim]]);
      const sum = terms.reduce((acc, [a, b]) => acc + a * b, 0);
      // Channel c of the joined heads is dimension `dim` of head h: say so, since the sum is written in the head's own
      // indices (its j runs over positions).
      return done(
        `o_{${t},${c}} = o^{(${h + 1})}_{${t},${dim}}`,
        `\\sum_{j \\le ${t}} A^{(${h + 1})}_{${t},j}\\, v^{(${h + 1})}_{j,${dim}} = ${sumOfProducts(terms)}`,
        sum,
      );
    }
    case 'attnProj':
    case 'fc':
    case 'mlpProj': {
      const W = stage.kind === 'attnProj' ? params!.attn.c_proj : stage.kind === 'fc' ? params!.mlp.c_fc : params!.mlp.c_proj;
      const input = stage.kind === 'attnProj' ? block!.attnOut : stage.kind === 'fc' ? block!.ln2 : block!.gelu;
      const outDim = W.bias.data.length;
      const lin = linearColumn(row(input, t), W.weight.data, W.bias.data, outDim, c);
      const sym = { attnProj: ['a', 'o', 'W_O'], fc: ['u', '\\hat x', 'W_{\\uparrow}'], mlpProj: ['m', 'g', 'W_{\\downarrow}'] }[
        stage.kind
      ];
      return done(
        `${sym[0]}_{${t},${c}}`,
        `\\sum_i ${sym[1]}_{${t},i} ${sym[2]}[i,\\,${c}] + b_{${c}} = ${sumOfProducts(lin.terms)} + ${texTerm(lin.bias)}`,
        lin.value,
      );
    }
    case 'gelu': {
      const u = row(block!.fc, t)[c];
      return done(`g_{${t},${c}}`, `\\mathrm{GELU}(u_{${t},${c}}) = \\mathrm{GELU}(${tex(u)})`, gelu(u));
    }
    case 'resid1':
    case 'resid2': {
      const x =
        stage.kind === 'resid1'
          ? row(stage.layer === 0 ? trace.x0 : trace.blocks[stage.layer! - 1].resid2, t)[c]
          : row(block!.resid1, t)[c];
      const delta = stage.kind === 'resid1' ? row(block!.attnProj, t)[c] : row(block!.mlpProj, t)[c];
      const sym = stage.kind === 'resid1' ? 'a' : 'm';
      return done(`x'_{${t},${c}}`, `x_{${t},${c}} + ${sym}_{${t},${c}} = ${tex(x)} + ${texTerm(delta)}`, x + delta);
    }
    case 'logits': {
      const h = row(trace.lnF, trace.logitsFrom + t);
      const Wu = row(unembeddingMatrix(model), c);
      const terms: [number, number][] = Array.from(h, (x, i) => [x, Wu[i]]);
      return done(`z_{${c}}`, `\\hat x_{${trace.logitsFrom + t}} \\cdot W_u[${c}] = ${sumOfProducts(terms)}`, dot(h, Wu));
    }
    case 'probs': {
      const z = row(trace.logits, t);
      const entry = softmaxEntry(z, c);
      // Shifted by the largest logit z_max, as softmax computes it: the same fraction, without overflow.
      const m = `z_{\\max}`;
      return done(
        `p_{${c}}`,
        `\\frac{e^{z_{${c}} - ${m}}}{\\sum_w e^{z_w - ${m}}} = \\frac{e^{${tex(z[c])} - ${texTerm(entry.max)}}}{${tex(entry.sum)}} = \\frac{${tex(entry.exp)}}{${tex(entry.sum)}}`,
        entry.value,
      );
    }
  }
}
