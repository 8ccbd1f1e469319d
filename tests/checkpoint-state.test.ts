import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadState, sameRun, saveState } from '../scripts/train/checkpoint-state';

const FIRST = { config: { nLayer: 4 }, steps: 4500, peakLr: 0.01, warmupSteps: 200 };
const key = (settings: object) => JSON.stringify(settings);
const fifth = (genderSwapShare: number) => ({ steps: 3000, peakLr: 0.003, warmupSteps: 100, genderSwapShare });

describe('sameRun', () => {
  it('lets a run be lengthened, or carried on by a later schedule, and resumed', () => {
    expect(sameRun(key(FIRST), key({ ...FIRST, steps: 6000 }), 4000)).toBe(true);
    expect(sameRun(key(FIRST), key({ ...FIRST, continuation: { steps: 5000, peakLr: 0.006, warmupSteps: 200 } }), 4500)).toBe(true);
    expect(sameRun(key({ ...FIRST, fifth: fifth(0.25) }), key({ ...FIRST, fifth: { ...fifth(0.25), steps: 4000 } }), 5000)).toBe(true);
  });

  it('keeps apart runs that differ in anything but their length', () => {
    expect(sameRun(key(FIRST), key({ ...FIRST, peakLr: 0.003 }), 100)).toBe(false);
    expect(sameRun(key(FIRST), key({ ...FIRST, config: { nLayer: 6 } }), 100)).toBe(false);
  });

  it('keeps apart two runs carried on from the same state once their later schedules, which read other windows, have begun', () => {
    // The fifth schedule starts after step 4,500: a state from step 5,000 has read a quarter of its windows swapped.
    expect(sameRun(key({ ...FIRST, fifth: fifth(0.25) }), key({ ...FIRST, fifth: fifth(0.375) }), 5000)).toBe(false);
    expect(sameRun(key({ ...FIRST, fifth: fifth(0.25) }), key(FIRST), 5000)).toBe(false);
    // Both carry on from the state of step 4,500, which neither has trained past.
    expect(sameRun(key({ ...FIRST, fifth: fifth(0.25) }), key({ ...FIRST, fifth: fifth(0.375) }), 4500)).toBe(true);
  });
});

describe('loadState', () => {
  const dir = mkdtempSync(join(tmpdir(), 'checkpoint-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'train-state.bin');
  const n = 3;
  saveState(
    path,
    { step: 4620, elapsedSeconds: 9.5, params: Float32Array.of(1, 2, 3), m: Float32Array.of(4, 5, 6), v: Float32Array.of(7, 8, 9) },
    key({ ...FIRST, fifth: fifth(0.25) }),
  );

  it('gives back what was saved, with the length the saved run was planned for', () => {
    const state = loadState(path, key({ ...FIRST, fifth: { ...fifth(0.25), steps: 1000 } }), new Float32Array(n));
    expect(state).toMatchObject({ step: 4620, elapsedSeconds: 9.5, plannedSteps: 4500 + 3000 });
    expect([...state!.params, ...state!.m, ...state!.v]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('gives nothing to another run, or to a model of another size', () => {
    expect(loadState(path, key({ ...FIRST, fifth: fifth(0.375) }), new Float32Array(n))).toBeNull();
    expect(loadState(path, key({ ...FIRST, fifth: fifth(0.25) }), new Float32Array(n + 1))).toBeNull();
    expect(loadState(join(dir, 'none.bin'), key(FIRST), new Float32Array(n))).toBeNull();
  });
});
