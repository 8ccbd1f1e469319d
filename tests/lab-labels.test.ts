import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crosses, labelBox, overlaps, placeLabels, type LabelRequest } from '../src/viz/lab/labels';
import { monoTextWidth } from '../src/viz/fitText';

// At 10px a monospace character is 6px wide and the line 12px high.
const request = (key: string, px: number, py: number, text: string, required = false): LabelRequest => ({
  key,
  px,
  py,
  text,
  fontSize: 10,
  required,
});

describe('lab picture labels', () => {
  it('put a lone label to the right of its dot', () => {
    const [label] = placeLabels([request('king', 100, 50, 'king')], 300, 200, 6);
    expect(label).toMatchObject({ key: 'king', anchor: 'start' });
    // 'king' is 4 × 6 px wide, starting 10 px right of the dot's centre, centred on it vertically.
    const box = labelBox(request('king', 100, 50, 'king'), label);
    expect(box.left).toBe(110);
    expect(box.right).toBe(134);
    expect(box.top).toBeCloseTo(44, 9);
    expect(box.bottom).toBeCloseTo(56, 9);
  });

  it('count a Chinese character or an emoji as a full em, a Latin letter as 0.6', () => {
    expect(monoTextWidth('king', 10)).toBe(24);
    expect(monoTextWidth('国王', 10)).toBe(20);
    expect(monoTextWidth('👑a', 10)).toBe(16);
  });

  it('show a required label even where every spot is taken, and leave an optional one out', () => {
    // Three dots in a tight column, with labels (120px) too long to fit beside a dot in a 200px frame:
    // the outer two go above and below, and the middle one has no free spot.
    const long = (c: string) => c.repeat(20);
    const crowd = [request('top', 100, 40, long('a')), request('bottom', 100, 60, long('b'))];
    const squeezed = (required: boolean) => placeLabels([...crowd, request('mid', 100, 50, long('c'), required)], 200, 100, 6);
    expect(squeezed(false).map((l) => l.key)).toEqual(['top', 'bottom']);
    expect(squeezed(true).map((l) => l.key)).toEqual(['top', 'bottom', 'mid']);
  });

  it('turn a label left at the right edge of the frame', () => {
    const [label] = placeLabels([request('queen', 290, 50, 'queen')], 300, 200, 6);
    expect(label.anchor).toBe('end');
  });

  it('move the second of two neighbours out of the first one’s way', () => {
    const placed = placeLabels([request('a', 100, 50, 'woman'), request('b', 100, 62, 'women')], 300, 200, 6);
    expect(placed).toHaveLength(2);
    expect(overlaps(labelBox(request('a', 100, 50, 'woman'), placed[0]), labelBox(request('b', 100, 62, 'women'), placed[1]))).toBe(false);
  });

  it('never overlap each other, cover another dot, or leave the frame', () => {
    const W = 320,
      H = 200,
      R = 6;
    const points = fc.uniqueArray(
      fc.record({
        px: fc.integer({ min: 0, max: W }),
        py: fc.integer({ min: 0, max: H }),
        text: fc.string({ minLength: 1, maxLength: 9 }),
      }),
      { maxLength: 16, selector: (p) => `${p.px},${p.py}` },
    );
    fc.assert(
      fc.property(points, (ps) => {
        const requests = ps.map((p, i) => request(String(i), p.px, p.py, p.text));
        const placed = placeLabels(requests, W, H, R); // none required: every placed label must be free
        const boxes = placed.map((l) => labelBox(requests[Number(l.key)], l));
        boxes.forEach((box, i) => {
          expect(box.left >= 0 && box.right <= W && box.top >= 0 && box.bottom <= H).toBe(true);
          boxes.forEach((other, j) => j !== i && expect(overlaps(box, other)).toBe(false));
          requests.forEach((r, j) => {
            if (String(j) === placed[i].key) return;
            expect(overlaps(box, { left: r.px - R, right: r.px + R, top: r.py - R, bottom: r.py + R })).toBe(false);
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keep a required label inside the frame however long it is and wherever its dot is', () => {
    const W = 300,
      H = 200;
    const texts = fc.string({ minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: W }), fc.integer({ min: 0, max: H }), texts, (px, py, text) => {
        const r = request('result', px, py, text, true);
        const [label] = placeLabels([r], W, H, 6);
        const shown = label.text ?? text;
        const box = labelBox({ ...r, text: shown }, label);
        expect(box.left).toBeGreaterThanOrEqual(-1e-9);
        expect(box.right).toBeLessThanOrEqual(W + 1e-9);
        // Shortened only when it could not fit at all, and then it says so with an ellipsis.
        if (label.text !== undefined) {
          expect(monoTextWidth(text, 10)).toBeGreaterThan(W);
          expect(label.text.endsWith('…')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tell whether a line passes through a box', () => {
    const box = { left: 10, top: 10, right: 20, bottom: 20 };
    expect(crosses({ x1: 0, y1: 15, x2: 30, y2: 15 }, box)).toBe(true); // straight through
    expect(crosses({ x1: 12, y1: 12, x2: 14, y2: 14 }, box)).toBe(true); // wholly inside
    expect(crosses({ x1: 0, y1: 0, x2: 30, y2: 5 }, box)).toBe(false); // passes above
    expect(crosses({ x1: 0, y1: 30, x2: 30, y2: 0 }, box)).toBe(true); // the diagonal through the middle
    expect(crosses({ x1: 0, y1: 0, x2: 9, y2: 9 }, box)).toBe(false); // stops short
  });

  it('keep labels off the arrows', () => {
    // An arrow leaves the dot to the right, where the label would go first.
    const r = request('king', 100, 50, 'king');
    const arrow = { x1: 100, y1: 50, x2: 200, y2: 50 };
    const [label] = placeLabels([r], 300, 200, 6, [arrow]);
    expect(crosses(arrow, labelBox(r, label))).toBe(false);
    expect(label.anchor).not.toBe('start');
  });
});
