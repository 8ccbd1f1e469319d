import { constants as bufferConstants } from 'node:buffer';
import {
  closeSync,
  constants as fsConstants,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
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

// The text files are small (GPT-2's vocab.json is 1 MB); the weights are bounded by what one buffer holds.
const MAX_TEXT_FILE_BYTES = 64 * 2 ** 20;
const MAX_WEIGHTS_FILE_BYTES = bufferConstants.MAX_LENGTH;

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
  const text = (name: string) => readRegularFile(join(folder, name), MAX_TEXT_FILE_BYTES).toString('utf8');
  const bytes = readRegularFile(join(folder, safetensors), MAX_WEIGHTS_FILE_BYTES);
  return {
    config: text(config),
    // A plain Uint8Array over the same memory: Buffer's slice() shares memory where
    // Uint8Array's copies, and core code assumes the latter.
    safetensors: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    vocab: text(vocab),
    merges: text(merges),
  };
}

function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * The whole of a regular file, refusing anything else before reading a byte: a folder, a pipe that
 * would block forever, a device such as /dev/zero that never ends (also behind a symbolic link), or
 * a file larger than `maxBytes`. Exactly the size the file had when it was opened is read.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const check = (stats: Stats) => {
    if (!stats.isFile()) throw new Error(`${path} is ${describeKind(stats)}, not a regular file`);
    if (stats.size > maxBytes) throw new Error(`${path} is ${stats.size} bytes, more than the ${maxBytes} this app reads`);
  };
  check(statSync(path));
  // Non-blocking, so that a file swapped for a pipe between the check and the open cannot hang us;
  // the descriptor is then checked again, since that is the file actually read.
  const fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    check(stats);
    const buffer = Buffer.allocUnsafe(stats.size);
    let filled = 0;
    while (filled < buffer.length) {
      const n = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (n === 0) throw new Error(`${path} became shorter while it was read (${filled} of ${buffer.length} bytes)`);
      filled += n;
    }
    return buffer;
  } finally {
    closeSync(fd);
  }
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
