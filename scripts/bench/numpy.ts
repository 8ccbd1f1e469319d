import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { GPTConfig } from '../../src/core/config.ts';
import type { TimingPlan } from './cases.ts';

// Runs scripts/bench/gpt2_numpy.py, the same pass in NumPy, with the Node bench's shape and timing plan.

const SCRIPT = resolve(import.meta.dirname, 'gpt2_numpy.py');
const THREAD_VARIABLES = ['OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS', 'BLIS_NUM_THREADS'];

export interface NumpyRun {
  numpy: string;
  blas: string;
  threads_env: Record<string, string | null>;
  threadpools: unknown;
  init_ms: number;
  cases: { tokens: number; forward_ms_median: number }[];
}

/** NumPy's timings, or why there are none (no python3, no numpy, or the script failed). */
export type NumpyResult = { ok: true; run: NumpyRun } | { ok: false; reason: string };

/** `threads` BLAS threads (1 by default: our core runs on one). */
export function runNumpy(config: GPTConfig, plan: readonly TimingPlan[], threads: number): NumpyResult {
  const env = { ...process.env, ...Object.fromEntries(THREAD_VARIABLES.map((name) => [name, String(threads)])) };
  const args = [
    SCRIPT,
    ...['--layers', config.nLayer, '--embd', config.nEmbd, '--heads', config.nHead, '--vocab', config.vocabSize],
    ...['--positions', config.nPositions],
    ...['--plan', JSON.stringify(plan.map((p) => ({ tokens: p.tokens, warmup: p.warmUp.runs, repeats: p.repeats })))],
  ].map(String);
  const res = spawnSync('python3', args, { env, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (res.error) {
    const missing = (res.error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, reason: missing ? 'python3 is not on the PATH' : `python3 could not run: ${res.error.message}` };
  }
  let parsed: (NumpyRun & { error?: undefined }) | { error: string } | undefined;
  try {
    parsed = JSON.parse(res.stdout.trim().split('\n').pop() ?? '');
  } catch {
    parsed = undefined;
  }
  if (parsed?.error !== undefined) return { ok: false, reason: parsed.error };
  if (res.status !== 0 || parsed === undefined) {
    const last = res.stderr.trim().split('\n').pop() ?? '';
    return { ok: false, reason: `${SCRIPT} exited with ${res.status ?? res.signal}: ${last}` };
  }
  return { ok: true, run: parsed };
}
