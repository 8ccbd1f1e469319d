import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutSignedBars, probabilityWidths } from '../src/viz/output/bars';
import { layoutStrip, layoutWuFigure, layoutWuRows, wuCellStep, wuFocusBox } from '../src/viz/output/heatmap';
import { divergingColor } from '../src/viz/colors';
import { formatApprox, formatColumnCount, formatCount, formatShare, layoutParamBar } from '../src/viz/output/params';
import { attentionOff, parseAblation, serializeAblation, toggleAttention, toggleHead, toggleMlp } from '../src/viz/output/ablation';
import { positionRows } from '../src/viz/output/positions';
import { countParameters, GPT2_SMALL, GPT3_175B } from '../src/core/param-count';

describe('bar layouts', () => {
  it('signed bars grow from a zero line that stays inside the chart', () => {
    const { bars, zeroX } = layoutSignedBars([4, -2, 1], 120);
    expect(zeroX).toBeCloseTo(40);
    expect(bars[0]).toEqual({ x: 40, width: 80, positive: true });
    expect(bars[1].x).toBeCloseTo(0);
    expect(bars[1].width).toBeCloseTo(40);
    expect(bars[1].positive).toBe(false);
    expect(layoutSignedBars([3, 2], 100).zeroX).toBe(0);
    expect(layoutSignedBars([-3, -1], 100).zeroX).toBe(100);
    expect(layoutSignedBars([0, 0], 100).bars.every((b) => b.width === 0)).toBe(true);
  });

  it('probability bars use a fixed 0..1 axis and clamp', () => {
    expect(probabilityWidths([0, 0.25, 1, 1.2], 80)).toEqual([0, 20, 80, 80]);
  });
});

describe('W_u heatmap', () => {
  const C = 3;
  const wu = Float32Array.from([1, 2, 3, -4, 0, 0.5, 9, 9, 9]); // (V=3, C=3)
  it('lays out only the chosen rows, in the chosen order, with one colour scale across them', () => {
    const { cells, width, height, maxAbs } = layoutWuRows(wu, C, [1, 0], 5, 10);
    expect(width).toBe(15);
    expect(height).toBe(20);
    expect(maxAbs).toBe(4); // row 2 (all 9s) is not shown, so it does not set the scale
    expect(cells.map((c) => c.value)).toEqual([-4, 0, 0.5, 1, 2, 3]);
    expect(cells[3]).toMatchObject({ row: 1, col: 0, x: 0, y: 10 });
    expect(cells[1].fill).toBe(divergingColor(4)(0));
  });
  it('diverging colours: red for positive, blue for negative, white-ish at zero', () => {
    const colour = divergingColor(2);
    const rgb = (s: string) => s.match(/\d+/g)!.map(Number);
    const [r1, , b1] = rgb(colour(2));
    const [r2, , b2] = rgb(colour(-2));
    expect(r1).toBeGreaterThan(b1);
    expect(b2).toBeGreaterThan(r2);
    expect(Math.min(...rgb(colour(0)))).toBeGreaterThan(230);
  });
  it('the vector strip has one cell per channel', () => {
    const strip = layoutStrip([0.5, -1], 6, 12);
    expect(strip.map((s) => s.x)).toEqual([0, 6]);
    expect(strip[1].value).toBe(-1);
  });
  it('the figure sets the strip over the rows, channel under channel, between 92px of labels and the logits', () => {
    const f = layoutWuFigure(wu, Float32Array.from([1, -1, 0]), [2, 0]);
    // 400 / 3 channels would be 133px: capped at 8px. The strip is 16px tall, then a 10px gap.
    expect(f).toMatchObject({ cell: 8, rowH: 16, width: 92 + 24 + 70, height: 26 + 32, labelX: 86, stripTextY: 12, logitX: 122 });
    expect(f.strip.map((s) => [s.x, s.y])).toEqual([
      [92, 0],
      [100, 0],
      [108, 0],
    ]);
    expect(f.cells[4]).toMatchObject({ row: 1, col: 1, x: 100, y: 42, value: 2 });
    expect(f.rowTextY).toEqual([38, 54]);
    expect(wuFocusBox(f, { row: -1, c: 1 })).toEqual({ x: 100, y: 0, width: 8, height: 16 });
    expect(wuFocusBox(f, { row: 1, c: 0 })).toEqual({ x: 92, y: 42, width: 8, height: 16 });
    expect(layoutWuFigure(new Float32Array(200), new Float32Array(200), []).cell).toBe(4);
  });

  it('moves the read cell by the keys the other grids use, from the strip (row -1) to the last row, never off the figure', () => {
    // 3 rows of W_u under the strip, 8 columns.
    expect(wuCellStep({ row: -1, c: 0 }, 'ArrowDown', 3, 8)).toEqual({ row: 0, c: 0 });
    expect(wuCellStep({ row: -1, c: 0 }, 'ArrowUp', 3, 8)).toEqual({ row: -1, c: 0 });
    expect(wuCellStep({ row: 2, c: 5 }, 'ArrowDown', 3, 8)).toEqual({ row: 2, c: 5 });
    expect(wuCellStep({ row: 1, c: 0 }, 'ArrowLeft', 3, 8)).toEqual({ row: 1, c: 0 });
    expect(wuCellStep({ row: 1, c: 6 }, 'ArrowRight', 3, 8)).toEqual({ row: 1, c: 7 });
    expect(wuCellStep({ row: 1, c: 7 }, 'ArrowRight', 3, 8)).toEqual({ row: 1, c: 7 });
    expect(wuCellStep({ row: 1, c: 3 }, 'End', 3, 8)).toEqual({ row: 1, c: 7 });
    expect(wuCellStep({ row: -1, c: 3 }, 'Home', 3, 8)).toEqual({ row: -1, c: 0 });
    expect(wuCellStep({ row: 1, c: 3 }, 'Enter', 3, 8)).toBeNull();
    expect(wuCellStep({ row: 1, c: 3 }, 'toString', 3, 8)).toBeNull();
  });
});

describe('parameter bar', () => {
  it('segments tile the bar exactly and skip empty groups', () => {
    const { groups, total } = countParameters(GPT2_SMALL);
    const segments = layoutParamBar(groups, total);
    expect(segments.some((s) => s.key === 'unembedding')).toBe(false); // tied
    const last = segments.at(-1)!;
    expect(last.x + last.width).toBeCloseTo(1, 12);
    for (let i = 1; i < segments.length; i++) expect(segments[i].x).toBeCloseTo(segments[i - 1].x + segments[i - 1].width, 12);
    const we = segments.find((s) => s.key === 'tokenEmbedding')!;
    expect(we.share).toBeCloseTo(38_597_376 / 124_439_808, 12);
  });
  it('formats counts and shares for reading', () => {
    expect(formatCount(124_439_808, 'en')).toBe('124,439,808');
    // Chinese prose writes four digits plainly, but a table column groups them, to line up with longer counts.
    expect(formatCount(8192, 'zh')).toBe('8192');
    expect([8192, 16_384, 524_288].map((n) => formatColumnCount(n, 'zh'))).toEqual(['8,192', '16,384', '524,288']);
    expect(formatColumnCount(8192, 'en')).toBe('8,192');
    expect(formatApprox(countParameters(GPT3_175B).total, 'en')).toBe('175B');
    expect(formatApprox(countParameters(GPT3_175B).total, 'zh')).toBe('1750 亿');
    expect(formatApprox(1_557_611_200, 'en')).toBe('1.56B');
    expect(formatApprox(124_439_808, 'en')).toBe('124M');
    expect(formatApprox(124_439_808, 'zh')).toBe('1.24 亿');
    expect(formatApprox(50_000, 'zh')).toBe('5 万');
    expect(formatApprox(999, 'en')).toBe('999');
    expect(formatShare(0.31)).toBe('31.0%');
    expect(formatShare(0.00001)).toBe('<0.01%');
    expect(formatShare(0.005)).toBe('0.50%');
  });
});

describe('ablation spec in the URL', () => {
  it('round-trips any set that fits the model', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }))),
        fc.array(fc.integer({ min: 0, max: 3 })),
        (heads, mlps) => {
          let set = parseAblation(null, 4, 4);
          for (const [l, h] of heads) set = toggleHead(set, l, h);
          for (const m of mlps) set = toggleMlp(set, m);
          expect(parseAblation(serializeAblation(set), 4, 4)).toEqual(set);
        },
      ),
    );
  });
  it('reads the documented format and drops what does not fit', () => {
    expect(parseAblation('h0.1,h2.3,m1', 4, 4)).toEqual({
      heads: [
        { layer: 0, head: 1 },
        { layer: 2, head: 3 },
      ],
      mlps: [1],
    });
    expect(parseAblation('h9.0,h0.9,m7,x,h1.1,h1.1,,m-1', 4, 4)).toEqual({ heads: [{ layer: 1, head: 1 }], mlps: [] });
    expect(serializeAblation({ heads: [], mlps: [] })).toBeNull();
    expect(toggleHead(toggleHead(parseAblation(null, 4, 4), 1, 2), 1, 2).heads).toEqual([]);
  });
  it('switches a whole attention layer as all its heads, and back', () => {
    const oneHead = toggleHead(parseAblation(null, 4, 3), 2, 1);
    const layerOff = toggleAttention(oneHead, 2, 3);
    expect(serializeAblation(layerOff)).toBe('h2.0,h2.1,h2.2');
    expect(attentionOff(layerOff, 2, 3)).toBe(true);
    expect(attentionOff(toggleHead(layerOff, 2, 0), 2, 3)).toBe(false);
    expect(toggleAttention(layerOff, 2, 3).heads).toEqual([]);
  });
});

describe('every-position rows', () => {
  it('reads the top guess and the probability of the token that really came next', () => {
    const V = 3;
    const probs = Float32Array.from([0.2, 0.7, 0.1, 0.5, 0.2, 0.3, 0.1, 0.1, 0.8]); // (T=3, V=3)
    const rows = positionRows(probs, V, [2, 0, 1]);
    expect(rows[0]).toMatchObject({ position: 0, token: 2, top: 1, actual: 0, actualRank: 2 });
    expect(rows[0].actualProb).toBeCloseTo(0.2);
    expect(rows[1]).toMatchObject({ top: 0, actual: 1, actualRank: 3 });
    expect(rows[2]).toMatchObject({ top: 2, actual: null, actualProb: null, actualRank: null });
  });
});

describe('logit lens row for the stepper’s stage', () => {
  it('follows the stepper through the embedding, each block and the output', async () => {
    const { buildStages } = await import('../src/viz/stages');
    const { lensRowForStage } = await import('../src/viz/output/lensRow');
    const stages = buildStages(3);
    const rows = stages.map((s) => lensRowForStage(s, 3));
    expect(rows.slice(0, 4)).toEqual([0, 0, 0, 0]); // tokens, embeddings, sum
    expect(rows.at(-1)).toBe(3);
    // Block 2 reads the stream after block 1 (row 2) until its resid2 writes row 3.
    const block2 = stages.flatMap((s, i) => (s.layer === 2 ? [i] : []));
    expect(stages[block2[0]].kind).toBe('ln1');
    expect(rows[block2[0]]).toBe(2);
    expect(rows[block2[0] - 1]).toBe(2); // block 1's resid2
    expect(stages[block2.at(-1)!].kind).toBe('resid2');
    expect(rows[block2.at(-1)!]).toBe(3);
    expect(rows[block2.at(-1)! - 1]).toBe(2);
    expect(new Set(rows)).toEqual(new Set([0, 1, 2, 3]));
  });
});
