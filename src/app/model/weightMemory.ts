import { parameterCounts } from '../../core/checkpoint';
import type { GPTModel } from '../../core/model';

// How much memory an opened model's weights take, and whether its pass worker can have them too.

/** Bytes of the weights as Float32 (a tied W_u counted once). */
export function weightBytes(model: GPTModel): number {
  return parameterCounts(model).reduce((bytes, p) => bytes + p.count * Float32Array.BYTES_PER_ELEMENT, 0);
}

/**
 * Storage for a weight tensor the pass worker can use without a copy of its own: shared memory when the page
 * is cross-origin isolated (the only pages a browser lets share it), an ordinary array otherwise.
 */
export function weightStorage(length: number): Float32Array {
  const shareable = globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
  return shareable ? new Float32Array(new SharedArrayBuffer(length * Float32Array.BYTES_PER_ELEMENT)) : new Float32Array(length);
}

/** Whether the worker can hold `model` beside the page: the weights once if they are shared, twice if it needs its own copy. */
export function fitsPassWorker(model: GPTModel, memoryLimitBytes: number): boolean {
  const shared = typeof SharedArrayBuffer === 'function' && model.params.wte.data.buffer instanceof SharedArrayBuffer;
  return (shared ? 1 : 2) * weightBytes(model) <= memoryLimitBytes;
}
