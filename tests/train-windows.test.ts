import { describe, expect, it } from 'vitest';
import { createRng } from '../src/core/rng';
import { drawWindowStarts, proseEnd } from '../scripts/train/windows';

const EOT = 9;

describe('proseEnd', () => {
  it('ends just after the last prose document’s end-of-text token', () => {
    const train = Uint16Array.from([1, 2, EOT, 3, EOT, 4, 5, EOT, 6, EOT]);
    expect(proseEnd(train, EOT, 1)).toBe(3);
    expect(proseEnd(train, EOT, 2)).toBe(5);
  });

  it('is the whole corpus when it holds fewer prose documents than the full corpus does (a corpus cut short)', () => {
    const train = Uint16Array.from([1, 2, EOT, 3, 4]);
    expect(proseEnd(train, EOT, 495)).toBe(5);
  });
});

describe('drawWindowStarts', () => {
  const length = 10_000;
  const seqLen = 16;

  it('without a mix, draws what the loop always drew: floor(u · (length − seqLen − 1)) for each u of the rng', () => {
    const reference = createRng(7);
    const expected = Array.from({ length: 50 }, () => Math.floor(reference.next() * (length - seqLen - 1)));
    expect(drawWindowStarts(createRng(7), 50, seqLen, length)).toEqual(expected);
  });

  it('keeps every window, and the token it predicts, inside its own source', () => {
    const mix = { end: 3_000, share: 0.5 };
    for (const s of drawWindowStarts(createRng(1), 2_000, seqLen, length, mix)) {
      const window = [s, s + seqLen];
      const inProse = s < mix.end;
      expect(window[1] + 1 <= (inProse ? mix.end : length)).toBe(true);
    }
  });

  it('starts the given share of windows in the prose, whatever its length', () => {
    const starts = drawWindowStarts(createRng(2), 20_000, seqLen, length, { end: 1_000, share: 2 / 3 });
    const share = starts.filter((s) => s < 1_000).length / starts.length;
    // 20,000 draws: the standard error of the share is about 0.003.
    expect(share).toBeGreaterThan(0.65);
    expect(share).toBeLessThan(0.683);
  });

  it('refuses a mix with no room for a window on one side, instead of quietly reading both sources as they come', () => {
    expect(() => drawWindowStarts(createRng(3), 100, seqLen, length, { end: 10, share: 0.9 })).toThrow(/room for a window/);
    expect(() => drawWindowStarts(createRng(3), 100, seqLen, length, { end: length, share: 0.9 })).toThrow(/room for a window/);
  });
});
