import { describe, expect, it } from 'vitest';
import { modelFromFiles } from '../src/core/bundle';
import { configToJson, tensorsFromModel } from '../src/core/checkpoint';
import type { GPTConfig } from '../src/core/config';
import { tinyConfig } from './tinyConfig';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { readSafetensors, writeSafetensors } from '../src/core/safetensors';
import type { Tensor } from '../src/core/tensor';
import { bytesToUnicode, vocabToJson } from '../src/core/tokenizer/index.ts';
import {
  memoryLimitFor,
  OpenModelError,
  openModelFiles,
  pickModelFiles,
  type OpenProblem,
  type OpenProgress,
  type PickedModel,
} from '../src/app/model/openFiles';

// The app's header-first reader, on small checkpoints made here: a byte-level tokenizer (256 tokens
// and <|endoftext|>), 2 layers of 2 heads at width 8, random weights.

const config = tinyConfig({ vocabSize: 257, nPositions: 16, nEmbd: 8, nLayer: 2, nHead: 2, tieWordEmbeddings: true });
const model = initModel(config, createRng(7), 0.3);
const vocab = (() => {
  const v = new Map<string, number>();
  for (const ch of bytesToUnicode().values()) v.set(ch, v.size);
  v.set('<|endoftext|>', v.size);
  return vocabToJson(v);
})();
const merges = '#version: 0.2\n';
const LIMIT = 2 * 2 ** 30;

/** gpt2's layout: "transformer." names and each layer's causal mask, which the model does not read. */
function gpt2Weights(dtype: 'F32' | 'F16' = 'F32', prefix = 'transformer.'): Uint8Array {
  const tensors: [string, Tensor][] = [...tensorsFromModel(model)].map(([name, t]) => [prefix + name, t]);
  const mask = new Float32Array(config.nPositions ** 2).fill(1);
  for (let l = 0; l < config.nLayer; l++) {
    tensors.push([`${prefix}h.${l}.attn.bias`, { data: mask, shape: [1, 1, config.nPositions, config.nPositions] }]);
  }
  return writeSafetensors(tensors, { dtype });
}

/** A Blob that records every range read from it, to show what the reader touched. */
class CountingBlob extends Blob {
  readonly reads: [number, number][];
  constructor(parts: BlobPart[], reads: [number, number][] = []) {
    super(parts);
    this.reads = reads;
  }
  override slice(start = 0, end = this.size): Blob {
    this.reads.push([start, end]);
    return super.slice(start, end);
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    throw new Error('the whole file was read at once');
  }
}

function folder(
  overrides: { config?: string; weights?: Uint8Array; vocab?: string; merges?: string; drop?: string[] } = {},
): PickedModel & { weights: CountingBlob } {
  const weights = new CountingBlob([(overrides.weights ?? gpt2Weights()) as Uint8Array<ArrayBuffer>]);
  const files: PickedModel['files'] = {
    'config.json': new Blob([overrides.config ?? configToJson(config)]),
    'model.safetensors': weights,
    'vocab.json': new Blob([overrides.vocab ?? vocab]),
    'merges.txt': new Blob([overrides.merges ?? merges]),
  };
  for (const name of overrides.drop ?? []) delete files[name as keyof typeof files];
  return { files, folder: 'small-gpt2', weights };
}

async function problemOf(picked: PickedModel, memoryLimitBytes = LIMIT): Promise<OpenProblem> {
  try {
    await openModelFiles(picked, { memoryLimitBytes });
  } catch (e) {
    if (e instanceof OpenModelError) return e.problem;
    throw e;
  }
  throw new Error('the model opened');
}

const dataBytesRead = (blob: CountingBlob, from: number) =>
  blob.reads.filter(([start]) => start >= from).reduce((sum, [start, end]) => sum + end - start, 0);

describe('openModelFiles reads the header first, then tensor by tensor', () => {
  it('gives the model modelFromFiles gives, named after its folder, from F32 or F16 and with or without the prefix', async () => {
    for (const [dtype, prefix] of [
      ['F32', 'transformer.'],
      ['F16', ''],
    ] as const) {
      const weights = gpt2Weights(dtype, prefix);
      const opened = await openModelFiles(folder({ weights }), { memoryLimitBytes: LIMIT });
      const expected = modelFromFiles({ config: configToJson(config), safetensors: weights, vocab, merges });
      expect(opened.name).toBe('small-gpt2');
      expect(opened.isDefault).toBe(false);
      expect(opened.model.params.lm_head).toBeNull();
      const want = tensorsFromModel(expected.model);
      for (const [name, t] of tensorsFromModel(opened.model)) expect(t.data, `${dtype} ${name}`).toEqual(want.get(name)!.data);
      expect(opened.tokenizer.encode('Hi there')).toEqual(expected.tokenizer.encode('Hi there'));
    }
  });

  it('never reads the whole file, skips the mask buffers, and counts progress in bytes and tensors', async () => {
    const picked = folder();
    const seen: OpenProgress[] = [];
    await openModelFiles(picked, { memoryLimitBytes: LIMIT, onProgress: (p) => seen.push(p) });
    const file = gpt2Weights();
    const headerLength = Number(new DataView(file.buffer).getBigUint64(0, true));
    const params = [...tensorsFromModel(model).values()].reduce((sum, t) => sum + t.data.length, 0);
    // First the length field, then the header, then nothing but the model's own tensors.
    expect(picked.weights.reads.slice(0, 2)).toEqual([
      [0, 8],
      [8, 8 + headerLength],
    ]);
    expect(dataBytesRead(picked.weights, 8 + headerLength)).toBe(4 * params);
    const last = seen.at(-1)!;
    expect(last).toEqual({ bytesRead: 4 * params, bytesTotal: 4 * params, tensorsRead: 2 + 2 + 12 * 2, tensorsTotal: 28 });
    expect(seen[0]).toMatchObject({ bytesRead: 0, tensorsRead: 0 });
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].bytesRead).toBeGreaterThanOrEqual(seen[i - 1].bytesRead);
      expect(seen[i].tensorsRead).toBeGreaterThanOrEqual(seen[i - 1].tensorsRead);
    }
  });

  it('stops when cancelled, with the signal’s reason, and reads no further', async () => {
    const picked = folder();
    const controller = new AbortController();
    let tensorsSeen = 0;
    const opening = openModelFiles(picked, {
      memoryLimitBytes: LIMIT,
      signal: controller.signal,
      onProgress: (p) => {
        tensorsSeen = p.tensorsRead;
        if (p.tensorsRead === 3) controller.abort();
      },
    });
    await expect(opening).rejects.toMatchObject({ name: 'AbortError' });
    expect(tensorsSeen).toBe(3);
    const readsAtCancel = picked.weights.reads.length;
    await new Promise((done) => setTimeout(done, 10));
    expect(picked.weights.reads.length).toBe(readsAtCancel);
  });
});

describe('openModelFiles says what is wrong before reading the weights', () => {
  it('names every missing file', async () => {
    expect(await problemOf(folder({ drop: ['merges.txt', 'config.json'] }))).toEqual({
      kind: 'missing',
      files: ['config.json', 'merges.txt'],
    });
  });

  it('recognises a config of another architecture, such as a Llama folder', async () => {
    const llama = JSON.stringify({ architectures: ['LlamaForCausalLM'], model_type: 'llama', hidden_size: 4096, num_hidden_layers: 32 });
    const picked = folder({ config: llama });
    expect(await problemOf(picked)).toEqual({ kind: 'notGpt2', modelType: 'llama', architectures: ['LlamaForCausalLM'] });
    expect(picked.weights.reads).toEqual([]);
    // architectures alone is enough to tell
    const bert = JSON.stringify({ ...JSON.parse(configToJson(config)), model_type: undefined, architectures: ['BertForMaskedLM'] });
    expect(await problemOf(folder({ config: bert }))).toMatchObject({
      kind: 'notGpt2',
      modelType: null,
      architectures: ['BertForMaskedLM'],
    });
  });

  it('finds shapes that disagree with config.json in the header, reading no tensor', async () => {
    const wider = configToJson({ ...config, nEmbd: 16 });
    const picked = folder({ config: wider });
    const problem = await problemOf(picked);
    expect(problem).toEqual({ kind: 'shapes', detail: 'model.safetensors: config.json says n_embd 16 but wte.weight has 8 columns' });
    expect(picked.weights.reads).toHaveLength(2); // the length field and the header
    const deeper = await problemOf(folder({ config: configToJson({ ...config, nLayer: 3 }) }));
    expect(deeper).toMatchObject({ kind: 'shapes', detail: expect.stringContaining('h.2.ln_1.weight is missing') });
  });

  it('says how much of a truncated file is there', async () => {
    const whole = gpt2Weights();
    const picked = folder({ weights: whole.subarray(0, whole.length - 1000) });
    expect(await problemOf(picked)).toEqual({ kind: 'truncated', expectedBytes: whole.length, actualBytes: whole.length - 1000 });
    expect(picked.weights.reads).toHaveLength(2);
  });

  it('refuses GPT-2 XL from its header alone, with its size as Float32', async () => {
    const xl: GPTConfig = { ...config, vocabSize: 50257, nPositions: 1024, nEmbd: 1600, nLayer: 48, nHead: 25 };
    // The header of GPT-2 XL's tensors with none of their data: the size is known before any is read.
    const shapes = [...tensorsFromModel({ config: xl, params: shapesOf(xl) })].map(([name, t]) => [name, t.shape] as const);
    let offset = 0;
    const header: Record<string, unknown> = {};
    for (const [name, shape] of shapes) {
      const bytes = 2 * shape.reduce((a, b) => a * b, 1);
      header[name] = { dtype: 'F16', shape, data_offsets: [offset, offset + bytes] };
      offset += bytes;
    }
    const json = new TextEncoder().encode(JSON.stringify(header));
    const headerOnly = new Uint8Array(8 + json.length);
    new DataView(headerOnly.buffer).setUint32(0, json.length, true);
    headerOnly.set(json, 8);
    const picked = folder({ config: configToJson(xl), weights: headerOnly });
    const problem = await problemOf(picked);
    expect(problem).toEqual({ kind: 'tooBig', parameters: 1_557_611_200, float32Bytes: 4 * 1_557_611_200, limitBytes: LIMIT });
    expect(picked.weights.reads).toHaveLength(2);
  });

  it('passes other faults on with the core’s message, naming the file', async () => {
    const problem = await problemOf(folder({ config: '{"n_embd": 8' }));
    expect(problem).toMatchObject({
      kind: 'unreadable',
      file: 'config.json',
      detail: expect.stringMatching(/^config\.json: not valid JSON/),
    });
    const notSafetensors = await problemOf(folder({ weights: new TextEncoder().encode('version https://git-lfs.github.com/spec/v1\n') }));
    expect(notSafetensors).toMatchObject({
      kind: 'unreadable',
      file: 'model.safetensors',
      detail: expect.stringMatching(/^model\.safetensors: the header claims/),
    });
  });

  it('blames vocab.json when it does not read on its own, and merges.txt when vocab.json does', async () => {
    expect(await problemOf(folder({ vocab: '' }))).toMatchObject({ kind: 'unreadable', file: 'vocab.json' });
    expect(await problemOf(folder({ merges: 'Ġ nosuchtoken\n' }))).toMatchObject({ kind: 'unreadable', file: 'merges.txt' });
  });

  it('keeps a file read in full: the weights the reader returns are the file’s', async () => {
    const weights = gpt2Weights();
    const opened = await openModelFiles(folder({ weights }), { memoryLimitBytes: LIMIT });
    expect(opened.model.params.wte.data).toEqual(readSafetensors(weights).get('transformer.wte.weight')!.data);
  });
});

/** Parameters of `c`'s shapes whose data is never looked at (a zero-length array each). */
function shapesOf(c: GPTConfig) {
  const t = (...shape: number[]): Tensor => ({ data: new Float32Array(0), shape });
  const C = c.nEmbd;
  const ln = () => ({ weight: t(C), bias: t(C) });
  const lin = (i: number, o: number) => ({ weight: t(i, o), bias: t(o) });
  return {
    wte: t(c.vocabSize, C),
    wpe: t(c.nPositions, C),
    h: Array.from({ length: c.nLayer }, () => ({
      ln_1: ln(),
      attn: { c_attn: lin(C, 3 * C), c_proj: lin(C, C) },
      ln_2: ln(),
      mlp: { c_fc: lin(C, 4 * C), c_proj: lin(4 * C, C) },
    })),
    ln_f: ln(),
    lm_head: null,
  };
}

describe('choosing the files', () => {
  const file = (path: string) => ({ file: new Blob([path]), name: path.split('/').pop()!, path });

  it('takes a folder’s four files and its name, and leaves out other files and nested folders', () => {
    const picked = pickModelFiles(
      ['gpt2/config.json', 'gpt2/model.safetensors', 'gpt2/vocab.json', 'gpt2/merges.txt', 'gpt2/README.md', 'gpt2/onnx/config.json'].map(
        file,
      ),
    );
    expect(picked.folder).toBe('gpt2');
    expect(Object.keys(picked.files).sort()).toEqual(['config.json', 'merges.txt', 'model.safetensors', 'vocab.json']);
  });

  it('takes four loose files, with no folder name', () => {
    const picked = pickModelFiles(['config.json', 'model.safetensors', 'vocab.json', 'merges.txt'].map(file));
    expect(picked.folder).toBeNull();
    expect(Object.keys(picked.files)).toHaveLength(4);
  });
});

describe('memoryLimitFor', () => {
  it('is 2 GiB, or a quarter of what the device says it has', () => {
    expect(memoryLimitFor(undefined)).toBe(2 * 2 ** 30);
    expect(memoryLimitFor(8)).toBe(2 * 2 ** 30);
    expect(memoryLimitFor(4)).toBe(2 ** 30);
    expect(memoryLimitFor(2)).toBe(2 ** 29);
    expect(memoryLimitFor(0)).toBe(2 * 2 ** 30);
  });
});
