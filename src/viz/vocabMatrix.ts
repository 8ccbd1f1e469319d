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

/** The picture's height: each of its lines of pixels is one row of the matrix. */
export const OVERVIEW_HEIGHT = 220;
/** Room right of the picture for the row marks and the selected row's label. */
const MARK_W = 150;

export interface VocabMatrixFrame {
  matrixW: number; // the picture, stretched to this width
  width: number; // the picture and the marks beside it
  height: number;
  /** A tick right of the picture for each marked row, longer for the selected one. */
  marks: { id: number; selected: boolean; x1: number; x2: number; y: number }[];
  /** Where the selected row's label goes, if a row is selected. */
  label: { id: number; x: number; y: number } | null;
}

/** The overview of a (V, C) matrix for a figure `width` wide: about 4px per column, never narrower than 96px. */
export function vocabMatrixFrame(overview: VocabOverview, C: number, width: number): VocabMatrixFrame {
  const matrixW = Math.max(96, Math.min(C * 4, width - MARK_W));
  const lineH = OVERVIEW_HEIGHT / overview.rowOfLine.length;
  const y = (line: number) => (line + 0.5) * lineH;
  const marks = overview.marks.map((m) => ({
    id: m.id,
    selected: m.selected,
    x1: matrixW + 2,
    x2: matrixW + (m.selected ? 18 : 8),
    y: y(m.line),
  }));
  const selected = overview.marks.find((m) => m.selected);
  const label = selected ? { id: selected.id, x: matrixW + 22, y: y(selected.line) } : null;
  return { matrixW, width: matrixW + MARK_W, height: OVERVIEW_HEIGHT, marks, label };
}

/** The value under a point given as fractions (0..1) of the picture's width and height: its line and column. */
export function vocabCellAt(fx: number, fy: number, C: number, lines: number): { line: number; c: number } {
  const c = Math.min(C - 1, Math.max(0, Math.floor(fx * C)));
  const line = Math.min(lines - 1, Math.max(0, Math.floor(fy * lines)));
  return { line, c };
}
