import { learningRate } from '../../src/core/train/adamw.ts';

// A run's learning rate: a first schedule, then up to four more, each warming up again to its own peak and decaying
// by a cosine to a tenth of it. A later schedule carries a run on from the state the earlier ones left, and may read
// a share of its windows gender-swapped (genderSwap.ts) where the run's earlier schedules read them as written.

export interface Schedule {
  steps: number;
  peakLr: number;
  warmupSteps: number;
  /** The share of this schedule's windows read gender-swapped, in place of the run's own `genderSwapShare`. */
  genderSwapShare?: number;
  /**
   * How its windows are swapped: by token (the default; genderSwap.ts), which leaves names and any word that is not
   * one token as they are, or as text (genderSwapText.ts), which swaps those too.
   */
  genderSwapBy?: GenderSwapWay;
  /** The share of this schedule's windows drawn from the further prose (scripts/corpus/more-prose.ts); none without. */
  moreProseShare?: number;
}

/** How a window is read gender-swapped: token by token (genderSwap.ts) or as text (genderSwapText.ts). */
export type GenderSwapWay = 'tokens' | 'text';

export interface ScheduledRun {
  steps: number;
  peakLr: number;
  warmupSteps: number;
  continuation?: Schedule;
  extension?: Schedule;
  further?: Schedule;
  fifth?: Schedule;
  genderSwapShare?: number;
}

/** The schedules that carry a run on after its first, in order. */
export const LATER_SCHEDULES = ['continuation', 'extension', 'further', 'fifth'] as const;

type LaterSchedule = (typeof LATER_SCHEDULES)[number];

/** The run's schedules in order, each with its name (null for the first) and the step it starts after. */
function schedules(run: ScheduledRun): { name: LaterSchedule | null; after: number; schedule: Schedule }[] {
  const list: { name: LaterSchedule | null; after: number; schedule: Schedule }[] = [];
  let after = 0;
  for (const [name, schedule] of [[null, run] as const, ...LATER_SCHEDULES.map((later) => [later, run[later]] as const)]) {
    if (!schedule) continue;
    list.push({ name, after, schedule });
    after += schedule.steps;
  }
  return list;
}

/** The later schedules a state saved after `step` steps of the run has trained in. */
export function laterSchedulesReached(run: ScheduledRun, step: number): Set<LaterSchedule> {
  return new Set(schedules(run).flatMap(({ name, after }) => (name !== null && after < step ? [name] : [])));
}

/** Every step of every schedule. */
export function plannedSteps(run: ScheduledRun): number {
  return schedules(run).reduce((sum, { schedule }) => sum + schedule.steps, 0);
}

function scheduleAt(run: ScheduledRun, step: number): { after: number; schedule: Schedule } {
  return schedules(run).findLast(({ after }) => step > after)!;
}

/** The learning rate at a step counted from 1 over the whole run. */
export function scheduledLr(run: ScheduledRun, step: number): number {
  const { after, schedule } = scheduleAt(run, step);
  return learningRate(step - after, schedule.steps, schedule.peakLr, schedule.warmupSteps);
}

/** The share of a schedule's windows read gender-swapped: its own, or else the run's (0 for none). */
function swapShareOf(run: ScheduledRun, schedule: Schedule): number {
  return schedule.genderSwapShare ?? run.genderSwapShare ?? 0;
}

/** The share of a step's windows read gender-swapped. */
export function genderSwapShareAt(run: ScheduledRun, step: number): number {
  return swapShareOf(run, scheduleAt(run, step).schedule);
}

/** How a step's swapped windows are swapped: its schedule's own way, by token unless it says as text. */
export function genderSwapByAt(run: ScheduledRun, step: number): GenderSwapWay {
  return scheduleAt(run, step).schedule.genderSwapBy ?? 'tokens';
}

/** Whether any step of the run swaps its windows this way. */
export function swapsGenderBy(run: ScheduledRun, way: GenderSwapWay): boolean {
  return schedules(run).some(({ schedule }) => swapShareOf(run, schedule) > 0 && (schedule.genderSwapBy ?? 'tokens') === way);
}

/** Whether any step of the run reads swapped windows. */
export function swapsGender(run: ScheduledRun): boolean {
  return swapsGenderBy(run, 'tokens') || swapsGenderBy(run, 'text');
}

/** The share of a step's windows drawn from the further prose. */
export function moreProseShareAt(run: ScheduledRun, step: number): number {
  return scheduleAt(run, step).schedule.moreProseShare ?? 0;
}

/** Whether any step of the run reads the further prose. */
export function readsMoreProse(run: ScheduledRun): boolean {
  return schedules(run).some(({ schedule }) => (schedule.moreProseShare ?? 0) > 0);
}
