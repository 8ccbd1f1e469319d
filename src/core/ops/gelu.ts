import type { Buf } from './buffer';
import { exp } from './exp';
// GPT-2's tanh approximation of GELU ("gelu_new").
const GELU_SCALE = Math.sqrt(2 / Math.PI);

// ½x(1 + tanh y) is written as x / (1 + e^{−2y}): the same value, one exp instead of the slower
// Math.tanh, and no cancellation for large negative x, where the result is a tiny negative number.
export function gelu(x: number): number {
  return x / (1 + exp(-2 * GELU_SCALE * (x + 0.044715 * x * x * x)));
}

// inp (N) -> out (N)
export function geluForward(out: Buf, inp: Buf, N: number): void {
  for (let i = 0; i < N; i++) out[i] = gelu(inp[i]);
}

// dout (N) -> dinp (N) accumulated
export function geluBackward(dinp: Buf, inp: Buf, dout: Buf, N: number): void {
  for (let i = 0; i < N; i++) {
    const x = inp[i];
    const cube = 0.044715 * x * x * x;
    const tanhArg = GELU_SCALE * (x + cube);
    const tanhOut = Math.tanh(tanhArg);
    const coshOut = Math.cosh(tanhArg);
    const sech2 = 1 / (coshOut * coshOut);
    const local = 0.5 * (1 + tanhOut) + x * 0.5 * sech2 * GELU_SCALE * (1 + 3 * 0.044715 * x * x);
    dinp[i] += local * dout[i];
  }
}
