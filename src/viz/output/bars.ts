import { scaleLinear } from 'd3-scale';

// Horizontal bar charts for the output figures. Pure: the components render what these return.

export interface SignedBar {
  x: number; // left edge in px
  width: number;
  positive: boolean;
}

/**
 * Bars for signed values (logits) growing left or right from a zero line. The domain always
 * includes 0 so a bar's length reads as the value itself, not as its distance from the smallest one.
 */
export function layoutSignedBars(values: readonly number[], width: number): { bars: SignedBar[]; zeroX: number } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const x = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .range([0, width]);
  const zeroX = x(0);
  const bars = values.map((v) => {
    const end = x(v);
    return { x: Math.min(zeroX, end), width: Math.abs(end - zeroX), positive: v >= 0 };
  });
  return { bars, zeroX };
}

/** Widths for probabilities on a fixed [0, 1] axis, so bars stay comparable as the settings change. */
export function probabilityWidths(probs: readonly number[], width: number): number[] {
  const x = scaleLinear().domain([0, 1]).range([0, width]).clamp(true);
  return probs.map((p) => x(p));
}
