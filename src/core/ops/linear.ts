import type { Buf } from './buffer';
import { matmulAdd, matmulAddTransposedA, matmulAddTransposedB } from './matmul';

// A GPT-2 Conv1D layer: y = x @ W + b with W stored (in, out).

// inp (T, IN), weight (IN, OUT), bias (OUT) -> out (T, OUT)
export function linearForward(out: Buf, inp: Buf, weight: Buf, bias: Buf | null, T: number, IN: number, OUT: number): void {
  if (bias) for (let t = 0; t < T; t++) out.set(bias.subarray(0, OUT), t * OUT);
  else out.fill(0, 0, T * OUT);
  matmulAdd(out, inp, weight, T, IN, OUT);
}

// dout (T, OUT) -> dinp (T, IN) accumulated, dweight (IN, OUT) and dbias (OUT) accumulated
export function linearBackward(
  dinp: Buf | null,
  dweight: Buf,
  dbias: Buf | null,
  dout: Buf,
  inp: Buf,
  weight: Buf,
  T: number,
  IN: number,
  OUT: number,
): void {
  if (dinp) matmulAddTransposedB(dinp, dout, weight, T, OUT, IN);
  matmulAddTransposedA(dweight, inp, dout, T, IN, OUT);
  if (dbias) {
    for (let t = 0; t < T; t++) for (let o = 0; o < OUT; o++) dbias[o] += dout[t * OUT + o];
  }
}
