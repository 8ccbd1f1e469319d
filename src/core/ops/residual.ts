import type { Buf } from './buffer';
// The residual stream: a block adds its change to the vector instead of replacing it.

// a (N), b (N) -> out (N)
export function residualForward(out: Buf, a: Buf, b: Buf, N: number): void {
  for (let i = 0; i < N; i++) out[i] = a[i] + b[i];
}

// dout (N) -> da (N), db (N) accumulated: addition passes the gradient to both inputs unchanged.
export function residualBackward(da: Buf, db: Buf, dout: Buf, N: number): void {
  for (let i = 0; i < N; i++) {
    da[i] += dout[i];
    db[i] += dout[i];
  }
}
