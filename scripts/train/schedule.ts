import { learningRate } from '../../src/core/train/adamw.ts';

// A run's learning rate: a first schedule, then up to three more, each warming up again to its own peak and decaying
// by a cosine to a tenth of it. A later schedule carries a run on from the state the earlier ones left.

export interface Schedule {
  steps: number;
  peakLr: number;
  warmupSteps: number;
}

export interface ScheduledRun {
  steps: number;
  peakLr: number;
  warmupSteps: number;
  continuation?: Schedule;
  extension?: Schedule;
  further?: Schedule;
}

/** The run's schedules in order, each with the step it starts after. */
function schedules(run: ScheduledRun): { after: number; schedule: Schedule }[] {
  const list: { after: number; schedule: Schedule }[] = [];
  let after = 0;
  for (const schedule of [run, run.continuation, run.extension, run.further]) {
    if (!schedule) continue;
    list.push({ after, schedule });
    after += schedule.steps;
  }
  return list;
}

/** Every step of every schedule. */
export function plannedSteps(run: ScheduledRun): number {
  return schedules(run).reduce((sum, { schedule }) => sum + schedule.steps, 0);
}

/** The learning rate at a step counted from 1 over the whole run. */
export function scheduledLr(run: ScheduledRun, step: number): number {
  const { after, schedule } = schedules(run).findLast(({ after }) => step > after)!;
  return learningRate(step - after, schedule.steps, schedule.peakLr, schedule.warmupSteps);
}
