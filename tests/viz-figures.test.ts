import { describe, expect, it } from 'vitest';
import { logitFanLayout } from '../src/viz/logitFan';
import { clipChars, monoTextWidth, truncateChars, truncateToWidth } from '../src/viz/fitText';
import { chapterFigureWidth } from '../src/viz/chapterFigureWidth';
import { attentionLinesFigure } from '../src/viz/arcs';
import { layoutChipFigure } from '../src/viz/tokens';
import { geluCurveHeight, layoutGeluCurve } from '../src/viz/geluCurve';
import { percentBars } from '../src/viz/percentBars';
import { drawnValues, vocabCellAt, vocabCellStep, vocabColumns, vocabMatrixFrame, vocabOverview } from '../src/viz/vocabMatrix';
import { shownColumns } from '../src/viz/heatmap';
import { formatColumnList } from '../src/viz/format';
import { arrowPoints } from '../src/viz/flow';

describe('logit fan', () => {
  it('splits 300px into the fan (20%), labels (30%) and bars, scaled to the largest magnitude', () => {
    const fan = logitFanLayout(
      [
        { index: 4, value: 2 },
        { index: 9, value: -1 },
      ],
      300,
    );
    // Fan 60px, labels 90px, bars up to 300 − 60 − 90 − 70 = 80px.
    expect(fan).toMatchObject({ width: 300, height: 2 * 24 + 8, lineX1: 17, lineX2: 60, labelX: 144, barX: 150, barH: 16 });
    expect(fan.source).toEqual({ x: 10, y: 28, r: 7 });
    expect(fan.rows).toEqual([
      { index: 4, value: 2, y: 4, mid: 16, barY: 8, barW: 80, valueX: 236 },
      { index: 9, value: -1, y: 28, mid: 40, barY: 32, barW: 40, valueX: 196 },
    ]);
  });

  it('caps the fan at 90px and the labels at 110px, keeps bars 40px long and never thinner than 1px', () => {
    const wide = logitFanLayout([{ index: 0, value: 1 }], 1000);
    expect([wide.lineX2, wide.barX, wide.rows[0].barW]).toEqual([90, 200, 730]);
    const narrow = logitFanLayout(
      [
        { index: 0, value: 2 },
        { index: 1, value: 0.001 },
      ],
      100,
    );
    expect(narrow.rows.map((r) => r.barW)).toEqual([40, 1]);
  });
});

describe('fitting text', () => {
  it('clips and truncates by characters, never splitting one', () => {
    expect(clipChars('词元和文字', 2)).toBe('词元');
    expect(clipChars('😀😀😀', 2)).toBe('😀😀');
    expect(clipChars('ab', 14)).toBe('ab');
    expect(truncateChars('abcdefghij', 7)).toBe('abcdef…');
    expect(truncateChars('abcdefg', 7)).toBe('abcdefg');
    expect(truncateChars('😀😀😀', 2)).toBe('😀…');
  });

  it('truncates to a width in pixels, the ellipsis included, never splitting a character', () => {
    // At 10px a character is 6px: 60px holds "␣governme…" (9 + 1), not all 11 of "␣government".
    expect(truncateToWidth('␣government', 60, 10)).toBe('␣governme…');
    expect(truncateToWidth('␣government', 66, 10)).toBe('␣government');
    // A wide character is 10px: 30px holds two of them and "…" (26px), not three and "…" (36px).
    expect(truncateToWidth('词元和文字', 30, 10)).toBe('词元…');
    expect(truncateToWidth('abc', 7, 10)).toBe('…');
    expect(truncateToWidth('abc', 5, 10)).toBe('');
  });

  it('never splits what a reader sees as one character: a family emoji, a flag, a letter with a combining accent', () => {
    const family = '👩\u200D👩\u200D👧'; // three emoji joined into one picture
    const flag = '🇨🇳'; // two regional indicators
    const e = 'e\u0301'; // é as e and a combining acute accent
    expect(clipChars(`${family}${flag}ab`, 2)).toBe(`${family}${flag}`);
    expect(truncateChars(`${family}${family}${family}`, 2)).toBe(`${family}…`);
    expect(truncateChars(`caf${e}s`, 4)).toBe(`caf…`);
    expect(truncateChars(`caf${e}`, 4)).toBe(`caf${e}`);
    // Each picture is one wide character (10px at 10px), whatever it is made of; an accented letter is one narrow one.
    expect(monoTextWidth(family, 10)).toBe(10);
    expect(monoTextWidth(flag, 10)).toBe(10);
    expect(monoTextWidth(`caf${e}`, 10)).toBe(24);
    expect(truncateToWidth(`${family}${family}${family}`, 25, 10)).toBe(`${family}…`);
  });
});

describe('chapter figure width', () => {
  it('is the whole width below 1000px, and the wider grid column (1 of 1.82 parts, less the 32px gap) beside the prose above', () => {
    expect(chapterFigureWidth(640)).toBe(640);
    expect(chapterFigureWidth(999)).toBe(999);
    expect(chapterFigureWidth(1000)).toBe(527); // ⌊968 / 1.82⌋ − 4
    expect(chapterFigureWidth(1200)).toBe(637); // ⌊1168 / 1.82⌋ − 4
  });
});

describe('attention lines figure', () => {
  // Query 2 of three tokens reads token 0 (0.5) and itself (0.495); 0.005 is below the 1% cut.
  const weights = [1, 0, 0, 0.5, 0.5, 0, 0.5, 0.005, 0.495];

  it('draws the query’s lines as curves between two 120px columns, at most 520px apart', () => {
    const f = attentionLinesFigure(weights, 3, 2, 1000);
    expect(f).toMatchObject({ width: 520, height: 3 * 22 + 4, x1: 120, x2: 400, queryLabelX: 114, keyLabelX: 406 });
    expect(f.rowY).toEqual([11, 33, 55]);
    expect(f.lines.map((l) => [l.from, l.to])).toEqual([
      [2, 0],
      [2, 2],
    ]);
    expect(f.lines[0]).toMatchObject({ d: 'M120,55 C260,55 260,11 400,11', strokeWidth: 5, strokeOpacity: 0.625 });
  });

  it('gives each column 32% of a narrow figure', () => {
    const f = attentionLinesFigure(weights, 3, 2, 300);
    expect([f.width, f.x1, f.x2]).toEqual([300, 96, 204]);
  });
});

describe('token chip figure', () => {
  it('makes chips at least 44px wide and wraps them in 46px lines, inside a 2px margin', () => {
    // 'a' would be 21px; 'longer label' is ⌈12 × 8.4 + 12⌉ = 113px.
    const f = layoutChipFigure(['a', 'longer label'], 200);
    expect(f.chips).toEqual([
      { x: 2, y: 2, w: 44 },
      { x: 52, y: 2, w: 113 },
    ]);
    expect([f.width, f.height]).toEqual([167, 50]);
    const narrow = layoutChipFigure(['a', 'longer label'], 100); // 96px lines: the long chip wraps and is clipped
    expect(narrow.chips[1]).toEqual({ x: 2, y: 48, w: 96 });
    expect([narrow.width, narrow.height]).toEqual([100, 96]);
  });
});

describe('GELU curve frame', () => {
  it('is 45% as tall as wide, at most 220px', () => {
    expect(geluCurveHeight(300)).toBe(135);
    expect(geluCurveHeight(301)).toBe(135);
    expect(geluCurveHeight(640)).toBe(220);
  });

  it('runs the axes through zero, 4px past the plotted area', () => {
    const g = layoutGeluCurve([-1, 0.5, 2], 300, 135);
    expect(g.xAxis).toEqual({ x1: 30, x2: 292, y: g.zeroY });
    expect(g.yAxis).toEqual({ x: g.zeroX, y1: 6, y2: 113 });
    expect([g.xTickY, g.yTickX]).toEqual([127, 28]);
  });
});

describe('percent bars', () => {
  it('fills the track for the largest value and keeps a minimum for the rest', () => {
    expect(percentBars([2, 1, 0], 1)).toEqual([100, 50, 1]);
    expect(percentBars([4, 0.01], 2)).toEqual([100, 2]);
    expect(percentBars([0, 0], 1)).toEqual([1, 1]);
  });
});

describe('vocabulary matrix frame', () => {
  // 1000 rows on 220 lines: id 5 falls on line 1, id 500 on line 110.
  const overview = vocabOverview(1000, 220, [5, 500], 500);

  it('draws 4px per column and ticks the marked rows right of the picture, the selected one longer and named', () => {
    const f = vocabMatrixFrame(overview, 64, 600);
    expect([f.matrixW, f.width, f.height]).toEqual([256, 406, 220]);
    expect(f.marks).toEqual([
      { id: 5, selected: false, x1: 258, x2: 264, y: 1.5 },
      { id: 500, selected: true, x1: 258, x2: 274, y: 110.5 },
    ]);
    expect(f.label).toEqual({ id: 500, x: 278, y: 110.5 });
  });

  it('keeps the tiny model’s picture: all 64 columns, 4px each, wherever 256px fit beside the marks', () => {
    for (const width of [406, 582, 760, 1200]) {
      expect(vocabMatrixFrame(overview, 64, width)).toMatchObject({ cols: 64, step: 1, shownCols: 64, columnW: 4, matrixW: 256 });
    }
  });

  it('narrows by whole pixels per column, in at least 96px, and names no row when none is selected', () => {
    // A phone's 366px leave 216px: 3px a column. 200px leave less than 96, so it gets 96: 1px a column.
    expect(vocabMatrixFrame(overview, 64, 366)).toMatchObject({ step: 1, columnW: 3, matrixW: 192 });
    expect(vocabMatrixFrame(overview, 64, 200)).toMatchObject({ step: 1, columnW: 1, matrixW: 64 });
    expect(vocabMatrixFrame(vocabOverview(1000, 220, [5], 7), 64, 600).label).toBeNull();
  });

  it('draws every k-th of GPT-2’s 768 columns, one pixel each, when they do not all fit', () => {
    // Beside the prose on a desktop, 582 - 150 = 432px: 768 columns need 2 per pixel, every 2nd, 384px.
    const desktop = vocabMatrixFrame(overview, 768, 582);
    expect(desktop).toMatchObject({ cols: 768, step: 2, shownCols: 384, columnW: 1, matrixW: 384, width: 534 });
    expect(shownColumns(desktop)).toEqual({ first: [0, 2, 4], last: 766 });
    // 300px need 2.56 per pixel: 3 divides 768, every 3rd, columns 0, 3, 6, …, 765.
    expect(vocabColumns(768, 300)).toEqual({ cols: 768, step: 3, shownCols: 256, columnW: 1 });
    expect(shownColumns(vocabColumns(768, 300))).toEqual({ first: [0, 3, 6], last: 765 });
    // A phone's 216px need 3.56 per pixel: every 4th. gpt2-medium's 1024 in 432px need 2.37; 3 does not divide 1024, 4 does.
    expect(vocabColumns(768, 216)).toEqual({ cols: 768, step: 4, shownCols: 192, columnW: 1 });
    expect(vocabColumns(1024, 432)).toEqual({ cols: 1024, step: 4, shownCols: 256, columnW: 1 });
    // Wide enough for every column: all 768, one pixel each.
    expect(vocabColumns(768, 950)).toEqual({ cols: 768, step: 1, shownCols: 768, columnW: 1 });
  });

  it('reads the value under a point, held inside the picture', () => {
    const all = vocabColumns(64, 256);
    expect(vocabCellAt(0, 0, all, 220)).toEqual({ line: 0, c: 0 });
    expect(vocabCellAt(0.5, 0.5, all, 220)).toEqual({ line: 110, c: 32 });
    expect(vocabCellAt(1, 1, all, 220)).toEqual({ line: 219, c: 63 });
    expect(vocabCellAt(-0.2, 1.3, all, 220)).toEqual({ line: 219, c: 0 });
  });

  it('names the real column of the drawn column under a point', () => {
    const every2nd = vocabColumns(768, 432); // 384 drawn columns
    expect(vocabCellAt(3.5 / 384, 0, every2nd, 220)).toEqual({ line: 0, c: 6 });
    expect(vocabCellAt(0.5, 0, every2nd, 220)).toEqual({ line: 0, c: 384 });
    expect(vocabCellAt(1, 0, every2nd, 220)).toEqual({ line: 0, c: 766 });
  });

  it('takes each line’s values from its row, every step-th column', () => {
    const data = Float32Array.from({ length: 2 * 10 }, (_, i) => i); // 2 rows of 10
    expect(Array.from(drawnValues(data, 10, 1, 3))).toEqual([10, 13, 16, 19]);
    expect(Array.from(drawnValues(data, 10, 1, 1))).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('lists the drawn columns as indices, in each language’s punctuation', () => {
    expect(formatColumnList([0, 3, 6], 765, 'en')).toBe('0, 3, 6, …, 765');
    expect(formatColumnList([0, 3, 6], 765, 'zh')).toBe('0、3、6……765');
    expect(formatColumnList([0, 512, 1024], 1536, 'en')).toBe('0, 512, 1024, …, 1536');
  });
});

describe('flow arrows', () => {
  it('pull the last point back 2px along the last segment, for the arrowhead', () => {
    expect(
      arrowPoints([
        [0, 0],
        [10, 0],
      ]),
    ).toBe('0,0 8,0');
    expect(
      arrowPoints([
        [0, 0],
        [0, 10],
        [10, 10],
      ]),
    ).toBe('0,0 0,10 8,10');
    expect(
      arrowPoints([
        [5, 5],
        [5, 5],
      ]),
    ).toBe('5,5 5,5');
  });
});

describe('the keyboard in a whole-matrix picture', () => {
  // 384 drawn columns of every 2nd, 220 lines: the last drawn column is 766.
  const columns = { step: 2, shownCols: 384 };
  it('moves a line or a drawn column per arrow, to a line’s ends on Home and End, and never off the picture', () => {
    expect(vocabCellStep({ line: 10, c: 4 }, 'ArrowRight', columns, 220)).toEqual({ line: 10, c: 6 });
    expect(vocabCellStep({ line: 10, c: 4 }, 'ArrowUp', columns, 220)).toEqual({ line: 9, c: 4 });
    expect(vocabCellStep({ line: 10, c: 4 }, 'End', columns, 220)).toEqual({ line: 10, c: 766 });
    expect(vocabCellStep({ line: 10, c: 766 }, 'Home', columns, 220)).toEqual({ line: 10, c: 0 });
    expect(vocabCellStep({ line: 0, c: 0 }, 'ArrowLeft', columns, 220)).toEqual({ line: 0, c: 0 });
    expect(vocabCellStep({ line: 219, c: 766 }, 'ArrowDown', columns, 220)).toEqual({ line: 219, c: 766 });
    expect(vocabCellStep({ line: 10, c: 4 }, 'Enter', columns, 220)).toBeNull();
  });
});
