import type { Buf } from './buffer';
import { matmulAdd, matmulAddTransposedA, matmulAddTransposedB } from './matmul';

// Unembedding: one logit per vocabulary entry, the dot product of the vector with that entry's row of W_u.

// inp (T, C), wu (V, C) -> logits (T, V)
export function unembeddingForward(logits: Buf, inp: Buf, wu: Buf, T: number, C: number, V: number): void {
  logits.fill(0, 0, T * V);
  matmulAddTransposedB(logits, inp, wu, T, C, V);
}

// dlogits (T, V) -> dinp (T, C) accumulated, dwu (V, C) accumulated
export function unembeddingBackward(dinp: Buf, dwu: Buf | null, dlogits: Buf, inp: Buf, wu: Buf, T: number, C: number, V: number): void {
  matmulAdd(dinp, dlogits, wu, T, V, C);
  if (dwu) matmulAddTransposedA(dwu, dlogits, inp, T, V, C);
}
