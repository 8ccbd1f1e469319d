import { interpolateGreens, interpolateRdBu } from 'd3-scale-chromatic';
import { quickselect } from 'd3-array';

// The two colour scales every figure shares, so red means "positive" and dark green means "likely" everywhere.

/** Cells with no value: set to −∞ by the causal mask, or NaN. */
export const MASKED_FILL = '#d9d6cf';

/** t in [0, 1] -> blue (0), white (0.5), red (1): RdBu reversed, colour-blind safe. */
export const divergingInterpolator = (t: number): string => interpolateRdBu(1 - t);

/** t in [0, 1] -> light to dark green; starts above white so a zero cell still reads as a cell. */
export const sequentialInterpolator = (t: number): string => interpolateGreens(0.05 + 0.9 * t);

// A heatmap of a 128-token text colours tens of thousands of cells on every keystroke. Evaluating d3's colour ramp
// for each (it interpolates and formats a string every time) was the largest cost of typing, so each ramp is
// sampled once into 256 steps, finer than the eye tells apart on a screen.
const STEPS = 256;
const ramp = (interpolator: (t: number) => string) => Array.from({ length: STEPS }, (_, i) => interpolator(i / (STEPS - 1)));
const divergingRamp = ramp(divergingInterpolator);
const sequentialRamp = ramp(sequentialInterpolator);

/** value in [lo, hi] (clamped) -> its step of the ramp; NaN and ±∞ -> MASKED_FILL */
function rampColor(steps: readonly string[], lo: number, hi: number): (v: number) => string {
  // An empty range (every value the same) shows the ramp's middle, as d3's sequential scale does.
  if (!(hi > lo)) return (v) => (Number.isFinite(v) ? steps[STEPS >> 1] : MASKED_FILL);
  const scale = (STEPS - 1) / (hi - lo);
  return (v) => (Number.isFinite(v) ? steps[Math.round(Math.min(STEPS - 1, Math.max(0, (v - lo) * scale)))] : MASKED_FILL);
}

/** Red for positive, blue for negative, white at zero, symmetric in [−maxAbs, maxAbs]. */
export function divergingColor(maxAbs: number): (v: number) => string {
  return rampColor(divergingRamp, -maxAbs, maxAbs);
}

/** Light to dark green for weights and probabilities in [0, max]. */
export function sequentialColor(max = 1): (v: number) => string {
  return rampColor(sequentialRamp, 0, max > 0 ? max : 1);
}

/**
 * A symmetric limit for divergingColor: the 98th percentile of |value|, so one huge outlier
 * channel (the residual stream has some) does not wash every other cell out to white.
 */
export function robustMaxAbs(data: ArrayLike<number>): number {
  // A float32 matrix's |values| are float32 too: half the scratch memory (154 MB, not 309, for GPT-2's W_e) for the same answer.
  const all = data instanceof Float32Array ? new Float32Array(data.length) : new Float64Array(data.length);
  let n = 0;
  for (let i = 0; i < data.length; i++) if (Number.isFinite(data[i])) all[n++] = Math.abs(data[i]);
  if (n === 0) return 1;
  // Selection, not a sort: GPT-2's W_e has 38.6 million values, which take seconds to sort and a tenth of that to select from.
  const k = Math.min(n - 1, Math.floor(n * 0.98));
  const limit = quickselect(all.subarray(0, n), k)[k];
  return limit > 0 ? limit : 1;
}

// A weight matrix never changes once loaded, and W_e has half a million values (GPT-2's, 38.6 million): its limit is
// computed once, however often a figure showing it mounts.
const weightLimits = new WeakMap<Float32Array, number>();

/** robustMaxAbs of a model's weight matrix, computed once per matrix. */
export function weightMaxAbs(data: Float32Array): number {
  let limit = weightLimits.get(data);
  if (limit === undefined) {
    limit = robustMaxAbs(data);
    weightLimits.set(data, limit);
  }
  return limit;
}
