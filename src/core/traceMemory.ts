import { TensorArena } from './tensor';
import type { Trace } from './trace';

/**
 * Memory that forward() writes its trace into, kept from one pass to the next. A trace written here is
 * valid until the next pass that uses the same memory, so a caller that still shows one trace while it
 * computes the next keeps two (the app's passes alternate between a pair, see usePass.ts).
 */
export class TraceMemory {
  private buffer = new ArrayBuffer(0);
  private scratchValues = new Float32Array(0);

  /** An arena of exactly `values` values over this memory, growing it when a pass needs more. */
  arena(values: number): TensorArena {
    const bytes = values * Float32Array.BYTES_PER_ELEMENT;
    // Grow by half again, so text typed one token at a time does not reallocate on every keystroke.
    if (bytes > this.buffer.byteLength) this.buffer = new ArrayBuffer(Math.max(bytes, Math.floor(this.buffer.byteLength * 1.5)));
    return new TensorArena(values, this.buffer);
  }

  /** A work area of `values` values that the trace does not keep (each block's c_attn output). */
  scratch(values: number): Float32Array {
    if (values > this.scratchValues.length) this.scratchValues = new Float32Array(values);
    return this.scratchValues.subarray(0, values);
  }

  /** Whether `values` lie in this memory as it is now (a memory that grew has let go of its old buffer). */
  holds(values: Float32Array): boolean {
    return values.buffer === this.buffer;
  }

  /** Bytes held, for the tests and the bench. */
  get bytes(): number {
    return this.buffer.byteLength + this.scratchValues.byteLength;
  }
}

/**
 * The two memories one stream of passes alternates between: each pass writes into the one that the
 * trace on screen does not use, so the page shows a whole trace while the next is computed, and a pass
 * that is computed and then thrown away (React may do that) costs nothing but time.
 */
export class AlternatingTraceMemory {
  private readonly pair = [new TraceMemory(), new TraceMemory()] as const;
  private shownIn: TraceMemory | null = null;

  /** Run `pass` into the memory that the trace on screen does not use. */
  run<T>(pass: (memory: TraceMemory) => T): T {
    return pass(this.pair[0] === this.shownIn ? this.pair[1] : this.pair[0]);
  }

  /** `trace` is on screen now: the next pass must not write over it. */
  show(trace: Trace): void {
    this.shownIn = this.pair.find((memory) => memory.holds(trace.x0.data)) ?? null;
  }
}
