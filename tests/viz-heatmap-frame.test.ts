import { describe, expect, it } from 'vitest';
import { layoutHeatmap, layoutVectorStrip } from '../src/viz/heatmap';
import { COL_LABEL_OVERHANG, HEATMAP_FRAME, cellOutline, heatmapCellAt, heatmapFrame, rowOutline } from '../src/viz/heatmapFrame';
import { attentionMapsLayout } from '../src/viz/attentionMaps';
import { hasKeyColumns, stageMatrixLayout } from '../src/viz/stageFigure';
import { layoutResidualStream, type StreamPoint } from '../src/viz/residual';

// A 3 × 4 matrix in 40px: cells 10 × 10, 40 × 30 in all.
const grid = layoutHeatmap(new Float32Array(12), 3, 4, { width: 40 });

describe('heatmap frame', () => {
  it('puts 84px of row labels left of the cells, at each row’s middle, in a font one px under the cell', () => {
    const f = heatmapFrame(grid, undefined, false);
    expect(f).toMatchObject({ width: 84 + 40 + 2, height: 4 + 30 + 2, cellsX: 84, cellsY: 4, rowLabelX: 78, rowFont: 9, colFont: null });
    expect(f.rowLabelY).toEqual([5, 15, 25]);
    expect(f.rowLabelRoom).toBe(76); // 84px less the 6px gap before the cells and 2px at the left edge
    expect(f.colLabelX).toEqual([]);
  });

  it('hangs slanted column labels under cells wide enough for a 7px font, and makes room for them', () => {
    // 10px cells: labels 10·sin 55° ≈ 8.2px apart fit a 7px font.
    const f = heatmapFrame(grid, undefined, true);
    expect(f.colFont).toBe(7);
    expect(f.width).toBe(126 + COL_LABEL_OVERHANG);
    expect(f.height).toBe(36 + 48);
    expect(f.colLabelX).toEqual([5, 15, 25, 35]);
    expect(f.colLabelY).toBe(4 + 30 + 4);
    const narrow = layoutHeatmap(new Float32Array(4), 1, 4, { width: 32 }); // 8px cells: a 5px font, too small
    expect(heatmapFrame(narrow, undefined, true)).toMatchObject({ colFont: null, colLabelX: [], width: 84 + 32 + 2 });
    const wide = layoutHeatmap(new Float32Array(4), 1, 4, { width: 80 }); // 20px cells: the font stops at 12px
    expect(heatmapFrame(wide, undefined, true).colFont).toBe(12);
  });

  it('without row labels keeps only the outline’s room: HEATMAP_FRAME around the cells', () => {
    const f = heatmapFrame(grid, 0, false);
    expect(f.width).toBe(grid.width + HEATMAP_FRAME);
    expect(f.rowFont).toBeNull();
    expect(f.rowLabelY).toEqual([]);
  });

  it('drops row labels from cells under 9px tall', () => {
    const short = layoutHeatmap(new Float32Array(4), 2, 2, { width: 16, minCellH: 1 }); // 8px cells
    expect(heatmapFrame(short, undefined, false).rowFont).toBeNull();
  });

  it('outlines a row and a cell 1px outside their cells', () => {
    expect(rowOutline(grid, 1)).toEqual({ x: -1, y: 9, width: 42, height: 12 });
    expect(cellOutline(grid, { r: 2, c: 3 })).toEqual({ x: 29, y: 19, width: 12, height: 12 });
  });

  it('finds the cell under a point, and none outside the cells', () => {
    expect(heatmapCellAt(grid, 0, 0)).toEqual({ r: 0, c: 0 });
    expect(heatmapCellAt(grid, 15, 25)).toEqual({ r: 2, c: 1 });
    expect(heatmapCellAt(grid, 39.9, 29.9)).toEqual({ r: 2, c: 3 });
    expect(heatmapCellAt(grid, 40, 5)).toBeNull();
    expect(heatmapCellAt(grid, -0.1, 5)).toBeNull();
    expect(heatmapCellAt(grid, 5, 30)).toBeNull();
  });
});

describe('attention maps', () => {
  it('sets two maps side by side, with labels when each token gets a 9px cell', () => {
    // Each map: (700 − 12) / 2 = 344, less 12 of padding and the 4px frame: 328; labels take 56 + 32.
    expect(attentionMapsLayout(700, 5, 4)).toMatchObject({ oneColumn: false, labelled: true, labelWidth: 56, heatmap: { width: 240 } });
    // 240 / 30 = 8px cells: too small to label, so the cells get the whole 328.
    expect(attentionMapsLayout(700, 30, 4)).toMatchObject({ oneColumn: false, labelled: false, labelWidth: 0, heatmap: { width: 328 } });
  });

  it('sets one map per row below 480px, with wider labels and 11px cells', () => {
    // 400 − 12 − 4 = 384; labels take 76 + 32, leaving 276 = 25 × 11.04.
    expect(attentionMapsLayout(400, 25, 4)).toMatchObject({ oneColumn: true, labelled: true, labelWidth: 76, heatmap: { width: 276 } });
    expect(attentionMapsLayout(400, 26, 4)).toMatchObject({ oneColumn: true, labelled: false, heatmap: { width: 384 } });
    expect(attentionMapsLayout(480, 5, 4).oneColumn).toBe(false);
  });

  it('keeps two maps to a row on a narrow screen for more than 4 heads, unlabelled when the cells are small', () => {
    // gpt2-medium's 16 heads at 390px: (390 − 12) / 2 − 12 − 4 = 173px each, 6 tokens leave 14px cells for labels.
    expect(attentionMapsLayout(390, 6, 16)).toMatchObject({ oneColumn: false, labelled: true, labelWidth: 56 });
    expect(attentionMapsLayout(390, 12, 16)).toMatchObject({ oneColumn: false, labelled: false, heatmap: { width: 173 } });
  });

  it('never offers a map less than 40px', () => {
    expect(attentionMapsLayout(60, 8, 4).heatmap.width).toBe(44);
    expect(attentionMapsLayout(50, 8, 4).heatmap.width).toBe(40);
  });
});

describe('stage matrix', () => {
  const plane = (rows: number, cols: number) => ({ data: new Float32Array(rows * cols), shape: [rows, cols] });

  it('leaves 90px for row labels, and 32px more under key columns', () => {
    // 300 − 90 = 210 offered to 3 columns: capped at 16px for a non-square matrix.
    expect(stageMatrixLayout(plane(2, 3), 'ln1', 300)).toMatchObject({ layout: { cellW: 16, cellH: 16, width: 48 }, scrolls: false });
    // 300 − 90 − 32 = 178 offered to a square matrix: capped at 30px.
    expect(stageMatrixLayout(plane(3, 3), 'weights', 300)).toMatchObject({ layout: { cellW: 30, width: 90 }, scrolls: false });
    expect(hasKeyColumns('scores')).toBe(true);
    expect(hasKeyColumns('q')).toBe(false);
  });

  it('keeps cells 6px wide and lets a wide matrix scroll', () => {
    const { layout, scrolls } = stageMatrixLayout(plane(1, 64), 'ln1', 300);
    expect(layout.cellW).toBe(6);
    expect(layout.width).toBe(384);
    expect(scrolls).toBe(true);
  });

  it('keeps rows tall enough for an 11px token label when the cells are narrow, as in the MLP’s 256 columns', () => {
    for (const width of [390, 1200]) {
      const { layout } = stageMatrixLayout(plane(9, 256), 'fc', width);
      expect(layout.cellW).toBe(6);
      expect(heatmapFrame(layout, undefined, false).rowFont).toBeGreaterThanOrEqual(11);
    }
  });

  it('offers at least 120px on a tiny screen', () => {
    expect(stageMatrixLayout(plane(1, 120), 'ln1', 100).layout.cellW).toBe(6);
    expect(stageMatrixLayout(plane(1, 12), 'ln1', 100).layout.cellW).toBe(10);
  });
});

describe('vector strip', () => {
  it('is one row of cells 3 to 14px wide, 90px narrower than the figure', () => {
    const short = layoutVectorStrip(new Float32Array(8), 300); // 210 / 8 = 26: capped at 14
    expect(short).toMatchObject({ rows: 1, cols: 8, cellW: 14, cellH: 18, width: 112, height: 18 });
    const long = layoutVectorStrip(new Float32Array(100), 300); // 2.1px: held at 3, and scrolls
    expect(long.width).toBe(300);
    expect(layoutVectorStrip(new Float32Array(10), 50).cellW).toBe(10); // offered at least 100px
  });
});

describe('residual stream', () => {
  const point = (norm: number): StreamPoint => ({ layer: null, after: 'embedding', vector: new Float32Array(4), norm });
  const points = [point(1), point(2), point(4)];
  const matrix = new Float32Array(12);

  it('names the steps in 150px (130px in Chinese) and scales the norm bars to the largest, 60px', () => {
    const en = layoutResidualStream(points, matrix, 600, 'en');
    expect(en.labelWidth).toBe(150);
    // 600 − 110 − 150 = 340 for 4 channels: capped at 10px, and rows 16px tall.
    expect(en.heatmap).toMatchObject({ rows: 3, cols: 4, cellW: 10, cellH: 16 });
    expect(en.normBarW).toEqual([15, 30, 60]);
    expect(layoutResidualStream(points, matrix, 600, 'zh').labelWidth).toBe(130);
  });

  it('keeps 3px cells on a narrow screen', () => {
    expect(layoutResidualStream(points, matrix, 200, 'en').heatmap.cellW).toBe(3);
  });
});
