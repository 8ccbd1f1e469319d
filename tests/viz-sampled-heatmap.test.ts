import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_WIDTH, layoutHeatmap, layoutVectorStrip, sampleStep, shownColumns } from '../src/viz/heatmap';
import { cellOutline, columnX, heatmapCellAt, heatmapFrame } from '../src/viz/heatmapFrame';
import { stageMatrixLayout } from '../src/viz/stageFigure';

// GPT-2's vectors (768 or 1024 numbers, 3072 in the MLP) drawn as every k-th column, while the pointer
// and the keys still reach each real column.

const ramp = (n: number) => Float32Array.from({ length: n }, (_, i) => i);

describe('sampleStep', () => {
  it('keeps every column when they fit, or scroll within MAX_SCROLL_WIDTH', () => {
    expect(sampleStep(64, 600, 3)).toBe(1);
    expect(sampleStep(256, 300, 6)).toBe(1); // the default model's MLP stage: 1536px, scrolls as before
    expect(256 * 6).toBeLessThanOrEqual(MAX_SCROLL_WIDTH);
  });

  it('steps by the smallest near divisor that fits the columns into the width', () => {
    expect(sampleStep(768, 600, 6)).toBe(8); // needs 7.68: 8 divides 768
    expect(sampleStep(768, 600, 3)).toBe(4); // needs 3.84
    expect(sampleStep(3072, 600, 6)).toBe(32); // needs 30.72: 32 divides 3072
    expect(sampleStep(1024, 300, 3)).toBe(16); // needs 10.24: 11-15 do not divide 1024
    expect(sampleStep(1031, 600, 3)).toBe(6); // a prime: no divisor near, so the step that fits
  });
});

describe('a sampled heatmap', () => {
  // 2 rows of 768 at 6px in 600px: every 8th column, 96 cells of 6.25px.
  const data = ramp(2 * 768);
  const layout = layoutHeatmap(data, 2, 768, { width: 600, minCellW: 6, maxCellW: 16 });

  it('draws every 8th column, each cell holding its real column and value, and fits the width', () => {
    expect(layout).toMatchObject({ rows: 2, cols: 768, step: 8, shownCols: 96, cellW: 6.25, width: 600 });
    expect(layout.cells).toHaveLength(2 * 96);
    expect(layout.cells[1]).toMatchObject({ r: 0, c: 8, x: 6.25, value: 8 });
    expect(layout.cells[96 + 95]).toMatchObject({ r: 1, c: 760, x: 95 * 6.25, value: 768 + 760 });
  });

  it('names the columns drawn: the first three and the last', () => {
    expect(shownColumns(layout)).toEqual({ first: [0, 8, 16], last: 760 });
  });

  it('maps a pointer x to the real column under it, every column in its own 1/8 of a cell', () => {
    const colW = 6.25 / 8;
    expect(heatmapCellAt(layout, 0, 1)).toEqual({ r: 0, c: 0 });
    expect(heatmapCellAt(layout, 5 * colW + 0.1, 1)).toEqual({ r: 0, c: 5 }); // inside the cell drawn for column 0
    expect(heatmapCellAt(layout, 300.1, layout.cellH + 1)).toEqual({ r: 1, c: 384 });
    expect(heatmapCellAt(layout, 599.99, 1)).toEqual({ r: 0, c: 767 });
    expect(heatmapCellAt(layout, 600, 1)).toBeNull();
    for (const c of [0, 1, 7, 8, 383, 767]) expect(heatmapCellAt(layout, columnX(layout, c) + colW / 2, 1)?.c).toBe(c);
  });

  it('outlines a real column’s own sliver, at least 1px wide, and draws no column labels', () => {
    expect(cellOutline(layout, { r: 0, c: 16 })).toMatchObject({ x: 12.5 - 1, width: 1 + 2 });
    expect(heatmapFrame(layout, 0, true).colFont).toBeNull();
  });
});

describe('the default model stays whole', () => {
  it('keeps C = 64 and 4C = 256 whole in strips and stage matrices, with step 1', () => {
    for (const width of [390, 1200]) {
      expect(layoutVectorStrip(ramp(64), width)).toMatchObject({ step: 1, shownCols: 64 });
      expect(layoutVectorStrip(ramp(256), width)).toMatchObject({ step: 1, shownCols: 256 });
      const mlp = stageMatrixLayout({ data: ramp(8 * 256), shape: [8, 256] }, 'gelu', width).layout;
      expect(mlp).toMatchObject({ step: 1, shownCols: 256, cellW: 6 });
    }
  });

  it('samples GPT-2’s 768 in a phone’s strip and 3072 in a stage matrix, without scrolling', () => {
    const strip = layoutVectorStrip(ramp(768), 390); // 300px for the cells: needs 7.68 → 8
    expect(strip).toMatchObject({ step: 8, shownCols: 96 });
    expect(strip.width).toBeLessThanOrEqual(300);
    const { layout, scrolls } = stageMatrixLayout({ data: ramp(4 * 3072), shape: [4, 3072] }, 'gelu', 700);
    expect(layout.step).toBe(32);
    expect(scrolls).toBe(false);
  });
});
