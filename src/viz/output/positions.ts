// The every-position view: at each position, what the model predicts next and how much probability
// it gave the token that actually follows. Training maximises exactly that probability.

export interface PositionRow {
  position: number;
  token: number; // ids[position]
  top: number; // the model's most likely next token
  topProb: number;
  actual: number | null; // ids[position + 1], null at the last position
  actualProb: number | null;
  actualRank: number | null; // 1 = the model's top choice
}

/** probs (T, V) for every position (a trace made with logitRows 'all'), ids (T) -> one row per position. */
export function positionRows(probs: Float32Array, V: number, ids: ArrayLike<number>): PositionRow[] {
  const rows: PositionRow[] = [];
  for (let t = 0; t < ids.length; t++) {
    const p = probs.subarray(t * V, (t + 1) * V);
    let top = 0;
    for (let i = 1; i < V; i++) if (p[i] > p[top]) top = i;
    const actual = t + 1 < ids.length ? ids[t + 1] : null;
    let actualRank: number | null = null;
    if (actual !== null) {
      actualRank = 1;
      for (let i = 0; i < V; i++) if (p[i] > p[actual] || (p[i] === p[actual] && i < actual)) actualRank++;
    }
    rows.push({ position: t, token: ids[t], top, topProb: p[top], actual, actualProb: actual === null ? null : p[actual], actualRank });
  }
  return rows;
}
