import { resolve } from 'node:path';

// Every intermediate of `npm run train` lives under data/ (ignored by git); the result is shipped in public/models/tiny.
export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = resolve(ROOT, 'data/corpus');
export const SHIPPED_MODEL_DIR = resolve(ROOT, 'public/models/tiny');
/** The long run's checkpoints and model (scripts/train/settings.ts, EXTENDED_RUN). */
export const LONG_RUN_DIR = resolve(ROOT, 'data/model-long');

export function buildDir(quick: boolean): string {
  return resolve(ROOT, quick ? 'data/model-build-quick' : 'data/model-build');
}
