import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ModelFiles } from '../../src/core/checkpoint';

// A model folder holds the four files of a Hugging Face GPT-2 checkpoint, under the names
// `transformers` expects, so the same folder loads in Python and in this app.
export const MODEL_FILE_NAMES = {
  config: 'config.json',
  safetensors: 'model.safetensors',
  vocab: 'vocab.json',
  merges: 'merges.txt',
  readme: 'README.md',
} as const;

/** Read config.json, model.safetensors, vocab.json and merges.txt from `dir`. */
export function readModelDir(dir: string): ModelFiles {
  const folder = resolve(dir);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new Error(`Model folder ${folder} does not exist or is not a folder`);
  }
  const { config, safetensors, vocab, merges } = MODEL_FILE_NAMES;
  const missing = [config, safetensors, vocab, merges].map((name) => join(folder, name)).filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `Model folder ${folder} is incomplete: missing ${missing.join(', ')}. ` +
        `A model folder needs ${config}, ${safetensors}, ${vocab} and ${merges}.`,
    );
  }
  const bytes = readFileSync(join(folder, safetensors));
  return {
    config: readFileSync(join(folder, config), 'utf8'),
    // A plain Uint8Array over the same memory: Buffer's slice() shares memory where
    // Uint8Array's copies, and core code assumes the latter.
    safetensors: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    vocab: readFileSync(join(folder, vocab), 'utf8'),
    merges: readFileSync(join(folder, merges), 'utf8'),
  };
}

export interface ModelDirContents {
  config: string;
  safetensors: Uint8Array;
  vocab?: string;
  merges?: string;
  readme?: string;
}

/** Write the given files into `dir` (created if needed); returns the full paths written. */
export function writeModelDir(dir: string, files: ModelDirContents): string[] {
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const key of Object.keys(MODEL_FILE_NAMES) as (keyof typeof MODEL_FILE_NAMES)[]) {
    const contents = files[key];
    if (contents === undefined) continue;
    const path = join(folder, MODEL_FILE_NAMES[key]);
    writeFileSync(path, contents);
    written.push(path);
  }
  return written;
}
