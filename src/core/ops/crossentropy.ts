import type { Buf } from './buffer';
// Cross-entropy of the next-token targets, averaged over positions (and later over the batch by the caller).

// probs (T, V), targets (T) -> mean loss over the T positions
export function crossEntropyForward(probs: Buf, targets: ArrayLike<number>, T: number, V: number): number {
  let loss = 0;
  for (let t = 0; t < T; t++) loss -= Math.log(Math.max(probs[t * V + targets[t]], 1e-30));
  return loss / T;
}

// Softmax and cross-entropy fused: d loss / d logits = (probs - onehot) * scale.
// probs (T, V), targets (T) -> dlogits (T, V) overwritten
export function crossEntropyBackward(dlogits: Buf, probs: Buf, targets: ArrayLike<number>, T: number, V: number, scale: number): void {
  for (let t = 0; t < T; t++) {
    const base = t * V;
    for (let v = 0; v < V; v++) dlogits[base + v] = probs[base + v] * scale;
    dlogits[base + targets[t]] -= scale;
  }
}
