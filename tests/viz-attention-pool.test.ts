import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutHeatmap, type HeatmapLayout } from '../src/viz/heatmap';
import { layoutPooledHeatmap, poolSize } from '../src/viz/pooledHeatmap';
import { cellOutline, heatmapCellAt, heatmapCellStep, heatmapFrame, rowOutline, shownCellOf } from '../src/viz/heatmapFrame';
import { attentionMapsLayout, layoutAttentionMap } from '../src/viz/attentionMaps';
import { chapterFigureWidth } from '../src/viz/chapterFigureWidth';
import { LINES_MOST_KEYS, attentionLinesFigure } from '../src/viz/arcs';

// Chapter 5's maps at GPT-2's lengths: each drawn cell a k × k block of (query, key) pairs showing the
// block's largest weight, at that weight's own (query, key).

// One head of six tokens, rows summing to 1, zero above the diagonal. Rows 2 to 5 look mostly at the
// token before: (2, 1), (3, 2), (4, 3) and (5, 4), a diagonal that every other row and column would miss.
// prettier-ignore
const SIX = Float32Array.from([
  1,   0,   0,   0,   0,   0,
  0.3, 0.7, 0,   0,   0,   0,
  0.1, 0.6, 0.3, 0,   0,   0,
  0.1, 0.1, 0.7, 0.1, 0,   0,
  0.2, 0.1, 0.1, 0.5, 0.1, 0,
  0.2, 0.1, 0.1, 0.1, 0.5, 0,
]);

const shown = (layout: HeatmapLayout) => layout.cells.map(({ r, c }) => [r, c]);

describe('a 6 × 6 map pooled', () => {
  it('by 2: each block shows its largest weight, where it lies, and the previous-token diagonal survives', () => {
    const layout = layoutPooledHeatmap(SIX, 6, 6, 2, { width: 60 });
    expect(layout).toMatchObject({ rows: 6, cols: 6, pool: 2, step: 1, shownRows: 3, shownCols: 3, cellW: 20, cellH: 20 });
    expect([layout.width, layout.height]).toEqual([60, 60]);
    // prettier-ignore
    expect(shown(layout)).toEqual([
      [0, 0], [0, 2], [0, 4], // the two blocks wholly above the diagonal show their top-left cell: masked, 0
      [2, 1], [3, 2], [2, 4],
      [4, 0], [4, 3], [5, 4], // (4, 0) and (5, 0) tie at 0.2: the first in reading order wins
    ]);
    expect(layout.cells.map((cell) => cell.value)).toEqual([1, 0, 0, 0.6, 0.7, 0, 0.2, 0.5, 0.5].map(Math.fround));
    expect(layout.cells[4]).toMatchObject({ x: 20, y: 20 });
    // Rows and columns 0, 2 and 4 alone would draw none of these: r and r − 1 are never both even.
    expect(shown(layout)).toEqual(
      expect.arrayContaining([
        [2, 1],
        [3, 2],
        [4, 3],
        [5, 4],
      ]),
    );
  });

  it('by 3: four blocks, one wholly masked', () => {
    const layout = layoutPooledHeatmap(SIX, 6, 6, 3, { width: 60 });
    expect(shown(layout)).toEqual([
      [0, 0],
      [0, 3],
      [3, 2],
      [4, 3],
    ]);
    expect(layout.cells[1].value).toBe(0);
  });

  it('by 4: the last blocks are cut short by the matrix’s edge', () => {
    const layout = layoutPooledHeatmap(SIX, 6, 6, 4, { width: 60 });
    expect(layout).toMatchObject({ shownRows: 2, shownCols: 2, cellW: 28 }); // 30 capped at maxCellW
    expect(shown(layout)).toEqual([
      [0, 0],
      [0, 4],
      [4, 3],
      [5, 4],
    ]);
  });

  it('refuses too few values or a block that is not a whole number of cells', () => {
    expect(() => layoutPooledHeatmap(SIX, 7, 6, 2, { width: 60 })).toThrow(/cannot fill/);
    expect(() => layoutPooledHeatmap(SIX, 6, 6, 1.5, { width: 60 })).toThrow(/whole number/);
  });
});

describe('pointer, outlines and keys on a pooled map', () => {
  const layout = layoutPooledHeatmap(SIX, 6, 6, 2, { width: 60 });

  it('reads the real cell a block shows under the pointer, and none outside the cells', () => {
    expect(heatmapCellAt(layout, 25, 45)).toEqual({ r: 4, c: 3 });
    expect(heatmapCellAt(layout, 0, 20)).toEqual({ r: 2, c: 1 });
    expect(heatmapCellAt(layout, 59.9, 59.9)).toEqual({ r: 5, c: 4 });
    expect(heatmapCellAt(layout, 60, 5)).toBeNull();
    expect(heatmapCellAt(layout, 5, 60)).toBeNull();
    expect(heatmapCellAt(layout, 5, -0.1)).toBeNull();
  });

  it('outlines the block’s cell for any real cell in it, and the row of blocks for a selected row', () => {
    expect(cellOutline(layout, { r: 4, c: 3 })).toEqual({ x: 19, y: 39, width: 22, height: 22 });
    expect(cellOutline(layout, { r: 5, c: 2 })).toEqual({ x: 19, y: 39, width: 22, height: 22 });
    expect(rowOutline(layout, 5)).toEqual({ x: -1, y: 39, width: 62, height: 22 });
  });

  it('moves one block per arrow key, to the cell that block shows, and stops at the edges', () => {
    expect(heatmapCellStep(layout, { r: 4, c: 3 }, 0, 1)).toEqual({ r: 5, c: 4 });
    expect(heatmapCellStep(layout, { r: 5, c: 4 }, 0, 1)).toEqual({ r: 5, c: 4 });
    expect(heatmapCellStep(layout, { r: 4, c: 3 }, -1, 0)).toEqual({ r: 3, c: 2 });
    expect(heatmapCellStep(layout, { r: 0, c: 0 }, -1, -1)).toEqual({ r: 0, c: 0 });
    expect(shownCellOf(layout, { r: 3, c: 0 })).toEqual({ r: 2, c: 1 });
  });

  it('moves one real row or column on a map that is not pooled, as before', () => {
    const whole = layoutHeatmap(SIX, 6, 6, { width: 60 });
    expect(heatmapCellStep(whole, { r: 4, c: 3 }, 0, 1)).toEqual({ r: 4, c: 4 });
    expect(heatmapCellStep(whole, { r: 5, c: 5 }, 1, 1)).toEqual({ r: 5, c: 5 });
    expect(shownCellOf(whole, { r: 3, c: 0 })).toEqual({ r: 3, c: 0 });
  });

  it('draws no token labels: a row or column of blocks is no one token', () => {
    const big = layoutPooledHeatmap(SIX, 6, 6, 2, { width: 600, maxCellW: 200, maxCellH: 200 });
    expect(heatmapFrame(big, 56, true)).toMatchObject({ rowFont: null, colFont: null });
  });
});

/** A causal (T, T) map from random numbers: zero above the diagonal, as softmax after the mask gives. */
const causalMap = fc
  .integer({ min: 1, max: 24 })
  .chain((T) =>
    fc
      .array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: T * T, maxLength: T * T })
      .map((values) => ({ T, data: Float32Array.from(values, (v, i) => (i % T > Math.floor(i / T) ? 0 : v)) })),
  );

describe('any causal map, any block size', () => {
  it('shows in each block the largest weight at its own (query, key), masked only where the whole block is', () => {
    fc.assert(
      fc.property(causalMap, fc.integer({ min: 1, max: 8 }), ({ T, data }, pool) => {
        const layout = layoutPooledHeatmap(data, T, T, pool, { width: 200, minCellW: 1, minCellH: 1 });
        expect(layout.cells).toHaveLength(Math.ceil(T / pool) ** 2);
        layout.cells.forEach((cell, n) => {
          const [i, j] = [Math.floor(n / layout.shownCols), n % layout.shownCols];
          expect([Math.floor(cell.r / pool), Math.floor(cell.c / pool)]).toEqual([i, j]);
          expect(cell.value).toBe(data[cell.r * T + cell.c]);
          let largest = 0;
          let anyWeighed = false; // a key at or before its query with a weight above 0
          for (let r = i * pool; r < Math.min(T, (i + 1) * pool); r++) {
            for (let c = j * pool; c < Math.min(T, (j + 1) * pool); c++) {
              largest = Math.max(largest, data[r * T + c]);
              anyWeighed ||= c <= r && data[r * T + c] > 0;
            }
          }
          expect(cell.value).toBe(largest);
          if (anyWeighed) expect(cell.c).toBeLessThanOrEqual(cell.r);
          const wholeMasked = j * pool > Math.min(T, (i + 1) * pool) - 1; // its first key is after its last query
          if (wholeMasked) expect([cell.c > cell.r, cell.value]).toEqual([true, 0]);
          // The pointer at the cell's middle reads it, and so does any real cell of its block.
          expect(heatmapCellAt(layout, cell.x + layout.cellW / 2, cell.y + layout.cellH / 2)).toEqual({ r: cell.r, c: cell.c });
          expect(shownCellOf(layout, { r: cell.r, c: cell.c })).toEqual({ r: cell.r, c: cell.c });
        });
      }),
    );
  });

  it('is the plain layout when the blocks are single cells', () => {
    fc.assert(
      fc.property(causalMap, ({ T, data }) => {
        expect(layoutPooledHeatmap(data, T, T, 1, { width: 100 })).toEqual(layoutHeatmap(data, T, T, { width: 100 }));
      }),
    );
  });
});

describe('chapter 5’s maps', () => {
  const zeros = new Float32Array(1024 * 1024);

  it('pools into blocks of at least 2px once a token would get under 1.5px', () => {
    expect(poolSize(1024, 296, 2)).toBe(7); // 2048 / 296 = 6.9
    expect(poolSize(100, 400, 2)).toBe(1);
    // A desktop figure of 637px: two maps of 296px. 197 tokens get 1.5px each; 198 are pooled by 2.
    expect(attentionMapsLayout(637, 197, 12).pool).toBe(1);
    expect(attentionMapsLayout(637, 198, 12).pool).toBe(2);
    expect(attentionMapsLayout(637, 1024, 12)).toMatchObject({ labelled: false, pool: 7, heatmap: { width: 296 } });
  });

  it('fits GPT-2’s 1,024 tokens in each map’s box, square and never scrolled, on any screen', () => {
    for (const explainer of [320, 390, 480, 700, 999, 1000, 1180]) {
      const width = chapterFigureWidth(explainer);
      for (const nHead of [12, 16]) {
        for (const T of [129, 300, 513, 1024]) {
          const maps = attentionMapsLayout(width, T, nHead);
          const layout = layoutAttentionMap(zeros.subarray(0, T * T), T, maps);
          expect(layout.width).toBeLessThanOrEqual(maps.heatmap.width + 1e-9); // cellW × shownCols, in floating point
          expect(layout.height).toBe(layout.width);
          expect(layout.cellW).toBeGreaterThanOrEqual(1.5);
        }
      }
    }
  });

  it('leaves the default model’s maps (4 heads, up to 128 tokens) as they were at every width', () => {
    for (let explainer = 300; explainer <= 1180; explainer++) {
      const width = chapterFigureWidth(explainer);
      for (let T = 1; T <= 128; T++) expect(attentionMapsLayout(width, T, 4).pool).toBe(1);
    }
    for (const explainer of [358, 390, 1180]) {
      const maps = attentionMapsLayout(chapterFigureWidth(explainer), 128, 4);
      const data = zeros.subarray(0, 128 * 128);
      expect(layoutAttentionMap(data, 128, maps)).toEqual(layoutHeatmap(data, 128, 128, maps.heatmap));
    }
  });
});

describe('the lines of a long text', () => {
  /** Query `query`'s row of a (T, T) map with the given weights, all else 0. */
  const oneRow = (T: number, query: number, weights: Record<number, number>) => {
    const data = new Float32Array(T * T);
    for (const [key, w] of Object.entries(weights)) data[query * T + Number(key)] = w;
    return data;
  };

  it('lists only the query and the keys its lines reach, numbered, with room for the positions', () => {
    const f = attentionLinesFigure(oneRow(200, 150, { 0: 0.5, 149: 0.3, 150: 0.2 }), 200, 150, 520);
    expect(f).toMatchObject({ listed: [0, 149, 150], numbered: true, tokenChars: 12 - 3 - 1, rowY: [11, 33, 55], height: 3 * 22 + 4 });
    expect(f.lines.map((l) => [l.to, l.y1, l.y2])).toEqual([
      [0, 55, 11],
      [149, 55, 33],
      [150, 55, 55],
    ]);
  });

  it('keeps the strongest keys, and lists the query alone when it spreads under 1% everywhere', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, k) => [k, 0.02 + k * 0.001]));
    const f = attentionLinesFigure(oneRow(300, 299, many), 300, 299, 520);
    expect(f.listed).toEqual([...Array.from({ length: LINES_MOST_KEYS }, (_, i) => 30 - LINES_MOST_KEYS + i), 299]);
    expect(f.lines).toHaveLength(LINES_MOST_KEYS);
    const uniform = new Float32Array(300 * 300).fill(1 / 300);
    expect(attentionLinesFigure(uniform, 300, 299, 520)).toMatchObject({ listed: [299], rowY: [11], lines: [] });
  });

  it('lists every token up to 128, unnumbered, as before', () => {
    const f = attentionLinesFigure(new Float32Array(128 * 128).fill(1 / 128), 128, 127, 520);
    expect(f).toMatchObject({ numbered: false, tokenChars: 12, height: 128 * 22 + 4 });
    expect(f.listed).toEqual([...Array(128).keys()]);
  });
});
