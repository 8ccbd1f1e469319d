// A tensor is a flat row-major Float32Array plus its shape; batch size is always 1.
export interface Tensor {
  data: Float32Array;
  shape: readonly number[];
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function zeros(shape: readonly number[]): Tensor {
  return { data: new Float32Array(numel(shape)), shape: [...shape] };
}

export function tensor(data: Float32Array | number[], shape: readonly number[]): Tensor {
  const flat = data instanceof Float32Array ? data : Float32Array.from(data);
  if (flat.length !== numel(shape)) {
    throw new Error(`tensor: ${flat.length} values do not fill shape [${shape.join(', ')}]`);
  }
  return { data: flat, shape: [...shape] };
}

/** Row `i` of a 2-D tensor as a view (llm.c's `out + t*C`). */
export function row(t: Tensor, i: number): Float32Array {
  const width = t.shape[t.shape.length - 1];
  return t.data.subarray(i * width, (i + 1) * width);
}

/** Slice `i` along the first axis, as a view with the remaining shape. */
export function slice0(t: Tensor, i: number): Tensor {
  const inner = t.shape.slice(1);
  const size = numel(inner);
  return { data: t.data.subarray(i * size, (i + 1) * size), shape: inner };
}

export function at(t: Tensor, ...index: number[]): number {
  let offset = 0;
  for (let d = 0; d < t.shape.length; d++) offset = offset * t.shape[d] + index[d];
  return t.data[offset];
}

/**
 * Zeroed tensors carved out of one ArrayBuffer, as llm.c mallocs all activations at once. A forward
 * pass keeps some sixty tensors; one allocation instead of sixty takes a fifth of the time. Given a
 * buffer from an earlier pass (TraceMemory), the arena zeroes what it hands out instead of allocating:
 * fresh pages are what makes a pass slow in the browser, not the arithmetic.
 */
export class TensorArena {
  private readonly buffer: ArrayBuffer;
  private readonly reused: boolean;
  private used = 0;

  constructor(
    private readonly capacity: number,
    buffer?: ArrayBuffer,
  ) {
    if (buffer !== undefined && buffer.byteLength < capacity * Float32Array.BYTES_PER_ELEMENT) {
      throw new Error(`tensor arena: a buffer of ${buffer.byteLength} bytes cannot hold ${capacity} values`);
    }
    this.buffer = buffer ?? new ArrayBuffer(capacity * Float32Array.BYTES_PER_ELEMENT);
    this.reused = buffer !== undefined;
  }

  zeros(shape: readonly number[]): Tensor {
    const size = numel(shape);
    if (this.used + size > this.capacity) throw new Error(`tensor arena: ${size} more values do not fit in ${this.capacity - this.used}`);
    const data = new Float32Array(this.buffer, this.used * Float32Array.BYTES_PER_ELEMENT, size);
    if (this.reused) data.fill(0);
    this.used += size;
    return { data, shape: [...shape] };
  }

  /** Values never handed out: 0 when the capacity was computed exactly. */
  get unused(): number {
    return this.capacity - this.used;
  }
}
