import { describe, expect, it } from 'vitest';
import { layoutProductColumns, layoutProductRows } from '../src/viz/lab/productBars';
import { gridLines, planeAt, planeToScreen } from '../src/viz/lab/dotGeometry';
import { axisNameSpots, planeSize } from '../src/viz/lab/plane';

describe('product bars', () => {
  it('draws C products as columns from a zero line, the largest 2px short of the top and the most negative of the bottom', () => {
    // From 4 down to −1 is 5 units over 96px: 19.2px each, and the zero line 4 units down.
    const { mid, bars } = layoutProductColumns([2, -1, 0, 4], 400, 100);
    expect(mid).toBeCloseTo(78.8, 9);
    const rounded = bars.map((b) => ({ ...b, y: Math.round(b.y * 10) / 10, height: Math.round(b.height * 10) / 10 }));
    expect(rounded).toEqual([
      { x: 0.5, y: 40.4, width: 99, height: 38.4, positive: true },
      { x: 100.5, y: 78.8, width: 99, height: 19.2, positive: false },
      { x: 200.5, y: 78.8, width: 99, height: 0, positive: true },
      { x: 300.5, y: 2, width: 99, height: 76.8, positive: true },
    ]);
    expect(layoutProductColumns([1, 1, 1, 1], 2, 100).bars[0].width).toBe(0.5); // never thinner than half a pixel
  });

  it('leaves no empty band: the bars span the picture whatever the mix of signs', () => {
    for (const products of [
      [3, -0.5, 1],
      [0.2, -4, -1],
      [1, 2, 3],
      [-1, -2],
    ]) {
      const { bars } = layoutProductColumns(products, 300, 120);
      expect(Math.min(...bars.map((b) => b.y))).toBeCloseTo(2, 9);
      expect(Math.max(...bars.map((b) => b.y + b.height))).toBeCloseTo(118, 9);
    }
  });

  it('draws a₀b₀, a₁b₁ and their sum as rows from a zero line in the middle of the bars’ room', () => {
    const rows = layoutProductRows([1.5, -3, -1.5], 260, 22);
    // 40px of labels, then 220px: zero at 150, and the largest reaches 108px to either side.
    expect(rows.zero).toBe(150);
    expect(rows.height).toBe(66);
    expect(rows.textY).toEqual([15, 37, 59]);
    expect(rows.bars).toEqual([
      { x: 150, y: 4, width: 54, height: 14, positive: true },
      { x: 42, y: 26, width: 108, height: 14, positive: false },
      { x: 96, y: 48, width: 54, height: 14, positive: false },
    ]);
  });

  it('draws products under 1 against 1, so small vectors give short bars', () => {
    expect(layoutProductRows([0.5, 0.25, 0.75], 260, 22).bars.map((b) => b.width)).toEqual([54, 27, 81]);
  });
});

describe('the 2-D dot product panel', () => {
  it('puts the origin in the middle of the square, y up, one unit per 40px', () => {
    expect(planeToScreen([2, 1], 260, 40)).toEqual([210, 90]);
    expect(planeToScreen([0, 0], 260, 40)).toEqual([130, 130]);
    expect(planeAt(0.5, 0.5, 260, 40)).toEqual([0, 0]);
    const [x, y] = planeAt(210 / 260, 90 / 260, 260, 40);
    expect(x).toBeCloseTo(2, 12);
    expect(y).toBeCloseTo(1, 12);
    expect(gridLines(260, 40, 3)).toEqual([10, 50, 90, 130, 170, 210, 250]);
  });
});

describe('the lab picture', () => {
  it('is 280 to 640px wide and two thirds as tall', () => {
    expect(planeSize(1000)).toEqual({ width: 640, height: 422 });
    expect(planeSize(100)).toEqual({ width: 280, height: 185 });
    expect(planeSize(400.4)).toEqual({ width: 400, height: 264 });
  });

  it('names the axes at their ends, inside the picture wherever the origin is', () => {
    expect(axisNameSpots(100, 50, 640, 422)).toEqual({ x: { x: 634, y: 44 }, y: { x: 106, y: 14, anchor: 'start' } });
    // The origin beyond the top right: both names stay in, the y axis's right-aligned.
    expect(axisNameSpots(700, -20, 640, 422)).toEqual({ x: { x: 634, y: 14 }, y: { x: 634, y: 14, anchor: 'end' } });
    expect(axisNameSpots(-50, 1000, 640, 422)).toEqual({ x: { x: 634, y: 416 }, y: { x: 6, y: 14, anchor: 'start' } });
  });
});
