/**
 * Work areas for the gradient buffers of one backward pass, kept from pass to pass. Fresh memory is
 * not free: a 128-token pass of the tiny model asks for about 7 MB (4 MB of it d logits), and a
 * virtual machine that is slow to hand out pages spends longer on that than on the arithmetic.
 * It sizes itself: a pass that asks for more than it holds gets fresh arrays for the rest, and the
 * next pass finds one buffer big enough for all of it.
 */
export class ScratchMemory {
  private buffer = new Float32Array(0);
  private used = 0;
  private asked = 0;

  /** Start a pass: everything handed out before may be written over. */
  reset(): void {
    if (this.asked > this.buffer.length) this.buffer = new Float32Array(this.asked);
    this.used = 0;
    this.asked = 0;
  }

  /** `values` zeros, valid until the next reset. */
  zeros(values: number): Float32Array {
    this.asked += values;
    if (this.used + values > this.buffer.length) return new Float32Array(values);
    const out = this.buffer.subarray(this.used, this.used + values);
    this.used += values;
    return out.fill(0);
  }
}
