import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

// Every intermediate of `npm run train` lives under data/ (ignored by git); the result is shipped in public/models/tiny.
export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = resolve(ROOT, 'data/corpus');
export const SHIPPED_MODEL_DIR = resolve(ROOT, 'public/models/tiny');
/** The long run's checkpoints and model (scripts/train/settings.ts, EXTENDED_RUN). */
export const LONG_RUN_DIR = resolve(ROOT, 'data/model-long');
/** The wide run's checkpoints and model (scripts/train/settings.ts, WIDE_RUN). */
export const WIDE_RUN_DIR = resolve(ROOT, 'data/model-wide');
/** The sharp-start run's checkpoints and model (scripts/train/settings.ts, SHARP_RUN). */
export const SHARP_RUN_DIR = resolve(ROOT, 'data/model-sharp');
/** SHARP_RUN with W_e trained more slowly (scripts/train/settings.ts, SHARP_SLOW_WE_RUN). */
export const SHARP_SLOW_WE_RUN_DIR = resolve(ROOT, 'data/model-sharp-slow-we');

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
