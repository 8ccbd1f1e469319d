import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';

// Every intermediate of `npm run train` lives under data/ (ignored by git); the result is shipped in public/models/tiny.
export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = resolve(ROOT, 'data/corpus');
export const SHIPPED_MODEL_DIR = resolve(ROOT, 'public/models/tiny');
/** The model shipped until December 6, trained again in a folder of its own (scripts/train/settings.ts, FIRST_RECIPE_RUN). */
export const FIRST_RECIPE_RUN_DIR = resolve(ROOT, 'data/model-first-recipe');
/** The long run's checkpoints and model (scripts/train/settings.ts, EXTENDED_RUN). */
export const LONG_RUN_DIR = resolve(ROOT, 'data/model-long');
/** The wide run's checkpoints and model (scripts/train/settings.ts, WIDE_RUN). */
export const WIDE_RUN_DIR = resolve(ROOT, 'data/model-wide');
/** The sharp-start run's checkpoints and model (scripts/train/settings.ts, SHARP_RUN). */
export const SHARP_RUN_DIR = resolve(ROOT, 'data/model-sharp');
/** The shipped recipe reading the prose twice as often (scripts/train/settings.ts, PROSE_RUN). */
export const PROSE_RUN_DIR = resolve(ROOT, 'data/model-prose');
/** PROSE_RUN carried on for a third schedule (scripts/train/settings.ts, PROSE_LONG_RUN). */
export const PROSE_LONG_RUN_DIR = resolve(ROOT, 'data/model-prose-long');
/** SHARP_RUN with W_e trained more slowly (scripts/train/settings.ts, SHARP_SLOW_WE_RUN). */
export const SHARP_SLOW_WE_RUN_DIR = resolve(ROOT, 'data/model-sharp-slow-we');

/** SHARP_RUN's start with half the windows from the prose and a third schedule (scripts/train/settings.ts, SHARP_PROSE_RUN). */
export const SHARP_PROSE_RUN_DIR = resolve(ROOT, 'data/model-sharp-prose');

/** SHARP_PROSE_RUN carried on for a fourth schedule (scripts/train/settings.ts, SHARP_PROSE_FURTHER_RUN). */
export const SHARP_PROSE_FURTHER_RUN_DIR = resolve(ROOT, 'data/model-sharp-prose-further');
export const SHARP_PROSE_SWAP_RUN_DIR = resolve(ROOT, 'data/model-sharp-prose-swap');
export const SHARP_PROSE_SWAP_QUARTER_RUN_DIR = resolve(ROOT, 'data/model-sharp-prose-swap-quarter');
export const SHARP_PROSE_SWAP_TEXT_RUN_DIR = resolve(ROOT, 'data/model-sharp-prose-swap-text');
export const DEEP_RUN_DIR = resolve(ROOT, 'data/model-deep');
export const MORE_PROSE_RUN_DIR = resolve(ROOT, 'data/model-more-prose');
export const MORE_PROSE_SWAP_RUN_DIR = resolve(ROOT, 'data/model-more-prose-swap');

/** The shipped recipe with half the windows gender-swapped (scripts/train/settings.ts, GENDER_SWAP_RUN). */
export const GENDER_SWAP_RUN_DIR = resolve(ROOT, 'data/model-gender-swap');

export function buildDir(quick: boolean): string {
  return resolve(ROOT, quick ? 'data/model-build-quick' : 'data/model-build');
}

/** Give a run of its own the shipped run's tokenizer and tokenized corpus, so it trains on the same tokens. */
export function shareTokens(dir: string): void {
  const source = buildDir(false);
  mkdirSync(dir, { recursive: true });
  for (const f of ['vocab.json', 'merges.txt', 'train.u16', 'val.u16']) {
    if (existsSync(resolve(source, f)) && !existsSync(resolve(dir, f))) copyFileSync(resolve(source, f), resolve(dir, f));
  }
}

/**
 * A run that spans sessions keeps its state in data/, which a fresh checkout does not have. Its last state can be
 * committed to runs/NAME (NAME as the run's data/ folder): a run whose folder holds no checkpoint starts from there.
 */
export const COMMITTED_RUNS_DIR = resolve(ROOT, 'runs');
const RUN_STATE_FILES = ['train-state.bin', 'loss-log.json', 'schedule-changes.json'];

export function restoreCommittedRun(dir: string, runsDir = COMMITTED_RUNS_DIR): boolean {
  const committed = resolve(runsDir, basename(dir));
  if (existsSync(resolve(dir, RUN_STATE_FILES[0])) || !RUN_STATE_FILES.every((f) => existsSync(resolve(committed, f)))) return false;
  mkdirSync(dir, { recursive: true });
  for (const f of RUN_STATE_FILES) copyFileSync(resolve(committed, f), resolve(dir, f));
  return true;
}

/** Copy a run's current state to runs/NAME, to be committed. */
export function saveCommittedRun(dir: string, runsDir = COMMITTED_RUNS_DIR): string {
  const missing = RUN_STATE_FILES.filter((f) => !existsSync(resolve(dir, f)));
  if (missing.length > 0) throw new Error(`${dir} holds no checkpoint to save (missing ${missing.join(', ')}): train first.`);
  const committed = resolve(runsDir, basename(dir));
  mkdirSync(committed, { recursive: true });
  for (const f of RUN_STATE_FILES) copyFileSync(resolve(dir, f), resolve(committed, f));
  return committed;
}
