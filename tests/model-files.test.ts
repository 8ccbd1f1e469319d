import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelFromFiles } from '../src/core/bundle';
import { modelFromTensors, parseConfig, tensorsFromModel } from '../src/core/checkpoint';
import { tinyConfig } from './tinyConfig';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { readSafetensors } from '../src/core/safetensors';
import { Tokenizer } from '../src/core/tokenizer/index.ts';
import { readModelDir, readRegularFile } from '../scripts/lib/model-dir';

// What the loader refuses at load, with a message naming the file and the problem, rather than
// crashing or misleading later. Files are built by hand here, independent of our writer.
const FIXTURE = resolve(import.meta.dirname, 'fixtures/tiny');

function safetensorsFile(header: string, dataLength: number): Uint8Array {
  const headerBytes = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + headerBytes.length + dataLength);
  new DataView(out.buffer).setUint32(0, headerBytes.length, true);
  out.set(headerBytes, 8);
  return out;
}
const f32 = (name: string, begin: number, end: number) =>
  `"${name}":{"dtype":"F32","shape":[${(end - begin) / 4}],"data_offsets":[${begin},${end}]}`;
const read = (header: string, dataLength: number) => () => readSafetensors(safetensorsFile(`{${header}}`, dataLength), 'w.safetensors');

describe('safetensors data_offsets must tile the data buffer', () => {
  it('accepts tensors listed in any order, as long as their bytes tile the buffer', () => {
    const tensors = readSafetensors(safetensorsFile(`{${f32('b', 8, 16)},${f32('a', 0, 8)}}`, 16));
    expect([...tensors.keys()].sort()).toEqual(['a', 'b']);
  });

  it('refuses overlapping tensors, naming both', () => {
    expect(read(`${f32('a', 0, 8)},${f32('b', 4, 12)}`, 12)).toThrow(
      'w.safetensors: tensor "b" (bytes 4..12) overlaps tensor "a" (bytes 0..8)',
    );
    expect(read(`${f32('a', 0, 8)},${f32('b', 0, 8)}`, 8)).toThrow('overlaps');
  });

  it('refuses bytes that belong to no tensor, between tensors or at the end', () => {
    expect(read(`${f32('a', 0, 4)},${f32('b', 8, 12)}`, 12)).toThrow('w.safetensors: bytes 4..8 of the data buffer belong to no tensor');
    expect(read(f32('a', 4, 8), 8)).toThrow('bytes 0..4 of the data buffer belong to no tensor');
    expect(read(f32('a', 0, 4), 8)).toThrow('w.safetensors: bytes 4..8 at the end of the data buffer belong to no tensor');
  });

  it('says reversed offsets are reversed, not outside the buffer', () => {
    expect(read('"a":{"dtype":"F32","shape":[0],"data_offsets":[8,4]}', 8)).toThrow(
      'w.safetensors: tensor "a" has data_offsets [8, 4]: its data would begin after it ends',
    );
  });

  it('prints a huge offset or header length exactly, as written', () => {
    expect(read('"a":{"dtype":"F32","shape":[1],"data_offsets":[0,1152921504606846976]}', 4)).toThrow(
      'w.safetensors: tensor "a" has data_offsets [0,1152921504606846976]',
    );
    const file = new Uint8Array(16);
    new DataView(file.buffer).setBigUint64(0, 2n ** 60n, true);
    expect(() => readSafetensors(file)).toThrow('model.safetensors: the header claims to be 1152921504606846976 bytes');
  });
});

describe('weights must be finite', () => {
  const config = tinyConfig({ vocabSize: 7, nPositions: 4, nEmbd: 4, nLayer: 1, nHead: 2, tieWordEmbeddings: true });
  const withValue = (name: string, index: number, value: number) => {
    const tensors = tensorsFromModel(initModel(config, createRng(1)));
    const t = tensors.get(name)!;
    const data = t.data.slice();
    data[index] = value;
    tensors.set(name, { data, shape: t.shape });
    return () => modelFromTensors(config, tensors, 'm.safetensors');
  };

  it('refuses NaN or ±Infinity, naming the tensor and the first bad index', () => {
    expect(withValue('h.0.ln_1.weight', 3, NaN)).toThrow(
      'm.safetensors: h.0.ln_1.weight holds NaN at index [3]; every weight must be a finite number',
    );
    expect(withValue('wte.weight', 2 * 4 + 1, Infinity)).toThrow('wte.weight holds Infinity at index [2, 1]');
    expect(withValue('h.0.mlp.c_fc.bias', 15, -Infinity)).toThrow('h.0.mlp.c_fc.bias holds -Infinity at index [15]');
  });
});

describe('config.json values are bounded to what GPT-2 sizes can mean', () => {
  const base = { vocab_size: 11, n_positions: 6, n_embd: 8, n_layer: 2, n_head: 2 };
  const bad = (changes: Record<string, unknown>) => () => parseConfig(JSON.stringify({ ...base, ...changes }), 'c/config.json');

  it.each([
    [{ layer_norm_epsilon: 1e30 }, 'c/config.json: layer_norm_epsilon must be a small positive number, above 0 and at most 0.01'],
    [{ layer_norm_epsilon: 0 }, 'at most 0.01 (GPT-2 uses 1e-5; a larger one flattens every layer norm), got 0'],
    [{ vocab_size: 2 ** 32 }, 'c/config.json: vocab_size is 4294967296, above the largest this app accepts, 1048576'],
    [{ n_positions: 1e7 }, 'n_positions is 10000000, above the largest this app accepts, 65536'],
    [{ n_positions: undefined, n_ctx: 1e7 }, 'n_positions (or n_ctx) is 10000000, above the largest'],
    [{ n_embd: 2 ** 20, n_head: 1 }, 'n_embd is 1048576, above the largest this app accepts, 16384'],
    [{ n_layer: 10000 }, 'n_layer is 10000, above the largest this app accepts, 256'],
    [{ n_embd: 1024, n_head: 512 }, 'n_head is 512, above the largest this app accepts, 256'],
    [{ n_layer: 2 ** 60 }, 'n_layer must be a positive integer, got 1152921504606846976'],
  ])('refuses %j', (changes, message) => {
    expect(bad(changes)).toThrow(message);
  });

  it('accepts a UTF-8 byte-order mark before the JSON', () => {
    expect(parseConfig('\uFEFF' + JSON.stringify(base)).nEmbd).toBe(8);
  });

  it('describes a deeply nested value without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseConfig(`{"vocab_size": ${deep}}`)).toThrow(
      'config.json: vocab_size must be a positive integer, got an array of 1 items',
    );
  });
});

describe('vocab.json', () => {
  it('refuses an id too large for any vocabulary, naming the file', () => {
    expect(() => Tokenizer.fromFiles(JSON.stringify({ a: 0, b: 2 ** 32 }), '')).toThrow(
      'vocab.json: token "b" has id 4294967296, but ids must be below 1048576',
    );
  });

  it('describes a deeply nested value without overflowing the stack', () => {
    const deep = '{"x":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    expect(() => Tokenizer.fromFiles(`{"a": ${deep}}`, '')).toThrow(
      'vocab.json: token "a" has id an object, but ids must be non-negative integers',
    );
  });

  it('accepts a byte-order mark in vocab.json and merges.txt', () => {
    const tokenizer = Tokenizer.fromFiles('\uFEFF{"a": 0, "b": 1, "ab": 2}', '\uFEFF#version: 0.2\na b\n');
    expect(tokenizer.vocabSize).toBe(3);
  });
});

describe('model folder files', () => {
  const root = mkdtempSync(join(tmpdir(), 'inside-gpt-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const folderWith = (name: string, make: (path: string) => void) => {
    const dir = mkdtempSync(join(root, 'model-'));
    cpSync(FIXTURE, dir, { recursive: true });
    rmSync(join(dir, name));
    make(join(dir, name));
    return dir;
  };

  it('loads the fixture, byte-order mark in config.json and all', () => {
    const dir = folderWith('config.json', (path) => writeFileSync(path, '\uFEFF' + readFileSync(join(FIXTURE, 'config.json'), 'utf8')));
    expect(modelFromFiles(readModelDir(dir)).model.config.nEmbd).toBe(16);
  });

  it('refuses model.safetensors as a folder', () => {
    const dir = folderWith('model.safetensors', (path) => mkdirSync(path));
    expect(() => readModelDir(dir)).toThrow(`${join(dir, 'model.safetensors')} is a folder, not a regular file`);
  });

  it('refuses a symbolic link to /dev/zero before reading from it', () => {
    const dir = folderWith('model.safetensors', (path) => symlinkSync('/dev/zero', path));
    expect(() => readModelDir(dir)).toThrow(`${join(dir, 'model.safetensors')} is a device, not a regular file`);
  });

  it('refuses a named pipe instead of waiting for a writer', () => {
    const dir = folderWith('vocab.json', (path) => execFileSync('mkfifo', [path]));
    expect(() => readModelDir(dir)).toThrow(`${join(dir, 'vocab.json')} is a named pipe (FIFO), not a regular file`);
  });

  it('checks the size before reading', () => {
    const path = join(root, 'eleven.txt');
    writeFileSync(path, 'eleven byte');
    expect(readRegularFile(path, 11).toString()).toBe('eleven byte');
    expect(() => readRegularFile(path, 10)).toThrow(`${path} is 11 bytes, more than the 10 this app reads`);
  });
});
