import { withTokenizer } from '../../core/bundle';
import { checkTensorShapes, modelFromTensors, parseConfig } from '../../core/checkpoint';
import type { GPTConfig } from '../../core/config';
import {
  checkSafetensorsTiling,
  decodeTensor,
  parseSafetensorsHeader,
  safetensorsHeaderLength,
  SAFETENSORS_LENGTH_BYTES,
  type SafetensorsEntry,
} from '../../core/safetensors';
import type { Tensor } from '../../core/tensor';
import { numel } from '../../core/tensor';
import { Tokenizer } from '../../core/tokenizer/index.ts';
import { parseVocab } from '../../core/tokenizer/parse.ts';
import type { AppModel } from './loadModel';
import { weightStorage } from './weightMemory';

// Opening a Hugging Face GPT-2 folder from the reader's disk. The weights are read header first:
// the 8-byte length and the JSON header, then one tensor at a time through Blob.slice, each decoded
// straight into the Float32Array the model keeps. The file itself is never held whole, so a 500 MB
// checkpoint needs about 500 MB, not twice that. Everything that can be checked from the header
// (the config, names, shapes, the size in memory, a cut-off file) is checked before a weight is read.
// Blob and File are in Node too, so the tests run this very code.

export const MODEL_FILES = ['config.json', 'model.safetensors', 'vocab.json', 'merges.txt'] as const;
export type ModelFileName = (typeof MODEL_FILES)[number];

/** What the reader needs of a file: a Blob from disk has it, and so does a file at a URL (remoteFiles.ts). */
export interface ModelFile {
  readonly size: number;
  text(): Promise<string>;
  slice(begin: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** The four files, found by name among what the reader picked or dropped; `folder` when they came in one. */
export interface PickedModel {
  files: Partial<Record<ModelFileName, ModelFile>>;
  folder: string | null;
}

/** Why a model could not be opened, in a form each language words for itself. */
export type OpenProblem =
  | { kind: 'missing'; files: string[] }
  | { kind: 'notGpt2'; modelType: string | null; architectures: string[] }
  | { kind: 'shapes'; detail: string }
  | { kind: 'truncated'; expectedBytes: number; actualBytes: number }
  | { kind: 'tooBig'; float32Bytes: number; parameters: number; limitBytes: number }
  /** `file`: which of the folder's files could not be read, when that is known. */
  | { kind: 'unreadable'; detail: string; file?: ModelFileName }
  | { kind: 'unreachable'; host: string; detail: string };

export class OpenModelError extends Error {
  readonly problem: OpenProblem;
  constructor(problem: OpenProblem, message: string) {
    super(message);
    this.name = 'OpenModelError';
    this.problem = problem;
  }
}

export interface OpenProgress {
  bytesRead: number;
  bytesTotal: number; // the bytes of the tensors the model uses, as stored in the file
  tensorsRead: number;
  tensorsTotal: number;
}

export interface OpenOptions {
  signal?: AbortSignal;
  onProgress?: (progress: OpenProgress) => void;
  /** The most Float32 weight memory to ask the browser for; see memoryLimitFor. */
  memoryLimitBytes: number;
}

// Text files this large are not a GPT-2 config or tokenizer (GPT-2's vocab.json is 1 MB).
const MAX_TEXT_BYTES = 64 * 2 ** 20;
// The safetensors library refuses headers above 100 MB; GPT-2 XL's is 60 KB.
const MAX_HEADER_BYTES = 100 * 2 ** 20;
// Tensors are read in pieces of this size (a multiple of every element size), so progress moves
// and cancelling answers within one piece even inside GPT-2's 154 MB wte.
const PIECE_BYTES = 16 * 2 ** 20;

/**
 * How much Float32 weight memory to ask for. One ArrayBuffer and one tab both stop near 2 GiB in
 * many browsers (gpt2-medium, 355M parameters, needs 1.4 GB; GPT-2 XL, 1.56B, needs 6.2 GB); on a
 * device that says how much memory it has (navigator.deviceMemory), a quarter of it, since the
 * forward pass, the page and the other tabs need the rest.
 */
export function memoryLimitFor(deviceMemoryGb: number | undefined): number {
  const cap = 2 * 2 ** 30;
  if (deviceMemoryGb === undefined || !(deviceMemoryGb > 0)) return cap;
  return Math.min(cap, (deviceMemoryGb * 2 ** 30) / 4);
}

/** Sort picked or dropped files into the four a model needs, by name; the folder is the first part of their path. */
export function pickModelFiles(files: Iterable<{ file: Blob; name: string; path: string }>): PickedModel {
  const picked: PickedModel = { files: {}, folder: null };
  const folders = new Set<string>();
  for (const { file, name, path } of files) {
    if (!(MODEL_FILES as readonly string[]).includes(name)) continue;
    const parts = path.split('/').filter(Boolean);
    // A folder holding other models' folders is not looked into: only files directly in the picked folder count.
    if (parts.length > 2) continue;
    picked.files[name as ModelFileName] = file;
    if (parts.length === 2) folders.add(parts[0]);
  }
  if (folders.size === 1) picked.folder = [...folders][0];
  return picked;
}

const fail = (problem: OpenProblem, message: string): never => {
  throw new OpenModelError(problem, message);
};

async function readText(file: ModelFile, name: ModelFileName): Promise<string> {
  if (file.size > MAX_TEXT_BYTES) {
    fail(
      { kind: 'unreadable', detail: `${name} is ${file.size} bytes, too large for a GPT-2 ${name}`, file: name },
      `${name} is too large`,
    );
  }
  return file.text();
}

async function readBytes(file: ModelFile, begin: number, end: number, signal: AbortSignal | undefined): Promise<Uint8Array> {
  signal?.throwIfAborted();
  const bytes = new Uint8Array(await file.slice(begin, end).arrayBuffer());
  signal?.throwIfAborted();
  if (bytes.length !== end - begin) {
    // The file shrank after it was picked (still being written or copied).
    fail(
      { kind: 'truncated', expectedBytes: end, actualBytes: begin + bytes.length },
      `model.safetensors ended at byte ${begin + bytes.length}`,
    );
  }
  return bytes;
}

/** Throw a 'notGpt2' problem for a config.json that names another architecture (Llama, BERT, …). */
function checkArchitecture(configText: string): void {
  let raw: unknown;
  try {
    raw = JSON.parse(configText.replace(/^\uFEFF/, ''));
  } catch {
    return; // parseConfig says what is wrong with it
  }
  if (typeof raw !== 'object' || raw === null) return;
  const { model_type: modelType, architectures } = raw as Record<string, unknown>;
  const names = Array.isArray(architectures) ? architectures.filter((a): a is string => typeof a === 'string') : [];
  const otherType = modelType !== undefined && modelType !== 'gpt2';
  const otherArchitecture = names.length > 0 && !names.some((name) => name.startsWith('GPT2'));
  if (otherType || otherArchitecture) {
    fail(
      { kind: 'notGpt2', modelType: typeof modelType === 'string' ? modelType : null, architectures: names },
      `config.json describes ${String(modelType ?? names.join(', '))}, not GPT-2`,
    );
  }
}

/** `run`, its error reported as `kind`; `file` names the file to blame, or works it out once there is an error. */
function withDetail<T>(kind: 'shapes' | 'unreadable', run: () => T, file?: ModelFileName | (() => ModelFileName)): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof OpenModelError) throw e;
    const detail = (e as Error).message;
    const blamed = typeof file === 'function' ? file() : file;
    return fail(kind === 'unreadable' && blamed ? { kind, detail, file: blamed } : { kind, detail }, detail);
  }
}

/** The model's name: the folder it came in, else the name its config.json was saved under, else "GPT-2". */
function modelName(picked: PickedModel, configText: string): string {
  if (picked.folder) return picked.folder;
  try {
    const saved = (JSON.parse(configText.replace(/^\uFEFF/, '')) as Record<string, unknown>)._name_or_path;
    if (typeof saved === 'string' && saved.trim() !== '') return saved.trim().split('/').pop()!;
  } catch {
    // parseConfig has already accepted it; a name is not worth a second message
  }
  return 'GPT-2';
}

/**
 * Open a GPT-2 checkpoint from the reader's files. Rejects with an OpenModelError that says what is
 * wrong, or with the signal's reason when cancelled; nothing is kept from a failed or cancelled open.
 */
export async function openModelFiles(picked: PickedModel, options: OpenOptions): Promise<AppModel> {
  const { signal, onProgress } = options;
  const missing = MODEL_FILES.filter((name) => picked.files[name] === undefined);
  if (missing.length > 0) fail({ kind: 'missing', files: missing }, `missing ${missing.join(', ')}`);
  const weights = picked.files['model.safetensors']!;

  const configText = await readText(picked.files['config.json']!, 'config.json');
  checkArchitecture(configText);
  const config: GPTConfig = withDetail('unreadable', () => parseConfig(configText), 'config.json');

  // The header: its length, then the JSON, then each tensor's place, all before any weight is read.
  const start = await readBytes(weights, 0, Math.min(SAFETENSORS_LENGTH_BYTES, weights.size), signal);
  const headerLength = withDetail('unreadable', () => safetensorsHeaderLength(start, weights.size), 'model.safetensors');
  if (headerLength > MAX_HEADER_BYTES) {
    fail(
      {
        kind: 'unreadable',
        detail: `model.safetensors: the header claims to be ${headerLength} bytes, more than a safetensors header may be`,
        file: 'model.safetensors',
      },
      'header too long',
    );
  }
  const dataStart = SAFETENSORS_LENGTH_BYTES + headerLength;
  const headerBytes = await readBytes(weights, SAFETENSORS_LENGTH_BYTES, dataStart, signal);
  const entries = withDetail('unreadable', () => parseSafetensorsHeader(headerBytes, Infinity), 'model.safetensors');
  const taken = withDetail('shapes', () => checkTensorShapes(config, new Map(entries.map((e) => [e.name, e.shape]))));
  const needed = entries.filter((e) => taken.has(e.name)).sort((a, b) => a.begin - b.begin);

  const parameters = needed.reduce((sum, e) => sum + numel(e.shape), 0);
  const float32Bytes = 4 * parameters;
  if (float32Bytes > options.memoryLimitBytes) {
    fail(
      { kind: 'tooBig', float32Bytes, parameters, limitBytes: options.memoryLimitBytes },
      `${parameters} parameters need ${float32Bytes} bytes as Float32`,
    );
  }
  const extent = entries.reduce((max, e) => Math.max(max, e.end), 0);
  if (dataStart + extent > weights.size) {
    fail(
      { kind: 'truncated', expectedBytes: dataStart + extent, actualBytes: weights.size },
      `model.safetensors has ${weights.size} of its ${dataStart + extent} bytes`,
    );
  }
  withDetail('unreadable', () => checkSafetensorsTiling(entries, weights.size - dataStart), 'model.safetensors');

  // The tokenizer next: it is quick, and a wrong one should not wait for the weights.
  const [vocab, merges] = await Promise.all([
    readText(picked.files['vocab.json']!, 'vocab.json'),
    readText(picked.files['merges.txt']!, 'merges.txt'),
  ]);
  signal?.throwIfAborted();
  // The two files are read together; when they fail, merges.txt is to blame only if vocab.json reads on its own.
  const tokenizer = withDetail(
    'unreadable',
    () => Tokenizer.fromFiles(vocab, merges),
    () => (readsAlone(() => parseVocab(vocab, 'vocab.json')) ? 'merges.txt' : 'vocab.json'),
  );

  const progress: OpenProgress = {
    bytesRead: 0,
    bytesTotal: needed.reduce((sum, e) => sum + (e.end - e.begin), 0),
    tensorsRead: 0,
    tensorsTotal: needed.length,
  };
  onProgress?.({ ...progress });
  const tensors = new Map<string, Tensor>();
  for (const entry of needed) {
    tensors.set(
      entry.name,
      await readTensor(weights, dataStart, entry, signal, (bytes) => {
        progress.bytesRead += bytes;
        onProgress?.({ ...progress });
      }),
    );
    progress.tensorsRead++;
    onProgress?.({ ...progress });
  }
  const model = withDetail('unreadable', () => modelFromTensors(config, tensors), 'model.safetensors');
  const loaded = withDetail('shapes', () => withTokenizer(model, tokenizer));
  return { ...loaded, card: null, name: modelName(picked, configText), isDefault: false };
}

/** One tensor, read piece by piece into the Float32Array the model keeps. */
async function readTensor(
  file: ModelFile,
  dataStart: number,
  entry: SafetensorsEntry,
  signal: AbortSignal | undefined,
  onBytes: (bytes: number) => void,
): Promise<Tensor> {
  const bytesPerElement = (entry.end - entry.begin) / Math.max(1, numel(entry.shape));
  const data = weightStorage(numel(entry.shape)); // (numel)
  for (let at = entry.begin; at < entry.end; at += PIECE_BYTES) {
    const end = Math.min(entry.end, at + PIECE_BYTES);
    const raw = await readBytes(file, dataStart + at, dataStart + end, signal);
    data.set(decodeTensor(entry.dtype, raw), (at - entry.begin) / bytesPerElement);
    onBytes(end - at);
  }
  return { data, shape: entry.shape };
}

function readsAlone(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch {
    return false;
  }
}
