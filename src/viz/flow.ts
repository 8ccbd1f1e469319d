import type { FlowGroup, StageKind } from './stages';

// The overview diagram of chapter 2: text → tokens → vectors → (attention → MLP) × L → last vector → probabilities.

export type FlowNodeId = 'text' | 'tokens' | 'vectors' | 'attention' | 'mlp' | 'lastVector' | 'probs';

export interface FlowNode {
  id: FlowNodeId;
  stage: StageKind; // where clicking the box takes the stepper
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FlowLayout {
  nodes: FlowNode[];
  /** The frame around attention and MLP that says "× L". */
  loop: { x: number; y: number; w: number; h: number };
  arrows: { x1: number; y1: number; x2: number; y2: number }[];
  width: number;
  height: number;
  vertical: boolean;
}

const ORDER: [FlowNodeId, StageKind][] = [
  ['text', 'tokens'],
  ['tokens', 'tokens'],
  ['vectors', 'tokEmb'],
  ['attention', 'ln1'],
  ['mlp', 'ln2'],
  ['lastVector', 'lnF'],
  ['probs', 'probs'],
];

/** Boxes in a row when they fit `width`, else in a column (phones). */
export function layoutFlow(width: number): FlowLayout {
  const n = ORDER.length;
  const gap = 10;
  const pad = 10; // room for the loop frame
  const boxW = (width - 2 * pad - gap * (n - 1)) / n;
  const vertical = boxW < 70;
  const w = vertical ? Math.min(width - 2 * pad - 40, 240) : boxW;
  const h = vertical ? 34 : 56;
  const nodes: FlowNode[] = ORDER.map(([id, stage], i) => ({
    id,
    stage,
    x: vertical ? pad : pad + i * (w + gap),
    y: vertical ? pad + i * (h + gap) : pad + 12,
    w,
    h,
  }));
  const arrows = nodes.slice(1).map((b, i) => {
    const a = nodes[i];
    return vertical
      ? { x1: a.x + a.w / 2, y1: a.y + a.h, x2: b.x + b.w / 2, y2: b.y }
      : { x1: a.x + a.w, y1: a.y + a.h / 2, x2: b.x, y2: b.y + b.h / 2 };
  });
  const att = nodes[3];
  const mlp = nodes[4];
  const loop = vertical
    ? { x: att.x - 6, y: att.y - 6, w: att.w + 12 + 34, h: mlp.y + mlp.h - att.y + 12 }
    : { x: att.x - 6, y: att.y - 18, w: mlp.x + mlp.w - att.x + 12, h: att.h + 24 };
  const last = nodes[n - 1];
  return { nodes, loop, arrows, width, height: last.y + last.h + pad, vertical };
}

/** The box of the overview diagram that a stage belongs to, so the diagram can show where the stepper is. */
export function flowNodeForStage(stage: { kind: StageKind; group: FlowGroup }): FlowNodeId {
  if (stage.group !== 'output') return stage.group;
  return stage.kind === 'lnF' ? 'lastVector' : 'probs';
}
