import { scaleLinear, type ScaleLinear } from 'd3-scale';

// The 2-D picture of the lab: points already projected to (x, y), placed in a box with the same
// scale on both axes, because angles and parallelograms are the point of the picture.

export type PointKind = 'input' | 'result' | 'neighbour' | 'step';

export interface PlanePoint {
  key: string;
  label: string;
  kind: PointKind;
  xy: readonly [number, number];
}

export interface PlacedPoint extends PlanePoint {
  px: number;
  py: number;
}

export interface PlaneLayout {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  points: PlacedPoint[];
}

/** Fit `points` into width × height with `padding` on every side and one unit the same length on both axes. */
export function layoutPlane(points: readonly PlanePoint[], width: number, height: number, padding: number): PlaneLayout {
  const xs = points.map((p) => p.xy[0]).filter(Number.isFinite);
  const ys = points.map((p) => p.xy[1]).filter(Number.isFinite);
  const span = (v: number[]) => (v.length ? [Math.min(...v), Math.max(...v)] : [0, 0]);
  let [x0, x1] = span(xs);
  let [y0, y1] = span(ys);
  const innerW = Math.max(1, width - 2 * padding);
  const innerH = Math.max(1, height - 2 * padding);
  // One scale for both axes: the larger of the two spans per pixel, so everything fits.
  const unit = Math.max((x1 - x0) / innerW, (y1 - y0) / innerH) || 1;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  [x0, x1] = [cx - (innerW / 2) * unit, cx + (innerW / 2) * unit];
  [y0, y1] = [cy - (innerH / 2) * unit, cy + (innerH / 2) * unit];
  const x = scaleLinear()
    .domain([x0, x1])
    .range([padding, width - padding]);
  const y = scaleLinear()
    .domain([y0, y1])
    .range([height - padding, padding]);
  return { x, y, points: points.map((p) => ({ ...p, px: x(p.xy[0]), py: y(p.xy[1]) })) };
}

/** An arrow from (x1, y1) to (x2, y2), shortened at the head so it stops at the target dot's edge. */
export function arrowLine(x1: number, y1: number, x2: number, y2: number, gap: number): { x1: number; y1: number; x2: number; y2: number } {
  const d = Math.hypot(x2 - x1, y2 - y1);
  if (d <= gap) return { x1, y1, x2, y2 };
  const k = (d - gap) / d;
  return { x1, y1, x2: x1 + (x2 - x1) * k, y2: y1 + (y2 - y1) * k };
}

/** The widest the picture is drawn; on a narrower screen it is drawn at the width shown, so labels keep their size. */
export const PLANE_MAX_WIDTH = 640;
const PLANE_MIN_WIDTH = 280;

/** The picture's size in a box `shownWidth` pixels wide: 280 to 640 wide, about two thirds as tall. */
export function planeSize(shownWidth: number): { width: number; height: number } {
  const width = Math.round(Math.max(PLANE_MIN_WIDTH, Math.min(PLANE_MAX_WIDTH, shownWidth)));
  return { width, height: Math.round(width * 0.66) };
}

/**
 * Where the axes' names go, given where the origin is drawn: the x axis's above its right end, the y axis's
 * beside its top, each kept inside the picture even when the axis itself is out of view.
 */
export function axisNameSpots(
  originX: number,
  originY: number,
  width: number,
  height: number,
): { x: { x: number; y: number }; y: { x: number; y: number; anchor: 'start' | 'end' } } {
  return {
    x: { x: width - 6, y: Math.min(height - 6, Math.max(14, originY - 6)) },
    y: { x: Math.min(width - 6, Math.max(6, originX + 6)), y: 14, anchor: originX > width - 120 ? 'end' : 'start' },
  };
}
