import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutHeatmap } from '../src/viz/heatmap';
import { robustMaxAbs, weightMaxAbs, divergingColor, sequentialColor, MASKED_FILL } from '../src/viz/colors';
import { chipWidth, layoutTokenChips, sharedPrefix, wordPieces } from '../src/viz/tokens';
import { layoutFlow } from '../src/viz/flow';
import { layoutAttentionLines } from '../src/viz/arcs';
import { parseProse } from '../src/viz/prose';
import { labelEvery, layoutStageMap, tickAt } from '../src/viz/stageMap';
import { buildStages } from '../src/viz/stages';

describe('heatmap layout', () => {
  it('places cells row-major on a grid', () => {
    const h = layoutHeatmap([1, 2, 3, 4, 5, 6], 2, 3, { width: 30 });
    expect(h.cellW).toBe(10);
    expect(h.cells.length).toBe(6);
    expect(h.cells[4]).toEqual({ r: 1, c: 1, x: 10, y: 10, value: 5 });
    expect(h.width).toBe(30);
    expect(h.height).toBe(20);
  });

  it('never makes cells narrower than the minimum, so wide matrices scroll instead', () => {
    const h = layoutHeatmap(new Float32Array(2 * 256), 2, 256, { width: 300, minCellW: 4 });
    expect(h.cellW).toBe(4);
    expect(h.width).toBe(1024);
  });

  it('fits within the offered width whenever the minimum allows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 100, max: 1200 }),
        (cols, rows, width) => {
          const h = layoutHeatmap(new Float32Array(rows * cols), rows, cols, { width });
          if (cols * 3 <= width) expect(h.width).toBeLessThanOrEqual(width + 1e-9);
          expect(h.cells.length).toBe(rows * cols);
        },
      ),
    );
  });

  it('refuses data that cannot fill the grid', () => {
    expect(() => layoutHeatmap([1, 2], 2, 2, { width: 10 })).toThrow(/cannot fill 2 × 2/);
  });
});

describe('colour scales', () => {
  it('diverging: white at zero, red positive, blue negative, grey for −∞', () => {
    const color = divergingColor(1);
    for (const channel of color(0).match(/\d+/g)!.map(Number)) expect(channel).toBeGreaterThan(230);
    const red = color(1).match(/\d+/g)!.map(Number);
    const blue = color(-1).match(/\d+/g)!.map(Number);
    expect(red[0]).toBeGreaterThan(red[2]);
    expect(blue[2]).toBeGreaterThan(blue[0]);
    expect(color(-Infinity)).toBe(MASKED_FILL);
  });

  it('sequential: darker for larger weights', () => {
    const color = sequentialColor(1);
    const sum = (c: string) =>
      c
        .match(/\d+/g)!
        .map(Number)
        .reduce((a, b) => a + b, 0);
    expect(sum(color(0.9))).toBeLessThan(sum(color(0.1)));
  });

  it('a scale over an empty range still gives a colour for every finite value', () => {
    for (const color of [divergingColor(0), sequentialColor(0), divergingColor(NaN)]) {
      expect(color(0)).toMatch(/^rgb\(\d+, \d+, \d+\)$/);
      expect(color(5)).toMatch(/^rgb\(\d+, \d+, \d+\)$/);
    }
  });

  it('robust limit ignores a single outlier', () => {
    const data = new Float32Array(100).fill(1);
    data[0] = 1000;
    expect(robustMaxAbs(data)).toBe(1);
    expect(robustMaxAbs([0, 0])).toBe(1);
  });

  it('robust limit is the 98th percentile of |value| a full sort gives, skipping values that are not finite', () => {
    const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(NaN, Infinity, -Infinity, 0));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400, size: 'max' }), (values) => {
        const sorted = values
          .filter(Number.isFinite)
          .map(Math.abs)
          .sort((a, b) => a - b);
        const percentile = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.98))];
        expect(robustMaxAbs(values)).toBe(sorted.length === 0 || !(percentile > 0) ? 1 : percentile);
      }),
    );
  });

  it('robust limit of a weight matrix long enough for the selection’s sampling step (over 600 values) is a full sort’s too', () => {
    const weights = fc.float32Array({ minLength: 601, maxLength: 5000, noDefaultInfinity: false });
    fc.assert(
      fc.property(weights, (w) => {
        const sorted = Array.from(w)
          .filter(Number.isFinite)
          .map(Math.abs)
          .sort((a, b) => a - b);
        const percentile = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.98))];
        expect(robustMaxAbs(w)).toBe(sorted.length === 0 || !(percentile > 0) ? 1 : percentile);
      }),
      { numRuns: 50 },
    );
  });
  it('keeps a weight matrix’s limit: the same as robustMaxAbs, computed from the matrix it first saw', () => {
    const weights = Float32Array.from({ length: 200 }, (_, i) => (i % 2 ? -1 : 1) * (i + 1));
    expect(weightMaxAbs(weights)).toBe(robustMaxAbs(weights));
    // Weights do not change once loaded, so a second call answers from the first.
    weights.fill(0);
    expect(weightMaxAbs(weights)).toBe(robustMaxAbs(Float32Array.from({ length: 200 }, (_, i) => i + 1)));
  });
});

describe('token chips', () => {
  it('wrap to a new line when the next chip does not fit', () => {
    const l = layoutTokenChips([50, 50, 50], 120, 10, 30);
    expect(l.chips).toEqual([
      { x: 0, y: 0, w: 50 },
      { x: 60, y: 0, w: 50 },
      { x: 0, y: 30, w: 50 },
    ]);
    expect(l.height).toBe(60);
  });

  it('never exceed the width, even for one huge chip', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 50 }), fc.integer({ min: 40, max: 400 }), (widths, max) => {
        const l = layoutTokenChips(widths, max);
        for (const c of l.chips) expect(c.x + c.w).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('chip width grows with the label, a wide character (CJK, emoji) a whole 14px em and a narrow one 0.6 em, plus 12px of padding', () => {
    expect(chipWidth('ab')).toBeLessThan(chipWidth('abcd'));
    expect(chipWidth('a')).toBe(21); // ⌈8.4 + 12⌉
    expect(chipWidth('😀')).toBe(26);
    expect(chipWidth('北京')).toBe(40);
    expect(chipWidth('👩\u200D👩\u200D👧')).toBe(26); // one picture, though five code points
  });

  it('count the chips that stay still when the text changes', () => {
    expect(sharedPrefix([464, 5822, 531], [464, 5822, 531, 284])).toBe(3); // one word typed at the end
    expect(sharedPrefix([464, 5822, 531], [464, 6511, 531])).toBe(1); // a word changed in the middle
    expect(sharedPrefix([], [1, 2])).toBe(0);
    expect(sharedPrefix([1, 2], [])).toBe(0);
  });
});

describe('overview diagram', () => {
  it('lays boxes in one row, two rows beside the prose, or a column on phones, inside the width', () => {
    for (const width of [340, 600, 1100]) {
      const f = layoutFlow(width);
      expect(f.nodes.map((n) => n.id)).toEqual(['text', 'tokens', 'vectors', 'attention', 'mlp', 'lastVector', 'logits', 'probs']);
      for (const n of f.nodes) {
        expect(n.x + n.w).toBeLessThanOrEqual(f.width);
        expect(n.y + n.h).toBeLessThanOrEqual(f.height);
      }
      expect(f.width).toBeLessThanOrEqual(width);
      expect(f.loop.x + f.loop.w).toBeLessThanOrEqual(f.width);
      expect(f.arrows.length).toBe(7);
      // No two boxes overlap.
      for (const a of f.nodes)
        for (const b of f.nodes)
          if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    }
    expect(layoutFlow(340).mode).toBe('column');
    expect(layoutFlow(600).mode).toBe('twoRows');
    expect(layoutFlow(1100).mode).toBe('row');
  });

  it('keeps every box wide enough for its name (13 characters of 14px text in English)', () => {
    for (const width of [340, 600, 1100]) for (const n of layoutFlow(width).nodes.slice(5)) expect(n.w).toBeGreaterThanOrEqual(100);
  });

  it('names W_e, W_u and softmax on the boxes they make', () => {
    const via = Object.fromEntries(layoutFlow(600).nodes.map((n) => [n.id, n.via]));
    expect(via.vectors).toContain('W_e');
    expect(via.logits).toContain('W_u');
    expect(via.probs).toBe('softmax');
  });
});

describe('attention lines', () => {
  // weights (3, 3), causal
  const w = [1, 0, 0, 0.3, 0.7, 0, 0.01, 0.5, 0.49];
  it('connect each query to earlier keys with enough weight', () => {
    const lines = layoutAttentionLines(w, 3, 10, null);
    expect(lines.map((l) => [l.from, l.to])).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [2, 1],
      [2, 2],
    ]);
    expect(lines[1]).toMatchObject({ y1: 15, y2: 5, weight: 0.3 });
  });
  it('only the selected query when asked', () => {
    expect(layoutAttentionLines(w, 3, 10, 1).map((l) => l.to)).toEqual([0, 1]);
  });
});

describe('prose parser', () => {
  it('splits math and bold', () => {
    expect(parseProse('a **b** $x^2$ c')).toEqual([
      { kind: 'text', text: 'a ', bold: false },
      { kind: 'text', text: 'b', bold: true },
      { kind: 'text', text: ' ', bold: false },
      { kind: 'math', tex: 'x^2', bold: false },
      { kind: 'text', text: ' c', bold: false },
    ]);
  });
  it('keeps bold across math and shows an unmatched $ literally', () => {
    expect(parseProse('**a $y$ b**')).toEqual([
      { kind: 'text', text: 'a ', bold: true },
      { kind: 'math', tex: 'y', bold: true },
      { kind: 'text', text: ' b', bold: true },
    ]);
    expect(parseProse('costs $5')).toEqual([
      { kind: 'text', text: 'costs ', bold: false },
      { kind: 'text', text: '$5', bold: false },
    ]);
  });
  it('never loses text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const joined = parseProse(s)
          .map((p) => (p.kind === 'math' ? `$${p.tex}$` : p.text))
          .join('');
        expect(joined.replace(/\*\*/g, '').replace(/\$\$/g, '')).toBe(s.replace(/\*\*/g, '').replace(/\$\$/g, ''));
      }),
    );
  });
});

describe('word pieces', () => {
  it('marks every token of a split word, and no whole word', () => {
    // " smart" + "phone" is one word in two pieces; " is" and " here" are whole words.
    expect(wordPieces([' smart', 'phone', ' is', ' here', '.'])).toEqual([true, true, false, false, false]);
    expect(wordPieces(['Hello', ',', ' world'])).toEqual([false, false, false]);
    expect(wordPieces(['un', 'believ', 'able'])).toEqual([true, true, true]);
  });
});

describe('stage map', () => {
  const stages = buildStages(4);
  it('has one tick per stage and sections for the embedding, each layer and the output', () => {
    const map = layoutStageMap(stages, 670);
    expect(map.ticks.length).toBe(stages.length);
    expect(map.sections.map((s) => s.layer)).toEqual([null, 0, 1, 2, 3, null]);
    const last = map.ticks[map.ticks.length - 1];
    expect(last.x + last.w).toBeCloseTo(670, 6);
    // Every tick sits inside its own section.
    for (const tick of map.ticks) {
      const stage = stages[tick.index];
      const section = map.sections.find((s) => tick.x >= s.x - 1e-9 && tick.x + tick.w <= s.x + s.w + 1e-9)!;
      expect(section.layer).toBe(stage.layer);
    }
  });
  it('finds the tick under a click and nothing in a gap', () => {
    const map = layoutStageMap(stages, 670, 6);
    const t = map.ticks[20];
    expect(tickAt(map, t.x + t.w / 2)).toBe(20);
    const firstLayer = map.sections[1];
    expect(tickAt(map, firstLayer.x - 3)).toBeNull();
    expect(tickAt(map, -1)).toBeNull();
  });
  it('names every layer of the default model, and fits gpt2-medium’s 24 layers on a phone, named every other one', () => {
    expect(labelEvery(layoutStageMap(stages, 340))).toBe(1);
    const deep = buildStages(24);
    for (const [width, every] of [
      [340, 2], // a layer every 14px: 2, 4, …, 24
      [1060, 1],
    ]) {
      const map = layoutStageMap(deep, width);
      const last = map.ticks[map.ticks.length - 1];
      expect(last.x + last.w).toBeCloseTo(width, 6); // no wider than the panel
      expect(labelEvery(map)).toBe(every);
    }
  });
});

describe('W_e overview', () => {
  it('draws real rows only, with every looked-up row on its own line and the selected one always', async () => {
    const { vocabOverview } = await import('../src/viz/vocabMatrix');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        (V, height, raw, pick) => {
          const ids = raw.map((x) => x % V);
          const selected = ids[pick % ids.length];
          const { rowOfLine, marks } = vocabOverview(V, height, ids, selected);
          expect(rowOfLine.length).toBe(Math.min(V, height));
          for (const r of rowOfLine) expect(r >= 0 && r < V).toBe(true);
          // Rows stay in vocabulary order down the picture.
          for (let i = 1; i < rowOfLine.length; i++) expect(rowOfLine[i]).toBeGreaterThanOrEqual(rowOfLine[i - 1]);
          expect(rowOfLine[marks.find((m) => m.selected)!.line]).toBe(selected);
          expect(marks.map((m) => m.id)).toEqual([...new Set(ids)].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('draws real columns only, each a whole number of pixels wide, within the room beside the marks', async () => {
    const { vocabMatrixFrame, vocabOverview } = await import('../src/viz/vocabMatrix');
    const overview = vocabOverview(50257, 220, [0], 0);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 0, max: 2400 }), (C, width) => {
        const f = vocabMatrixFrame(overview, C, width);
        expect(Number.isInteger(f.columnW) && f.columnW >= 1 && f.columnW <= 4).toBe(true);
        expect(f.matrixW).toBe(f.shownCols * f.columnW);
        expect(f.matrixW).toBeLessThanOrEqual(Math.max(96, width - 150));
        expect((f.shownCols - 1) * f.step).toBeLessThan(C); // the last drawn column is a real one
        expect(f.shownCols * f.step).toBeGreaterThanOrEqual(C); // and the step reaches the end
      }),
    );
  });

  it('shows every row when the picture is as tall as the vocabulary', async () => {
    const { vocabOverview } = await import('../src/viz/vocabMatrix');
    expect(Array.from(vocabOverview(5, 10, [3], 3).rowOfLine)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('the overview diagram follows the stepper', () => {
  it('lights the box of every stage, block stages included', async () => {
    const { buildStages } = await import('../src/viz/stages');
    const { flowNodeForStage } = await import('../src/viz/flow');
    const boxes = buildStages(2).map((s) => `${s.kind}:${flowNodeForStage(s)}`);
    expect(boxes.slice(0, 4)).toEqual(['tokens:tokens', 'tokEmb:vectors', 'posEmb:vectors', 'x0:vectors']);
    expect(boxes).toContain('scores:attention');
    expect(boxes).toContain('gelu:mlp');
    expect(boxes.slice(-3)).toEqual(['lnF:lastVector', 'logits:logits', 'probs:probs']);
  });
});
