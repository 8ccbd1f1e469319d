import { describe, expect, it } from 'vitest';
import {
  genderSwapByAt,
  genderSwapShareAt,
  moreProseShareAt,
  plannedSteps,
  readsMoreProse,
  scheduledLr,
  swapsGender,
  swapsGenderBy,
} from '../scripts/train/schedule';
import {
  FULL_RUN,
  GENDER_SWAP_RUN,
  MORE_PROSE_RUN,
  MORE_PROSE_SWAP_RUN,
  SHARP_PROSE_SWAP_QUARTER_RUN,
  SHARP_PROSE_SWAP_RUN,
  SHARP_PROSE_SWAP_TEXT_RUN,
} from '../scripts/train/settings';

// Four schedules of 10, 20, 10 and 10 steps, each warming up over 2 steps to its own peak.
const run = {
  steps: 10,
  peakLr: 1e-2,
  warmupSteps: 2,
  continuation: { steps: 20, peakLr: 5e-3, warmupSteps: 2 },
  extension: { steps: 10, peakLr: 2e-3, warmupSteps: 2 },
  further: { steps: 10, peakLr: 1e-3, warmupSteps: 2 },
};

describe('a run of several schedules', () => {
  it('counts the steps of all of them', () => {
    expect(plannedSteps(run)).toBe(50);
    expect(plannedSteps({ steps: 10, peakLr: 1e-2, warmupSteps: 2 })).toBe(10);
  });

  it('warms each schedule up to its own peak and ends it at a tenth of that', () => {
    const ends = [
      [10, 1e-2],
      [30, 5e-3],
      [40, 2e-3],
      [50, 1e-3],
    ] as const;
    for (const [end, peak] of ends) expect(scheduledLr(run, end)).toBeCloseTo(peak / 10, 9);
    // Half-way through each warm-up, then at its peak.
    for (const [start, peak] of [
      [0, 1e-2],
      [10, 5e-3],
      [30, 2e-3],
      [40, 1e-3],
    ] as const) {
      expect(scheduledLr(run, start + 1)).toBeCloseTo(peak / 2, 9);
      expect(scheduledLr(run, start + 2)).toBeCloseTo(peak, 9);
    }
  });

  it('follows the fourth schedule only when there is one', () => {
    const withoutFurther = { ...run, further: undefined };
    expect(plannedSteps(withoutFurther)).toBe(40);
    expect(scheduledLr(withoutFurther, 40)).toBeCloseTo(2e-4, 9);
  });

  it('reads a fifth schedule’s windows swapped when only it asks for that', () => {
    const withFifth = { ...run, fifth: { steps: 10, peakLr: 3e-3, warmupSteps: 2, genderSwapShare: 0.5 } };
    expect(plannedSteps(withFifth)).toBe(60);
    expect(scheduledLr(withFifth, 52)).toBeCloseTo(3e-3, 9);
    expect(genderSwapShareAt(withFifth, 50)).toBe(0);
    expect(genderSwapShareAt(withFifth, 51)).toBe(0.5);
    expect(swapsGender(withFifth)).toBe(true);
    expect(swapsGender(run)).toBe(false);
    // A run that swaps throughout, as GENDER_SWAP_RUN does, swaps in every schedule.
    expect(genderSwapShareAt({ ...run, genderSwapShare: 0.5 }, 45)).toBe(0.5);
  });

  it('swaps in the swap runs’ fifth schedules only, and in every step of GENDER_SWAP_RUN, but never in the shipped run', () => {
    const fourEnd = plannedSteps(FULL_RUN);
    for (const [run, share] of [
      [SHARP_PROSE_SWAP_RUN, 1 / 2],
      [SHARP_PROSE_SWAP_QUARTER_RUN, 1 / 4],
      [SHARP_PROSE_SWAP_TEXT_RUN, 1 / 2],
    ] as const) {
      expect(plannedSteps(run)).toBe(fourEnd + 3000);
      expect(genderSwapShareAt(run, fourEnd)).toBe(0);
      expect(genderSwapShareAt(run, fourEnd + 1)).toBe(share);
      expect(genderSwapShareAt(run, fourEnd + 3000)).toBe(share);
    }
    for (const step of [1, plannedSteps(GENDER_SWAP_RUN)]) expect(genderSwapShareAt(GENDER_SWAP_RUN, step)).toBe(1 / 2);
    expect(swapsGender(FULL_RUN)).toBe(false);
  });

  it('swaps as text only in the schedule that asks for it, and by token everywhere else', () => {
    const fourEnd = plannedSteps(FULL_RUN);
    expect([genderSwapByAt(SHARP_PROSE_SWAP_TEXT_RUN, fourEnd), genderSwapByAt(SHARP_PROSE_SWAP_TEXT_RUN, fourEnd + 1)]).toEqual([
      'tokens',
      'text',
    ]);
    expect([swapsGenderBy(SHARP_PROSE_SWAP_TEXT_RUN, 'text'), swapsGenderBy(SHARP_PROSE_SWAP_TEXT_RUN, 'tokens')]).toEqual([true, false]);
    for (const run of [GENDER_SWAP_RUN, SHARP_PROSE_SWAP_RUN, SHARP_PROSE_SWAP_QUARTER_RUN]) {
      expect([swapsGenderBy(run, 'text'), swapsGenderBy(run, 'tokens')]).toEqual([false, true]);
    }
    expect([swapsGenderBy(FULL_RUN, 'text'), swapsGenderBy(FULL_RUN, 'tokens')]).toEqual([false, false]);
  });

  it('reads the further prose in the more-prose runs’ fifth schedules only, and never in the shipped run', () => {
    const fourEnd = plannedSteps(FULL_RUN);
    for (const run of [MORE_PROSE_RUN, MORE_PROSE_SWAP_RUN]) {
      expect(readsMoreProse(run)).toBe(true);
      expect(plannedSteps(run)).toBe(fourEnd + 3000);
      expect([1, fourEnd, fourEnd + 1, fourEnd + 3000].map((step) => moreProseShareAt(run, step))).toEqual([0, 0, 1 / 3, 1 / 3]);
    }
    expect([genderSwapShareAt(MORE_PROSE_RUN, fourEnd + 1), genderSwapShareAt(MORE_PROSE_SWAP_RUN, fourEnd + 1)]).toEqual([0, 3 / 8]);
    expect(genderSwapByAt(MORE_PROSE_SWAP_RUN, fourEnd + 1)).toBe('text');
    for (const run of [FULL_RUN, SHARP_PROSE_SWAP_TEXT_RUN, GENDER_SWAP_RUN]) expect(readsMoreProse(run)).toBe(false);
  });
});
