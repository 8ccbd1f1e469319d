import { monoTextWidth, truncateToWidth } from '../fitText';

// Where each point's label goes in the lab picture, so that labels neither overlap each other nor cover a dot.
// Labels are monospace, as wide as fitText.ts's monoTextWidth says.

export interface LabelRequest {
  key: string;
  px: number; // the dot's centre, in pixels
  py: number;
  text: string;
  fontSize: number;
  /** Shown even where every spot is taken (the arithmetic's own words); others may be left out. */
  required?: boolean;
}

export interface PlacedLabel {
  key: string;
  x: number; // the text anchor point, relative to the dot
  y: number; // the baseline, relative to the dot
  anchor: 'start' | 'end' | 'middle';
  /** Set when the text had to be shortened to fit the picture at all. */
  text?: string;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const lineHeight = (r: LabelRequest) => r.fontSize * 1.2;

/** The rectangle a label covers, in the picture's pixels. */
export function labelBox(r: LabelRequest, label: PlacedLabel): Box {
  const w = monoTextWidth(r.text, r.fontSize);
  const h = lineHeight(r);
  const left = r.px + label.x - (label.anchor === 'start' ? 0 : label.anchor === 'end' ? w : w / 2);
  return { left, right: left + w, top: r.py + label.y - h * 0.8, bottom: r.py + label.y + h * 0.2 };
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Whether the segment passes through the box (Liang–Barsky clipping: some part of it lies inside). */
export function crosses(s: Segment, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const edges: [number, number][] = [
    [-dx, s.x1 - box.left],
    [dx, box.right - s.x1],
    [-dy, s.y1 - box.top],
    [dy, box.bottom - s.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

export const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function leastCrowded<T>(options: readonly T[], cost: (o: T) => number): T | undefined {
  let best: T | undefined;
  let bestCost = Infinity;
  for (const o of options) {
    const c = cost(o);
    if (c < bestCost) [best, bestCost] = [o, c];
  }
  return best;
}

/**
 * Labels are placed in the order given (most important first). Each tries right, left, above and below its dot,
 * then the four corners, first close to the dot and then a little further out; the first spot inside the frame
 * that touches no placed label and no other dot wins.
 * A label with no free spot is left out, unless it is required: then it takes the spot inside the frame that
 * covers the fewest other labels and dots.
 * A word left out still shows on hover and in the point's accessible name.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  width: number,
  height: number,
  dotRadius: number,
  /** Lines already drawn (the arithmetic's arrows): a spot a line crosses counts as taken. */
  lines: readonly Segment[] = [],
): PlacedLabel[] {
  const gap = dotRadius + 4;
  const dots: Box[] = requests.map((r) => ({
    left: r.px - dotRadius,
    top: r.py - dotRadius,
    right: r.px + dotRadius,
    bottom: r.py + dotRadius,
  }));
  const taken: Box[] = [];
  const placed: PlacedLabel[] = [];
  requests.forEach((r, index) => {
    const h = lineHeight(r);
    const baseline = h * 0.3; // the baseline sits below the middle of the line box
    // A near ring of spots, then one a little further out for crowded corners of the picture.
    const candidates: PlacedLabel[] = [1, 2.2].flatMap((ring) => {
      const g = gap * ring;
      return [
        { key: r.key, x: g, y: baseline, anchor: 'start' as const },
        { key: r.key, x: -g, y: baseline, anchor: 'end' as const },
        { key: r.key, x: 0, y: -g, anchor: 'middle' as const },
        { key: r.key, x: 0, y: g + h * 0.7, anchor: 'middle' as const },
        { key: r.key, x: g * 0.7, y: -g * 0.7, anchor: 'start' as const },
        { key: r.key, x: -g * 0.7, y: -g * 0.7, anchor: 'end' as const },
        { key: r.key, x: g * 0.7, y: g * 0.7 + h * 0.7, anchor: 'start' as const },
        { key: r.key, x: -g * 0.7, y: g * 0.7 + h * 0.7, anchor: 'end' as const },
      ];
    });
    const clashes = (box: Box) =>
      taken.filter((t) => overlaps(t, box)).length +
      dots.filter((d, j) => j !== index && overlaps(d, box)).length +
      lines.filter((l) => crosses(l, box)).length;
    const inFrame = candidates
      .map((label) => ({ label, box: labelBox(r, label) }))
      .filter(({ box }) => box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height);
    const choice =
      inFrame.find(({ box }) => clashes(box) === 0) ??
      (r.required ? (leastCrowded(inFrame, ({ box }) => clashes(box)) ?? squeezedIn(r, width, height, gap)) : undefined);
    if (!choice) return;
    taken.push(choice.box);
    placed.push(choice.label);
  });
  return placed;
}

/**
 * A required label that fits nowhere around its dot (a long expression near the edge of a phone-sized
 * picture): above or below the dot, slid sideways to stay inside the frame, and shortened with "…"
 * if it is wider than the whole picture.
 */
function squeezedIn(r: LabelRequest, width: number, height: number, gap: number): { label: PlacedLabel; box: Box } {
  const h = lineHeight(r);
  const text = truncateToWidth(r.text, width, r.fontSize);
  const w = monoTextWidth(text, r.fontSize);
  const left = Math.max(0, Math.min(width - w, r.px - w / 2));
  const y = r.py - gap - h >= 0 || r.py + gap + h > height ? -gap : gap + h * 0.7;
  const label: PlacedLabel = { key: r.key, x: left - r.px, y, anchor: 'start', ...(text === r.text ? {} : { text }) };
  return { label, box: labelBox({ ...r, text }, label) };
}
