// Bars drawn as a CSS width in percent of their track, for lists of values read against the largest.

/** Each value's bar as a percentage, the largest filling its track; none shorter than `minPercent`, so every row shows a bar. */
export function percentBars(values: readonly number[], minPercent: number): number[] {
  const max = Math.max(...values, 1e-9);
  return values.map((v) => Math.max(minPercent, (v / max) * 100));
}
