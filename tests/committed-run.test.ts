import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restoreCommittedRun, saveCommittedRun } from '../scripts/train/paths';

// A run's state committed to runs/NAME, and a fresh checkout's run starting from it.
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeState(dir: string, tag: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'train-state.bin'), `state ${tag}`);
  writeFileSync(join(dir, 'loss-log.json'), `[${JSON.stringify(tag)}]`);
  writeFileSync(join(dir, 'schedule-changes.json'), '[]');
}

describe('a run committed to runs/', () => {
  it('saves the three state files under the run folder’s name and restores them into an empty data folder', () => {
    root = mkdtempSync(join(tmpdir(), 'committed-run-'));
    const runs = join(root, 'runs');
    writeState(join(root, 'data', 'model-x'), 'a');
    expect(saveCommittedRun(join(root, 'data', 'model-x'), runs)).toBe(join(runs, 'model-x'));
    const fresh = join(root, 'fresh', 'model-x');
    expect(restoreCommittedRun(fresh, runs)).toBe(true);
    expect(readFileSync(join(fresh, 'train-state.bin'), 'utf8')).toBe('state a');
    expect(readFileSync(join(fresh, 'loss-log.json'), 'utf8')).toBe('["a"]');
  });

  it('leaves a folder that has a checkpoint of its own alone, and does nothing when nothing was committed', () => {
    root = mkdtempSync(join(tmpdir(), 'committed-run-'));
    const runs = join(root, 'runs');
    writeState(join(runs, 'model-x'), 'committed');
    const own = join(root, 'data', 'model-x');
    writeState(own, 'own');
    expect(restoreCommittedRun(own, runs)).toBe(false);
    expect(readFileSync(join(own, 'train-state.bin'), 'utf8')).toBe('state own');
    expect(() => saveCommittedRun(join(root, 'data', 'model-empty'), runs)).toThrow(/no checkpoint to save/);
    const other = join(root, 'data', 'model-y');
    expect(restoreCommittedRun(other, runs)).toBe(false);
    expect(existsSync(other)).toBe(false);
  });
});
