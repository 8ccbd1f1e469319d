import type { Buf } from './buffer';
import { MATMUL_WASM_BASE64 } from './matmulWasm';

// The float32 matrix products, run four lanes at a time by our own WebAssembly kernels (matmul.wat).
// Scalar JavaScript tops out near 7 GFLOP/s on this project's machine; these reach 25–40, which
// is what brings a 128-token forward pass well inside one frame in Node. They work on copies in the
// module's memory, so callers keep their Float32Arrays: a small share of a block product's time,
// and about a sixth of the last position's logits, where all of W_u is copied for one row.
// Where WebAssembly SIMD is missing, for Float64 buffers, or for products too big to copy, the
// callers fall back to the scalar kernels.

interface Kernels {
  memory: WebAssembly.Memory;
  matmulAdd(out: number, a: number, b: number, M: number, K: number, N: number, causal: number): void;
  matmulAddTransposedB(out: number, a: number, b: number, M: number, K: number, N: number): void;
}

const PAGE_BYTES = 65536;
// The most values one product may copy in (out, A and B together): 32 MB, far above the tiny model's
// largest (all positions' logits, 1.6M values), so the module's memory never grows to a real GPT-2's size.
export const MAX_COPIED = 1 << 23;

let kernels: Kernels | null | undefined;
let enabled = true;

function load(): Kernels | null {
  try {
    const bytes = Uint8Array.from(atob(MATMUL_WASM_BASE64), (c) => c.charCodeAt(0));
    // Synchronous compilation, allowed on a browser's main thread for a module this small (< 4 KB).
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    return exports as unknown as Kernels;
  } catch {
    return null;
  }
}

function available(): Kernels | null {
  if (kernels === undefined) kernels = load();
  return enabled ? kernels : null;
}

/** Whether this engine runs the SIMD kernels (it may lack WebAssembly SIMD). */
export function simdSupported(): boolean {
  if (kernels === undefined) kernels = load();
  return kernels !== null;
}

/** Whether products run in the SIMD kernels now: supported, and not turned off. */
export function simdActive(): boolean {
  return available() !== null;
}

/** Turn the SIMD kernels off or on, so the bench and the tests can run the scalar ones too. */
export function setSimdEnabled(on: boolean): void {
  enabled = on;
}

// Byte offsets of matrices laid end to end in the module's memory, each on a 16-byte boundary;
// null if the memory cannot grow that far.
function place(kernels: Kernels, ...lengths: number[]): number[] | null {
  const offsets: number[] = [];
  let end = 0;
  for (const length of lengths) {
    offsets.push(end);
    end += Math.ceil((length * 4) / 16) * 16;
  }
  const missing = end - kernels.memory.buffer.byteLength;
  if (missing > 0) {
    try {
      kernels.memory.grow(Math.ceil(missing / PAGE_BYTES));
    } catch {
      return null;
    }
  }
  return offsets;
}

function run(
  kernels: Kernels,
  out: Float32Array,
  A: Float32Array,
  B: Float32Array,
  sizes: [number, number, number],
  call: (o: number, a: number, b: number) => void,
): boolean {
  const [outLength, aLength, bLength] = sizes;
  if (outLength + aLength + bLength > MAX_COPIED) return false;
  const offsets = place(kernels, outLength, aLength, bLength);
  if (!offsets) return false;
  const [o, a, b] = offsets;
  const memory = new Float32Array(kernels.memory.buffer);
  memory.set(out.subarray(0, outLength), o / 4);
  memory.set(A.subarray(0, aLength), a / 4);
  memory.set(B.subarray(0, bLength), b / 4);
  call(o, a, b);
  out.set(memory.subarray(o / 4, o / 4 + outLength));
  return true;
}

// out (M, N) += A (M, K) @ B (K, N); false when the caller must use the scalar kernel
export function simdMatmulAdd(out: Buf, A: Buf, B: Buf, M: number, K: number, N: number, causalA: boolean): boolean {
  const k = available();
  if (!k || !(out instanceof Float32Array && A instanceof Float32Array && B instanceof Float32Array)) return false;
  return run(k, out, A, B, [M * N, M * K, K * N], (o, a, b) => k.matmulAdd(o, a, b, M, K, N, causalA ? 1 : 0));
}

// out (M, N) += A (M, K) @ B (N, K)ᵀ, B by rows; false when the caller must use the scalar kernel
export function simdMatmulAddTransposedB(out: Buf, A: Buf, B: Buf, M: number, K: number, N: number): boolean {
  const k = available();
  if (!k || !(out instanceof Float32Array && A instanceof Float32Array && B instanceof Float32Array)) return false;
  return run(k, out, A, B, [M * N, M * K, N * K], (o, a, b) => k.matmulAddTransposedB(o, a, b, M, K, N));
}
