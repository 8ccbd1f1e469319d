import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { forward } from '../src/core/gpt';

// `npm run train -- --quick` end to end: corpus → BPE → PPMI+SVD → two worker threads → model folder.
const ROOT = resolve(import.meta.dirname, '..');

function run(script: string, args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${script} failed:\n${res.stdout}\n${res.stderr}`);
  return res.stdout;
}

interface Row {
  step: number;
  loss: number;
  valLoss: number | null;
  lr: number;
}

describe('quick training run', () => {
  run('scripts/corpus/build.ts', []);
  const outA = mkdtempSync(join(tmpdir(), 'inside-gpt-train-a-'));
  const outB = mkdtempSync(join(tmpdir(), 'inside-gpt-train-b-'));
  const stdout = run('scripts/train/train.ts', ['--quick', '--fresh', '--out', outA]);
  const logA = JSON.parse(readFileSync(join(outA, 'training-log.json'), 'utf8')) as { rows: Row[] };

  it('prints progress with loss, tokens/s and ETA', () => {
    expect(stdout).toMatch(/step \d+\/\d+ loss \d+\.\d+ \d+ tok\/s ETA \d+m\d+s/);
  });

  it('lowers the training and validation loss', () => {
    const rows = logA.rows;
    const mean = (xs: Row[]) => xs.reduce((a, r) => a + r.loss, 0) / xs.length;
    expect(mean(rows.slice(-10))).toBeLessThan(mean(rows.slice(0, 10)) - 0.5);
    const val = rows.filter((r) => r.valLoss !== null).map((r) => r.valLoss!);
    expect(val.length).toBeGreaterThanOrEqual(2);
    expect(val[val.length - 1]).toBeLessThan(val[0]);
  });

  it('follows its continuation: the rate warms up again after the first schedule and ends at a tenth of the new peak', () => {
    const lr = (step: number) => logA.rows.find((r) => r.step === step)!.lr;
    expect(logA.rows.length).toBe(70);
    expect(lr(40)).toBeCloseTo(1e-3, 6);
    expect(lr(41)).toBeCloseTo(1e-3, 6);
    expect(lr(45)).toBeCloseTo(5e-3, 6);
    expect(lr(60)).toBeCloseTo(5e-4, 6);
  });

  it('then follows its extension: the rate warms up a third time, to a new peak, and ends at a tenth of it', () => {
    const lr = (step: number) => logA.rows.find((r) => r.step === step)!.lr;
    // Warm-up is linear from zero over 2 steps: 1e-3 after one, the peak of 2e-3 after two.
    expect(lr(61)).toBeCloseTo(1e-3, 6);
    expect(lr(62)).toBeCloseTo(2e-3, 6);
    expect(lr(70)).toBeCloseTo(2e-4, 6);
  });

  it('reads the further prose in its extension, cut to the quick run’s share of the corpus', () => {
    const tokens = Number(/the further prose: (\d+) tokens/.exec(stdout)?.[1]);
    expect(tokens).toBeGreaterThan(10_000);
    expect(tokens).toBeLessThan(400_000);
  });

  it('is deterministic: a second fresh run logs the same losses', () => {
    run('scripts/train/train.ts', ['--quick', '--fresh', '--out', outB]);
    const logB = JSON.parse(readFileSync(join(outB, 'training-log.json'), 'utf8')) as { rows: Row[] };
    expect(logB.rows.map((r) => r.loss)).toEqual(logA.rows.map((r) => r.loss));
  });

  it('resumes from its checkpoint: --export-only rewrites the same weights', () => {
    const outC = mkdtempSync(join(tmpdir(), 'inside-gpt-train-c-'));
    run('scripts/train/train.ts', ['--quick', '--export-only', '--out', outC]);
    expect(readModelDir(outC).safetensors).toEqual(readModelDir(outB).safetensors);
  });

  it('writes a model folder the core loads and runs', () => {
    const loaded = modelFromFiles(readModelDir(outA));
    const ids = loaded.tokenizer.encode('The man said');
    const trace = forward(loaded.model, ids);
    expect(trace.probs.shape).toEqual([ids.length, loaded.model.config.vocabSize]);
    expect(loaded.model.params.lm_head).not.toBeNull();
  });
});
