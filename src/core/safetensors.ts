import type { Tensor } from './tensor';
import { numel } from './tensor';
import { decodeBf16, decodeF16, encodeF16 } from './dtype';
import { showJsonValue } from './jsonValue';

// The safetensors format (https://github.com/huggingface/safetensors):
//   8 bytes   N, the header length, an unsigned 64-bit little-endian integer
//   N bytes   UTF-8 JSON: { name: { dtype, shape, data_offsets: [begin, end] }, "__metadata__"?: {..} }
//   the rest  the byte buffer; data_offsets count from its start, every value little-endian.
// Nothing is aligned: the buffer starts at 8 + N, so values are copied out, never viewed in place.

const METADATA_KEY = '__metadata__';

const BYTES_PER_ELEMENT = { F32: 4, F16: 2, BF16: 2, F64: 8 } as const;
export type ReadableDtype = keyof typeof BYTES_PER_ELEMENT;

export type WritableDtype = 'F32' | 'F16';

export interface WriteSafetensorsOptions {
  /** How values are stored on disk; F16 halves the file at about 3 significant digits. */
  dtype?: WritableDtype;
  /** Free-form string pairs stored under "__metadata__". */
  metadata?: Record<string, string>;
}

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function isReadableDtype(dtype: string): dtype is ReadableDtype {
  return Object.hasOwn(BYTES_PER_ELEMENT, dtype);
}

function isNonNegativeInteger(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/** One tensor as the header describes it; begin and end count from the start of the data buffer. */
export interface SafetensorsEntry {
  name: string;
  dtype: ReadableDtype;
  shape: number[];
  begin: number;
  end: number;
}
type TensorEntry = SafetensorsEntry;

/** Bytes before the JSON header: its length, an unsigned 64-bit little-endian integer. */
export const SAFETENSORS_LENGTH_BYTES = 8;

/**
 * The header's length from the file's first bytes, checked against the file's size, so that a reader
 * holding only part of the file (a slice of a Blob) can fetch the header and then the tensors one by one.
 */
export function safetensorsHeaderLength(start: Uint8Array, fileSize: number, fileName = 'model.safetensors'): number {
  if (fileSize < SAFETENSORS_LENGTH_BYTES || start.length < SAFETENSORS_LENGTH_BYTES) {
    throw new Error(`${fileName}: the file is only ${fileSize} bytes long; a safetensors file starts with an 8-byte header length`);
  }
  // Read as a BigInt so that a corrupt length such as 2^60 is reported as written, not rounded.
  const headerLength = new DataView(start.buffer, start.byteOffset, start.byteLength).getBigUint64(0, true);
  if (headerLength > BigInt(fileSize - SAFETENSORS_LENGTH_BYTES)) {
    throw new Error(
      `${fileName}: the header claims to be ${headerLength} bytes but only ${fileSize - SAFETENSORS_LENGTH_BYTES} bytes follow the length field; ` +
        'the file is truncated or not a safetensors file',
    );
  }
  return Number(headerLength);
}

/**
 * The tensors the JSON header describes, each checked on its own: a supported dtype, a shape, and
 * offsets that hold exactly that shape and end within `dataLength` bytes (pass Infinity when the
 * data's length is not yet known). How they tile the buffer is checkSafetensorsTiling's part.
 */
export function parseSafetensorsHeader(headerBytes: Uint8Array, dataLength: number, fileName = 'model.safetensors'): SafetensorsEntry[] {
  const fail = (problem: string): never => {
    throw new Error(`${fileName}: ${problem}`);
  };
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes));
  } catch (error) {
    fail(`the header is not valid UTF-8 JSON (${(error as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    fail('the header must be a JSON object mapping tensor names to {dtype, shape, data_offsets}');
  }
  return Object.entries(header as Record<string, unknown>)
    .filter(([name]) => name !== METADATA_KEY)
    .map(([name, entry]) => checkEntry(name, entry, dataLength, fail));
}

/** Throw unless the tensors tile a data buffer of `dataLength` bytes exactly, without gaps or overlaps. */
export function checkSafetensorsTiling(entries: readonly SafetensorsEntry[], dataLength: number, fileName = 'model.safetensors'): void {
  checkTiling(entries, dataLength, (problem: string): never => {
    throw new Error(`${fileName}: ${problem}`);
  });
}

/** Parse a .safetensors file into float32 tensors, whatever float type it stores. */
export function readSafetensors(bytes: Uint8Array, fileName = 'model.safetensors'): Map<string, Tensor> {
  const dataStart = SAFETENSORS_LENGTH_BYTES + safetensorsHeaderLength(bytes, bytes.length, fileName);
  const data = bytes.subarray(dataStart); // the byte buffer all offsets point into
  const entries = parseSafetensorsHeader(bytes.subarray(SAFETENSORS_LENGTH_BYTES, dataStart), data.length, fileName);
  checkSafetensorsTiling(entries, data.length, fileName);
  return new Map(entries.map((e) => [e.name, { data: decodeTensor(e.dtype, data.subarray(e.begin, e.end)), shape: e.shape }]));
}

function checkEntry(name: string, entry: unknown, dataLength: number, fail: (problem: string) => never): TensorEntry {
  const tensor = `tensor ${showJsonValue(name)}`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    fail(`${tensor} must be described by an object with dtype, shape and data_offsets`);
  }
  const { dtype, shape, data_offsets: offsets } = entry as Record<string, unknown>;
  if (typeof dtype !== 'string' || !isReadableDtype(dtype)) {
    fail(
      `${tensor} has dtype ${showJsonValue(dtype)}, which this reader does not support ` +
        `(it reads ${Object.keys(BYTES_PER_ELEMENT).join(', ')})`,
    );
  }
  const readable = dtype as ReadableDtype;
  if (!Array.isArray(shape) || !shape.every(isNonNegativeInteger)) {
    fail(`${tensor} has shape ${showJsonValue(shape)}; a shape must be an array of non-negative integers`);
  }
  const dims = shape as number[];
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isNonNegativeInteger)) {
    fail(`${tensor} has data_offsets ${showJsonValue(offsets)}; expected [begin, end] as two non-negative integers below 2^53`);
  }
  const [begin, end] = offsets as number[];
  if (begin > end) fail(`${tensor} has data_offsets [${begin}, ${end}]: its data would begin after it ends`);
  if (end > dataLength) {
    fail(`${tensor} has data_offsets [${begin}, ${end}], past the end of the ${dataLength}-byte data buffer (the file may be truncated)`);
  }
  const expectedBytes = numel(dims) * BYTES_PER_ELEMENT[readable];
  if (end - begin !== expectedBytes) {
    fail(
      `${tensor} has data_offsets [${begin}, ${end}] covering ${end - begin} bytes, ` +
        `but shape [${dims.join(', ')}] of ${readable} needs ${expectedBytes} bytes`,
    );
  }
  return { name, dtype: readable, shape: [...dims], begin, end };
}

// The format requires the tensors to tile the data buffer exactly: sorted by offset, each begins where
// the one before ends, and the last ends with the file. Overlapping tensors would share weights, and
// bytes that belong to no tensor usually mean the offsets were edited by hand.
function checkTiling(entries: readonly TensorEntry[], dataLength: number, fail: (problem: string) => never): void {
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  let previous: TensorEntry | null = null;
  for (const e of sorted) {
    if (e.begin < covered && previous) {
      fail(
        `tensor ${showJsonValue(e.name)} (bytes ${e.begin}..${e.end}) overlaps tensor ${showJsonValue(previous.name)} ` +
          `(bytes ${previous.begin}..${previous.end}); the tensors must tile the data buffer without overlapping`,
      );
    }
    if (e.begin > covered) {
      fail(
        `bytes ${covered}..${e.begin} of the data buffer belong to no tensor (the next, ${showJsonValue(e.name)}, begins at ${e.begin}); ` +
          'the tensors must tile the data buffer without gaps',
      );
    }
    covered = e.end;
    previous = e;
  }
  if (covered !== dataLength) {
    fail(
      `bytes ${covered}..${dataLength} at the end of the data buffer belong to no tensor; the tensors must tile the data buffer exactly`,
    );
  }
}

/** Raw little-endian bytes of one tensor -> float32 values, in memory of their own. */
export function decodeTensor(dtype: ReadableDtype, raw: Uint8Array): Float32Array {
  switch (dtype) {
    case 'F16':
      return decodeF16(raw);
    case 'BF16':
      return decodeBf16(raw);
    case 'F32': {
      // Copying into a fresh buffer both fixes alignment and detaches the tensor from the file.
      const aligned = new Uint8Array(raw.length);
      aligned.set(raw);
      if (littleEndianHost) return new Float32Array(aligned.buffer);
      const view = new DataView(aligned.buffer);
      return Float32Array.from({ length: raw.length / 4 }, (_, i) => view.getFloat32(4 * i, true));
    }
    case 'F64': {
      const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      return Float32Array.from({ length: raw.length / 8 }, (_, i) => view.getFloat64(8 * i, true));
    }
  }
}

/**
 * Serialise float32 tensors as safetensors. Tensors are laid out sorted by name, as the
 * Python library does for a single dtype, so the same weights always give the same bytes.
 */
export function writeSafetensors(tensors: Map<string, Tensor> | [string, Tensor][], options: WriteSafetensorsOptions = {}): Uint8Array {
  const dtype = options.dtype ?? 'F32';
  if (dtype !== 'F32' && dtype !== 'F16') {
    throw new Error(`writeSafetensors: dtype must be "F32" or "F16", got ${JSON.stringify(dtype)}`);
  }
  const entries = [...tensors];
  const names = new Set<string>();
  for (const [name, t] of entries) {
    if (name === METADATA_KEY) throw new Error(`writeSafetensors: "${METADATA_KEY}" is reserved and cannot name a tensor`);
    if (names.has(name)) throw new Error(`writeSafetensors: tensor "${name}" appears twice`);
    names.add(name);
    if (t.data.length !== numel(t.shape)) {
      throw new Error(`writeSafetensors: tensor "${name}" has ${t.data.length} values but shape [${t.shape.join(', ')}]`);
    }
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  const bytesPerElement = BYTES_PER_ELEMENT[dtype];
  // Built by hand rather than with one JSON.stringify, because JS objects move integer-like
  // keys (a tensor named "0") to the front and the file would no longer follow `entries`.
  const headerParts: string[] = [];
  if (options.metadata) headerParts.push(`${JSON.stringify(METADATA_KEY)}:${JSON.stringify(options.metadata)}`);
  let offset = 0;
  for (const [name, t] of entries) {
    const size = t.data.length * bytesPerElement;
    const info = { dtype, shape: [...t.shape], data_offsets: [offset, offset + size] };
    headerParts.push(`${JSON.stringify(name)}:${JSON.stringify(info)}`);
    offset += size;
  }
  const headerBytes = new TextEncoder().encode(`{${headerParts.join(',')}}`);
  // The reference writer pads with spaces so the data buffer starts 8-byte aligned.
  const headerLength = Math.ceil(headerBytes.length / 8) * 8;

  const out = new Uint8Array(8 + headerLength + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, headerLength % 2 ** 32, true);
  view.setUint32(4, Math.floor(headerLength / 2 ** 32), true);
  out.set(headerBytes, 8);
  out.fill(0x20, 8 + headerBytes.length, 8 + headerLength);

  let position = 8 + headerLength;
  for (const [, t] of entries) {
    out.set(encode(dtype, t.data), position);
    position += t.data.length * bytesPerElement;
  }
  return out;
}

// float32 values -> little-endian bytes of `dtype`.
function encode(dtype: WritableDtype, values: Float32Array): Uint8Array {
  if (dtype === 'F16') return encodeF16(values);
  if (littleEndianHost) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setFloat32(4 * i, v, true));
  return out;
}
