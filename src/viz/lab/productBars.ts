// The lab's dot products drawn as bars: each component product aᵢbᵢ, and what they sum to.

export interface SignedBox {
  x: number;
  y: number;
  width: number;
  height: number;
  positive: boolean;
}

/**
 * Two real rows' C products as columns up or down from a zero line, across a `width` × `height` picture
 * (stretched to fit), on one scale: the largest product reaches 2px short of the top and the most negative
 * 2px short of the bottom, so the zero line sits as far down as the positive products are tall. Two real
 * rows' products are seldom as negative as they are positive, and a zero line in the middle left an empty band.
 */
export function layoutProductColumns(products: readonly number[], width: number, height: number): { mid: number; bars: SignedBox[] } {
  const up = Math.max(0, ...products);
  const down = Math.max(0, ...products.map((p) => -p));
  const perUnit = (height - 4) / Math.max(1e-9, up + down);
  const barW = width / products.length;
  const mid = 2 + up * perUnit;
  const bars = products.map((p, i) => {
    const h = Math.abs(p) * perUnit;
    return { x: i * barW + 0.5, y: p >= 0 ? mid - h : mid, width: Math.max(0.5, barW - 1), height: h, positive: p >= 0 };
  });
  return { mid, bars };
}

/** The 2-D panel's a₀b₀, a₁b₁ and their sum as horizontal bars from a zero line, one per `rowH` row, labels on the left. */
export function layoutProductRows(
  values: readonly number[],
  width: number,
  rowH: number,
): { zero: number; height: number; textY: number[]; bars: SignedBox[] } {
  const max = Math.max(1, ...values.map(Math.abs));
  const labelW = 40;
  const zero = labelW + (width - labelW) / 2;
  const half = (width - labelW) / 2 - 2;
  const bars = values.map((v, i) => {
    const w = (Math.abs(v) / max) * half;
    return { x: v >= 0 ? zero : zero - w, y: i * rowH + 4, width: w, height: rowH - 8, positive: v >= 0 };
  });
  return { zero, height: values.length * rowH, textY: values.map((_, i) => i * rowH + 15), bars };
}
