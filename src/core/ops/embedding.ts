import type { Buf } from './buffer';
// Token embedding plus learned position embedding (GPT-2's encoder).

// ids (T), wte (V, C), wpe (maxT, C) -> tokEmb (T, C), posEmb (T, C), out (T, C)
export function embeddingForward(
  tokEmb: Buf,
  posEmb: Buf,
  out: Buf,
  ids: ArrayLike<number>,
  wte: Buf,
  wpe: Buf,
  T: number,
  C: number,
): void {
  for (let t = 0; t < T; t++) {
    const tokRow = ids[t] * C;
    const posRow = t * C;
    for (let c = 0; c < C; c++) {
      const te = wte[tokRow + c];
      const pe = wpe[posRow + c];
      tokEmb[t * C + c] = te;
      posEmb[t * C + c] = pe;
      out[t * C + c] = te + pe;
    }
  }
}

// dout (T, C) -> accumulates into dwte (V, C) and dwpe (maxT, C)
export function embeddingBackward(dwte: Buf | null, dwpe: Buf, dout: Buf, ids: ArrayLike<number>, T: number, C: number): void {
  for (let t = 0; t < T; t++) {
    const tokRow = ids[t] * C;
    for (let c = 0; c < C; c++) {
      const g = dout[t * C + c];
      if (dwte) dwte[tokRow + c] += g;
      dwpe[t * C + c] += g;
    }
  }
}
