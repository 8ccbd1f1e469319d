import { scaleSequential } from 'd3-scale';
import { interpolateGreens, interpolateRdBu } from 'd3-scale-chromatic';

// The two colour scales every figure shares, so red means "positive" and dark green means "likely" everywhere.

/** Cells with no value: set to −∞ by the causal mask, or NaN. */
export const MASKED_FILL = '#d9d6cf';

/** t in [0, 1] -> blue (0), white (0.5), red (1): RdBu reversed, colour-blind safe. */
export const divergingInterpolator = (t: number): string => interpolateRdBu(1 - t);

/** t in [0, 1] -> light to dark green; starts above white so a zero cell still reads as a cell. */
export const sequentialInterpolator = (t: number): string => interpolateGreens(0.05 + 0.9 * t);

/** Red for positive, blue for negative, white at zero, symmetric in [−maxAbs, maxAbs]. */
export function divergingColor(maxAbs: number): (v: number) => string {
  const scale = scaleSequential(divergingInterpolator).domain([-maxAbs, maxAbs]).clamp(true);
  return (v) => (Number.isFinite(v) ? scale(v) : MASKED_FILL);
}

/** Light to dark green for weights and probabilities in [0, max]. */
export function sequentialColor(max = 1): (v: number) => string {
  const scale = scaleSequential(sequentialInterpolator).domain([0, max > 0 ? max : 1]).clamp(true);
  return (v) => (Number.isFinite(v) ? scale(v) : MASKED_FILL);
}

/**
 * A symmetric limit for divergingColor: the 98th percentile of |value|, so one huge outlier
 * channel (the residual stream has some) does not wash every other cell out to white.
 */
export function robustMaxAbs(data: ArrayLike<number>): number {
  const abs: number[] = [];
  for (let i = 0; i < data.length; i++) if (Number.isFinite(data[i])) abs.push(Math.abs(data[i]));
  if (abs.length === 0) return 1;
  abs.sort((a, b) => a - b);
  const limit = abs[Math.min(abs.length - 1, Math.floor(abs.length * 0.98))];
  return limit > 0 ? limit : 1;
}
