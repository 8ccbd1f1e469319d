import { divergingColor } from '../colors';

// A vector drawn as a row of coloured cells, one per component (red positive, blue negative).

export interface StripCell {
  index: number;
  x: number;
  width: number;
  value: number;
  color: string;
}

export interface StripLayout {
  cells: StripCell[];
  width: number;
  height: number;
  /** The colour scale's symmetric domain: ±this value are the darkest colours. */
  extent: number;
}

/** `values` (C) as C equal cells filling `width`; the colour domain is symmetric about 0 so white means 0. */
export function layoutVectorStrip(values: ArrayLike<number>, width: number, height: number, extent?: number): StripLayout {
  const n = values.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(values[i])) max = Math.max(max, Math.abs(values[i]));
  const domain = extent && extent > 0 ? extent : max || 1;
  const color = divergingColor(domain);
  const cellW = n > 0 ? width / n : 0;
  const cells = Array.from({ length: n }, (_, index) => ({ index, x: index * cellW, width: cellW, value: values[index], color: color(values[index]) }));
  return { cells, width, height, extent: domain };
}
