// Which rows of the embedding name a token. Checkpoints often pad wte to a round number of rows
// (GPT-2 exports with 50,304 for 50,257 tokens), and a hand-made vocab.json may skip ids. Those rows
// have weights but no text, so they are never printed, drawn, ranked or labelled: their logits are
// set to -Infinity, which makes their probability exactly 0, and rankings of rows leave them out.

/** (V) 1 where the id names a token; null when every id below `vocabSize` does, as in most models. */
export function tokenMaskFor(vocabSize: number, hasToken: (id: number) => boolean): Uint8Array | null {
  const mask = new Uint8Array(vocabSize);
  let unused = 0;
  for (let id = 0; id < vocabSize; id++) {
    mask[id] = hasToken(id) ? 1 : 0;
    unused += 1 - mask[id];
  }
  return unused === 0 ? null : mask;
}

/** logits (rows, V): the entries of ids with no token become -Infinity. */
export function maskLogits(logits: Float32Array, mask: Uint8Array | null | undefined, rows: number, V: number): void {
  if (!mask) return;
  for (let r = 0; r < rows; r++) {
    const row = logits.subarray(r * V, (r + 1) * V);
    for (let id = 0; id < V; id++) if (mask[id] === 0) row[id] = -Infinity;
  }
}
