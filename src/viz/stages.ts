import type { Tensor } from '../core/tensor';
import type { BlockTrace, Trace } from '../core/trace';
import type { UiStrings } from '../content/en/ui';

// The forward pass as an ordered list of stages: what the stepper walks through. Each stage names
// the trace tensor it computes (a typed accessor, never a string key) and its general formula.

export type StageKind =
  | 'tokens'
  | 'tokEmb'
  | 'posEmb'
  | 'x0'
  | 'ln1'
  | 'q'
  | 'k'
  | 'v'
  | 'scores'
  | 'masked'
  | 'weights'
  | 'attnOut'
  | 'attnProj'
  | 'resid1'
  | 'ln2'
  | 'fc'
  | 'gelu'
  | 'mlpProj'
  | 'resid2'
  | 'lnF'
  | 'logits'
  | 'probs';

/** The boxes of the overview diagram (chapter 2); each stage belongs to one. */
export type FlowGroup = 'tokens' | 'vectors' | 'attention' | 'mlp' | 'output';

export interface Dims {
  T: number; // tokens in the text
  C: number;
  NH: number;
  HS: number;
  V: number;
  logitRows: number; // rows of logits the trace holds (1 when only the last position was asked for)
}

export interface Stage {
  index: number;
  kind: StageKind;
  layer: number | null; // the block, for the 15 per-layer stages
  label: keyof UiStrings;
  group: FlowGroup;
  /** The tensor this stage computes. */
  tensor: (trace: Trace) => Tensor;
  shape: (d: Dims) => number[];
  /** Its tensor is (NH, …): the figures show one head's slice. */
  perHead: boolean;
  /** The general formula, in KaTeX. */
  formula: string;
}

type Spec = Omit<Stage, 'index' | 'layer' | 'tensor'>;

const TC = (d: Dims) => [d.T, d.C];
const T4C = (d: Dims) => [d.T, 4 * d.C];
const heads = (last: 'HS' | 'T') => (d: Dims) => [d.NH, d.T, last === 'HS' ? d.HS : d.T];

const before: [Spec, (trace: Trace) => Tensor][] = [
  [
    {
      kind: 'tokens',
      label: 'stageTokens',
      group: 'tokens',
      shape: (d) => [d.T],
      perHead: false,
      formula: '\\text{“…”} \\mapsto (t_0, t_1, \\dots, t_{T-1})',
    },
    (tr) => ({ data: Float32Array.from(tr.ids), shape: [tr.ids.length] }),
  ],
  [
    {
      kind: 'tokEmb',
      label: 'stageTokEmb',
      group: 'vectors',
      shape: TC,
      perHead: false,
      formula: 'e_t = W_e[\\,\\text{id}_t\\,]',
    },
    (tr) => tr.tokEmb,
  ],
  [
    {
      kind: 'posEmb',
      label: 'stagePosEmb',
      group: 'vectors',
      shape: TC,
      perHead: false,
      formula: 'p_t = W_p[\\,t\\,]',
    },
    (tr) => tr.posEmb,
  ],
  [{ kind: 'x0', label: 'stageX0', group: 'vectors', shape: TC, perHead: false, formula: 'x_t = e_t + p_t' }, (tr) => tr.x0],
];

const perLayer: [Spec, (b: BlockTrace) => Tensor][] = [
  [
    {
      kind: 'ln1',
      label: 'stageLn1',
      group: 'attention',
      shape: TC,
      perHead: false,
      formula: '\\hat x = \\gamma \\odot \\frac{x - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}} + \\beta',
    },
    (b) => b.ln1,
  ],
  [
    {
      kind: 'q',
      label: 'stageQ',
      group: 'attention',
      shape: heads('HS'),
      perHead: true,
      formula: 'q^{(h)} = \\hat x W^{(h)}_Q + b^{(h)}_Q',
    },
    (b) => b.q,
  ],
  [
    {
      kind: 'k',
      label: 'stageK',
      group: 'attention',
      shape: heads('HS'),
      perHead: true,
      formula: 'k^{(h)} = \\hat x W^{(h)}_K + b^{(h)}_K',
    },
    (b) => b.k,
  ],
  [
    {
      kind: 'v',
      label: 'stageV',
      group: 'attention',
      shape: heads('HS'),
      perHead: true,
      formula: 'v^{(h)} = \\hat x W^{(h)}_V + b^{(h)}_V',
    },
    (b) => b.v,
  ],
  [
    {
      kind: 'scores',
      label: 'stageScores',
      group: 'attention',
      shape: heads('T'),
      perHead: true,
      formula: 'S = \\frac{Q K^\\top}{\\sqrt{d_{\\text{head}}}}',
    },
    (b) => b.scores,
  ],
  [
    {
      kind: 'masked',
      label: 'stageMasked',
      group: 'attention',
      shape: heads('T'),
      perHead: true,
      formula: 'S_{ij} = -\\infty \\quad (j > i)',
    },
    (b) => b.masked,
  ],
  [
    {
      kind: 'weights',
      label: 'stageWeights',
      group: 'attention',
      shape: heads('T'),
      perHead: true,
      formula: 'A = \\mathrm{softmax}_{\\text{row}}(S)',
    },
    (b) => b.weights,
  ],
  [{ kind: 'attnOut', label: 'stageAttnOut', group: 'attention', shape: TC, perHead: false, formula: 'o = A V' }, (b) => b.attnOut],
  [
    {
      kind: 'attnProj',
      label: 'stageAttnProj',
      group: 'attention',
      shape: TC,
      perHead: false,
      formula: 'a = o W_O + b_O',
    },
    (b) => b.attnProj,
  ],
  [
    {
      kind: 'resid1',
      label: 'stageResid1',
      group: 'attention',
      shape: TC,
      perHead: false,
      formula: 'x \\leftarrow x + a',
    },
    (b) => b.resid1,
  ],
  [
    {
      kind: 'ln2',
      label: 'stageLn2',
      group: 'mlp',
      shape: TC,
      perHead: false,
      formula: '\\hat x = \\gamma \\odot \\frac{x - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}} + \\beta',
    },
    (b) => b.ln2,
  ],
  [
    {
      kind: 'fc',
      label: 'stageFc',
      group: 'mlp',
      shape: T4C,
      perHead: false,
      formula: 'u = \\hat x W_{\\uparrow} + b_{\\uparrow}',
    },
    (b) => b.fc,
  ],
  [
    {
      kind: 'gelu',
      label: 'stageGelu',
      group: 'mlp',
      shape: T4C,
      perHead: false,
      formula: '\\mathrm{GELU}(u) = \\tfrac12 u \\left(1 + \\tanh\\!\\left(\\sqrt{2/\\pi}\\,(u + 0.044715\\,u^3)\\right)\\right)',
    },
    (b) => b.gelu,
  ],
  [
    {
      kind: 'mlpProj',
      label: 'stageMlpProj',
      group: 'mlp',
      shape: TC,
      perHead: false,
      formula: 'm = \\mathrm{GELU}(u) W_{\\downarrow} + b_{\\downarrow}',
    },
    (b) => b.mlpProj,
  ],
  [{ kind: 'resid2', label: 'stageResid2', group: 'mlp', shape: TC, perHead: false, formula: 'x \\leftarrow x + m' }, (b) => b.resid2],
];

const after: [Spec, (trace: Trace) => Tensor][] = [
  [
    {
      kind: 'lnF',
      label: 'stageLnF',
      group: 'output',
      shape: TC,
      perHead: false,
      formula: '\\hat x = \\gamma_f \\odot \\frac{x - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}} + \\beta_f',
    },
    (tr) => tr.lnF,
  ],
  [
    {
      kind: 'logits',
      label: 'stageLogits',
      group: 'output',
      shape: (d) => [d.logitRows, d.V],
      perHead: false,
      formula: 'z = \\hat x_{T-1} W_u^\\top',
    },
    (tr) => tr.logits,
  ],
  [
    {
      kind: 'probs',
      label: 'stageProbs',
      group: 'output',
      shape: (d) => [d.logitRows, d.V],
      perHead: false,
      formula: 'p_v = \\frac{e^{z_v}}{\\sum_{w} e^{z_w}}',
    },
    (tr) => tr.probs,
  ],
];

/** Every stage of a forward pass through `nLayer` blocks, in computation order: 4 + 15·L + 3. */
export function buildStages(nLayer: number): Stage[] {
  const stages: Stage[] = [];
  const add = (spec: Spec, layer: number | null, tensor: (trace: Trace) => Tensor) =>
    stages.push({ ...spec, index: stages.length, layer, tensor });
  for (const [spec, get] of before) add(spec, null, get);
  for (let l = 0; l < nLayer; l++) for (const [spec, get] of perLayer) add(spec, l, (tr) => get(tr.blocks[l]));
  for (const [spec, get] of after) add(spec, null, get);
  return stages;
}

export const STAGES_PER_LAYER = perLayer.length;

/** The input row a stage's formula reads for token t (the residual stream entering a layer norm). */
export function layerNormInput(trace: Trace, stage: Stage): Tensor {
  if (stage.kind === 'ln1') return stage.layer === 0 ? trace.x0 : trace.blocks[stage.layer! - 1].resid2;
  if (stage.kind === 'ln2') return trace.blocks[stage.layer!].resid1;
  if (stage.kind === 'lnF') return trace.blocks.length ? trace.blocks[trace.blocks.length - 1].resid2 : trace.x0;
  throw new Error(`stages: ${stage.kind} is not a layer norm stage`);
}
