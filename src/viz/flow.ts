import type { FlowGroup, StageKind } from './stages';

// The overview diagram of chapter 2: text → tokens → vectors → (attention → MLP) × L → last vector → logits →
// probabilities. Each box names what makes it from the box before (W_e + W_p, × W_u, softmax), so the diagram
// carries the chapter's three named steps, not just their results.

export type FlowNodeId = 'text' | 'tokens' | 'vectors' | 'attention' | 'mlp' | 'lastVector' | 'logits' | 'probs';

export interface FlowNode {
  id: FlowNodeId;
  stage: StageKind; // where clicking the box takes the stepper
  /** What makes this box from the one before, in symbols both languages share ("W_e + W_p"; _x is a subscript). */
  via: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FlowLayout {
  nodes: FlowNode[];
  /** The frame around attention and MLP that says "× L". */
  loop: { x: number; y: number; w: number; h: number };
  /** Each arrow as a polyline, from one box's edge to the next box's edge. */
  arrows: { points: [number, number][] }[];
  width: number;
  height: number;
  /** 1 row (wide screens), 2 rows (a figure beside the prose), or one box per row (phones). */
  mode: 'row' | 'twoRows' | 'column';
  vertical: boolean;
}

const ORDER: [FlowNodeId, StageKind, string | null][] = [
  ['text', 'tokens', null],
  ['tokens', 'tokens', 'BPE'],
  ['vectors', 'tokEmb', 'W_e + W_p'],
  ['attention', 'ln1', 'Q K V'],
  ['mlp', 'ln2', 'GELU'],
  ['lastVector', 'lnF', null],
  ['logits', 'logits', '× W_u'],
  ['probs', 'probs', 'softmax'],
];

const PAD = 10; // room for the loop frame
const GAP = 26; // an arrow's length
const LOOP_TOP = 20; // room above the attention box for the loop's label
const BOX_H = 54;
const MIN_ROW_BOX = 100; // a box narrower than this cannot hold "Probabilities" at 14px
const MIN_TWO_ROW_BOX = 84; // the first row holds the shorter names only
const MAX_BOX = 150;

/** Boxes in one row when eight fit `width`, in two rows (five, then three) when five do, else in a column (phones). */
export function layoutFlow(width: number): FlowLayout {
  const n = ORDER.length;
  const rowBox = (count: number) => (width - 2 * PAD - GAP * (count - 1)) / count;
  const mode = rowBox(n) >= MIN_ROW_BOX ? 'row' : rowBox(5) >= MIN_TWO_ROW_BOX ? 'twoRows' : 'column';
  const place = (i: number): { x: number; y: number; w: number; h: number } => {
    if (mode === 'row') {
      const w = Math.min(rowBox(n), MAX_BOX);
      return { x: PAD + i * (w + GAP), y: PAD + LOOP_TOP, w, h: BOX_H };
    }
    if (mode === 'twoRows') {
      const w1 = Math.min(rowBox(5), MAX_BOX);
      if (i < 5) return { x: PAD + i * (w1 + GAP), y: PAD + LOOP_TOP, w: w1, h: BOX_H };
      const w2 = Math.min(rowBox(3), MAX_BOX + 30);
      return { x: PAD + (i - 5) * (w2 + GAP), y: PAD + LOOP_TOP + BOX_H + 2 * GAP, w: w2, h: BOX_H };
    }
    const w = Math.min(width - 2 * PAD - 12, 280);
    const h = 46;
    // Extra room above attention for the loop's label, and below MLP for the loop's frame.
    const y = PAD + i * (h + GAP) + (i >= 3 ? LOOP_TOP : 0) + (i >= 5 ? 6 : 0);
    return { x: PAD + 6, y, w, h };
  };
  const nodes: FlowNode[] = ORDER.map(([id, stage, via], i) => ({ id, stage, via, ...place(i) }));
  const arrows = nodes.slice(1).map((b, i): { points: [number, number][] } => {
    const a = nodes[i];
    if (mode === 'column')
      return {
        points: [
          [a.x + a.w / 2, a.y + a.h],
          [b.x + b.w / 2, b.y],
        ],
      };
    if (b.y === a.y)
      return {
        points: [
          [a.x + a.w, a.y + a.h / 2],
          [b.x, b.y + b.h / 2],
        ],
      };
    // From the end of the first row down and back to the start of the second.
    const midY = (a.y + a.h + b.y) / 2;
    return {
      points: [
        [a.x + a.w / 2, a.y + a.h],
        [a.x + a.w / 2, midY],
        [b.x + b.w / 2, midY],
        [b.x + b.w / 2, b.y],
      ],
    };
  });
  const att = nodes[3];
  const mlp = nodes[4];
  const loop =
    mode === 'column'
      ? { x: att.x - 6, y: att.y - LOOP_TOP, w: att.w + 12, h: mlp.y + mlp.h - att.y + LOOP_TOP + 6 }
      : { x: att.x - 6, y: att.y - LOOP_TOP, w: mlp.x + mlp.w - att.x + 12, h: att.h + LOOP_TOP + 6 };
  const right = Math.max(...nodes.map((b) => b.x + b.w), loop.x + loop.w) + PAD;
  const bottom = Math.max(...nodes.map((b) => b.y + b.h)) + PAD;
  return { nodes, loop, arrows, width: Math.min(width, Math.ceil(right)), height: bottom, mode, vertical: mode === 'column' };
}

/** The box of the overview diagram that a stage belongs to, so the diagram can show where the stepper is. */
export function flowNodeForStage(stage: { kind: StageKind; group: FlowGroup }): FlowNodeId {
  if (stage.group !== 'output') return stage.group;
  return stage.kind === 'lnF' ? 'lastVector' : stage.kind === 'logits' ? 'logits' : 'probs';
}

/** An arrow's points as an SVG `points` list, the last one pulled back 2px so the arrowhead's tip meets the box edge. */
export function arrowPoints(points: readonly [number, number][]): string {
  return points
    .map(([x, y], i) => {
      if (i < points.length - 1) return `${x},${y}`;
      const [px, py] = points[i - 1];
      const len = Math.hypot(x - px, y - py) || 1;
      return `${x - (2 * (x - px)) / len},${y - (2 * (y - py)) / len}`;
    })
    .join(' ');
}
