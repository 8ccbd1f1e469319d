// A (V, C) matrix with one row per token (W_e, W_u) shrunk to a picture `height` pixels tall. Each
// line of pixels shows one real row of the matrix, never an average: every (V / height)-th row,
// except that the marked rows (the text's tokens, the top logits) are always drawn, exactly, on the
// line where they fall (the selected one wins a shared line).

export interface VocabOverview {
  /** (height) the vocabulary row drawn on each line of pixels */
  rowOfLine: Int32Array;
  /** Where each looked-up id is drawn, in id order: the line, and whether it is the selected token's. */
  marks: { id: number; line: number; selected: boolean }[];
}

/** The row a line of pixels shows when no marked row falls on it: every (V / lines)-th. */
export function sampledRow(line: number, V: number, lines: number): number {
  return Math.floor((line * V) / lines);
}

export function lineOfRow(id: number, V: number, height: number): number {
  return Math.min(height - 1, Math.floor((id * height) / V));
}

export function vocabOverview(V: number, height: number, ids: readonly number[], selectedId: number): VocabOverview {
  const lines = Math.max(1, Math.min(height, V));
  const rowOfLine = Int32Array.from({ length: lines }, (_, line) => sampledRow(line, V, lines));
  const distinct = [...new Set(ids)].sort((a, b) => a - b);
  for (const id of distinct) if (id !== selectedId) rowOfLine[lineOfRow(id, V, lines)] = id;
  if (distinct.includes(selectedId)) rowOfLine[lineOfRow(selectedId, V, lines)] = selectedId;
  const marks = distinct.map((id) => ({ id, line: lineOfRow(id, V, lines), selected: id === selectedId }));
  return { rowOfLine, marks };
}
