// W_e (V, C) shrunk to a picture `height` pixels tall. Each line of pixels shows one real row of the
// matrix, never an average: every (V / height)-th row, except that the rows a text looks up are
// always drawn, exactly, on the line where they fall (the selected token's row wins a shared line).

export interface EmbeddingOverview {
  /** (height) the vocabulary row drawn on each line of pixels */
  rowOfLine: Int32Array;
  /** Where each looked-up id is drawn, in id order: the line, and whether it is the selected token's. */
  marks: { id: number; line: number; selected: boolean }[];
}

export function lineOfRow(id: number, V: number, height: number): number {
  return Math.min(height - 1, Math.floor((id * height) / V));
}

export function embeddingOverview(V: number, height: number, ids: readonly number[], selectedId: number): EmbeddingOverview {
  const lines = Math.max(1, Math.min(height, V));
  const rowOfLine = Int32Array.from({ length: lines }, (_, line) => Math.floor((line * V) / lines));
  const distinct = [...new Set(ids)].sort((a, b) => a - b);
  for (const id of distinct) if (id !== selectedId) rowOfLine[lineOfRow(id, V, lines)] = id;
  if (distinct.includes(selectedId)) rowOfLine[lineOfRow(selectedId, V, lines)] = selectedId;
  const marks = distinct.map((id) => ({ id, line: lineOfRow(id, V, lines), selected: id === selectedId }));
  return { rowOfLine, marks };
}
