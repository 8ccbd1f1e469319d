import { describe, expect, it } from 'vitest';
import { createRng } from '../src/core/rng';
import { drawWindowStarts, moreProseAt, proseEnd } from '../scripts/train/windows';
import { plannedSteps } from '../scripts/train/schedule';
import { FULL_RUN, MORE_PROSE_RUN } from '../scripts/train/settings';

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

  it('draws what it drew before the further prose existed when a step reads none of it', () => {
    // Recorded from drawWindowStarts as it was at commit baf836a, before the further prose: older runs must see the same windows.
    const mix = { end: 3_000, share: 0.5 };
    const none = { start: length, end: length + 5_000, share: 0 };
    expect(drawWindowStarts(createRng(11), 12, seqLen, length, mix, none)).toEqual([
      6700, 7121, 6757, 1582, 6144, 2516, 1999, 4122, 823, 1124, 3890, 7025,
    ]);
    expect(drawWindowStarts(createRng(11), 6, seqLen, length, undefined, none)).toEqual([5107, 5290, 6070, 5891, 8493, 5371]);
  });

  it('starts the further prose’s share of windows after the training tokens, each window inside it, and splits the rest by the mix', () => {
    const mix = { end: 3_000, share: 0.5 };
    const more = { start: length, end: length + 5_000, share: 1 / 3 };
    const starts = drawWindowStarts(createRng(5), 30_000, seqLen, length, mix, more);
    const inMore = starts.filter((s) => s >= more.start);
    for (const s of inMore) expect(s + seqLen + 1 <= more.end).toBe(true);
    for (const s of starts.filter((s) => s < more.start))
      expect(s < mix.end ? s + seqLen + 1 <= mix.end : s + seqLen + 1 <= length).toBe(true);
    // 30,000 draws: the standard errors of these shares are about 0.003.
    expect(Math.abs(inMore.length / starts.length - 1 / 3)).toBeLessThan(0.012);
    const prose = starts.filter((s) => s < mix.end).length / starts.length;
    expect(Math.abs(prose - 1 / 3)).toBeLessThan(0.012);
  });

  it('refuses a share of further prose outside [0, 1]', () => {
    for (const share of [-0.1, 1.5, NaN]) {
      expect(() => drawWindowStarts(createRng(6), 10, seqLen, length, undefined, { start: length, end: length + 5_000, share })).toThrow(
        /must lie in \[0, 1\]/,
      );
    }
  });

  it('refuses further prose too short for a window', () => {
    expect(() => drawWindowStarts(createRng(6), 10, seqLen, length, undefined, { start: length, end: length + 10, share: 0.5 })).toThrow(
      /too few for a window/,
    );
  });
});

describe('moreProseAt', () => {
  const fourEnd = plannedSteps(FULL_RUN);

  it('gives the shipped run no further prose at any step, even with the tokens at hand', () => {
    for (const step of [1, 4500, fourEnd]) expect(moreProseAt(FULL_RUN, step, 1_000, 500)).toBeUndefined();
  });

  it('places the further prose after the training tokens in the steps of a schedule that reads it, and only there', () => {
    expect(moreProseAt(MORE_PROSE_RUN, fourEnd, 1_000, 500)).toBeUndefined();
    expect(moreProseAt(MORE_PROSE_RUN, fourEnd + 1, 1_000, 500)).toEqual({ start: 1_000, end: 1_500, share: 1 / 3 });
    expect(moreProseAt(MORE_PROSE_RUN, fourEnd + 1, 1_000, 0)).toBeUndefined();
  });
});
