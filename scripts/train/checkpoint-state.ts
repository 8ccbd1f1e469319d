import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { LATER_SCHEDULES, laterSchedulesReached, plannedSteps, type ScheduledRun } from './schedule.ts';

// A resumable training state: parameters and both Adam moments, plus where the loop stopped.
export interface TrainState {
  step: number; // steps completed
  elapsedSeconds: number;
  params: Float32Array;
  m: Float32Array;
  v: Float32Array;
}

export function saveState(path: string, state: TrainState, runKey: string): void {
  const header = Buffer.from(JSON.stringify({ step: state.step, elapsedSeconds: state.elapsedSeconds, runKey, n: state.params.length }));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  const tmp = `${path}.tmp`;
  writeFileSync(
    tmp,
    Buffer.concat([
      len,
      header,
      Buffer.from(state.params.buffer, state.params.byteOffset, state.params.byteLength),
      Buffer.from(state.m.buffer),
      Buffer.from(state.v.buffer),
    ]),
  );
  // Rename so an interrupted write never leaves a half checkpoint behind.
  renameSync(tmp, path);
}

/**
 * Whether a state saved at `savedStep` under one run key may be resumed under another: the same settings, except
 * that a run may be lengthened or shortened, and may be given, or change, a later schedule it has not reached yet.
 * A later schedule the state has trained in must be in both and agree in all but its length, so that two runs
 * carried on from the same state with different windows (another swap share, say) never resume each other's
 * checkpoints once they part.
 */
export function sameRun(savedKey: string, runKey: string, savedStep: number): boolean {
  const [saved, run] = [savedKey, runKey].map((key) => JSON.parse(key) as Record<string, unknown>);
  const trainedIn = laterSchedulesReached(saved as unknown as ScheduledRun, savedStep);
  for (const later of LATER_SCHEDULES) {
    const reached = trainedIn.has(later);
    if (reached && !run[later]) return false;
    if (reached) for (const settings of [saved, run]) delete (settings[later] as Record<string, unknown>).steps;
    else for (const settings of [saved, run]) delete settings[later];
  }
  for (const settings of [saved, run]) delete settings.steps;
  return JSON.stringify(saved) === JSON.stringify(run);
}

/** A saved state as written: its header, and the parameters followed by both Adam moments, (3n). */
export function readStateFile(path: string): {
  header: { step: number; elapsedSeconds: number; runKey: string; n: number };
  floats: Float32Array;
} {
  const buf = readFileSync(path);
  const headerLen = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + headerLen).toString('utf8'));
  const start = buf.byteOffset + 4 + headerLen;
  return { header, floats: new Float32Array(buf.buffer.slice(start, start + 3 * header.n * 4)) };
}

/**
 * The saved state, or null when there is none or it belongs to a different run configuration.
 * plannedSteps is the length the saved run was planned for (with its continuation), which may differ from the resuming run's.
 */
export function loadState(path: string, runKey: string, params: Float32Array): (TrainState & { plannedSteps: number }) | null {
  if (!existsSync(path)) return null;
  const { header, floats } = readStateFile(path);
  if (!sameRun(header.runKey, runKey, header.step) || header.n !== params.length) return null;
  const n = header.n;
  params.set(floats.subarray(0, n));
  const planned = plannedSteps(JSON.parse(header.runKey) as ScheduledRun);
  return {
    step: header.step,
    elapsedSeconds: header.elapsedSeconds,
    params,
    m: floats.slice(n, 2 * n),
    v: floats.slice(2 * n, 3 * n),
    plannedSteps: planned,
  };
}
