// The two views of a dot product: the algebraic sum of component products and the geometric
// |a| |b| cos θ. Both are computed from the same numbers so the page can show they agree.
import { norm } from '../../core/vec';

export interface DotViews {
  products: number[]; // aᵢ bᵢ
  sum: number; // Σ aᵢ bᵢ
  lengthA: number;
  lengthB: number;
  angle: number; // θ in radians, 0..π; NaN when either vector is zero
  geometric: number; // |a| |b| cos θ
}

export function dotViews(a: readonly number[] | Float32Array, b: readonly number[] | Float32Array): DotViews {
  const products = Array.from({ length: a.length }, (_, i) => a[i] * b[i]);
  const sum = products.reduce((s, x) => s + x, 0);
  const lengthA = norm(a);
  const lengthB = norm(b);
  const cos = lengthA > 0 && lengthB > 0 ? Math.max(-1, Math.min(1, sum / (lengthA * lengthB))) : NaN;
  const angle = Math.acos(cos);
  return { products, sum, lengthA, lengthB, angle, geometric: Number.isNaN(cos) ? 0 : lengthA * lengthB * cos };
}

/**
 * What the sign of the dot product says about the arrows. `no-angle`: an arrow has length zero, so the
 * product is zero but there is no angle to speak of (the panel shows "—" for θ), least of all a right one.
 */
export function dotSign(views: DotViews): 'positive' | 'negative' | 'zero' | 'no-angle' {
  if (Number.isNaN(views.angle)) return 'no-angle';
  return Math.abs(views.sum) < 1e-9 ? 'zero' : views.sum > 0 ? 'positive' : 'negative';
}

/** An SVG arc path of `radius` around (cx, cy) from direction a to direction b, both in maths axes (y up). */
export function angleArc(cx: number, cy: number, a: readonly [number, number], b: readonly [number, number], radius: number): string {
  const ta = Math.atan2(a[1], a[0]);
  let delta = Math.atan2(b[1], b[0]) - ta;
  while (delta > Math.PI) delta -= 2 * Math.PI;
  while (delta < -Math.PI) delta += 2 * Math.PI;
  // The screen's y axis points down, so a counter-clockwise turn in maths is sweep-flag 0 in SVG.
  const p = (t: number) => `${(cx + radius * Math.cos(t)).toFixed(2)} ${(cy - radius * Math.sin(t)).toFixed(2)}`;
  return `M ${p(ta)} A ${radius} ${radius} 0 0 ${delta > 0 ? 0 : 1} ${p(ta + delta)}`;
}

/** A dragged point, snapped to a grid step and kept inside ±limit on both axes. */
export function snapVector(x: number, y: number, step: number, limit: number): [number, number] {
  const snap = (v: number) => Math.max(-limit, Math.min(limit, Math.round(v / step) * step)) || 0;
  return [snap(x), snap(y)];
}

// The 2-D panel's square: `size` pixels wide, `unit` pixels per unit, the origin in its middle, y up.

/** Where a point of the plane is drawn in the square. */
export function planeToScreen(v: readonly [number, number], size: number, unit: number): [number, number] {
  const c = size / 2;
  return [c + v[0] * unit, c - v[1] * unit];
}

/** The point of the plane under a pointer at fractions (fx, fy) of the square's width and height, however large it is shown. */
export function planeAt(fx: number, fy: number, size: number, unit: number): [number, number] {
  const c = size / 2;
  return [(fx * size - c) / unit, (c - fy * size) / unit];
}

/** The grid lines' positions, the same across and down: one per unit from −limit to limit. */
export function gridLines(size: number, unit: number, limit: number): number[] {
  return Array.from({ length: 2 * limit + 1 }, (_, i) => (i - limit) * unit + size / 2);
}
