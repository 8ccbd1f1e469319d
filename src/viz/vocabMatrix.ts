import { evenStep } from './heatmap';
import { gridKeyMove } from './gridKeys';

// A (V, C) matrix with one row per token (W_e, W_u) shrunk to a picture `height` pixels tall. Each
// line of pixels shows one real row of the matrix, never an average: every (V / height)-th row,
// except that the marked rows (the text's tokens, the top logits) are always drawn, exactly, on the
// line where they fall (the selected one wins a shared line). Columns are drawn whole or, when too many
// for the room, every k-th of them (vocabColumns).

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
/** The least room the picture gets, however narrow the figure. */
const MIN_ROOM = 96;
/** The widest a column is drawn: the tiny model's 64 columns fill 256px. */
const MAX_COLUMN_W = 4;

export interface VocabColumns {
  cols: number; // the matrix's C columns, drawn or not
  /** Every `step`-th column is drawn, from column 0; 1 when all of them are. */
  step: number;
  /** How many columns are drawn, ceil(C / step): the bitmap's width in pixels. */
  shownCols: number;
  /** Whole screen pixels per drawn column, so the bitmap is scaled by an integer and no two columns blend. */
  columnW: number;
}

/**
 * Which of a (V, C) matrix's columns the picture draws in `room` pixels, and how wide: all of them when
 * each gets a pixel, otherwise every k-th. GPT-2's 768 columns are sampled rather than kept whole because
 * a figure beside the prose has about 430px for the picture (216px on a phone): squeezed in, two to four
 * columns would blend into each pixel, a colour no cell has; drawn whole, the picture would scroll and
 * take the row ticks beside it out of sight. Every k-th column keeps each pixel one real value, as each
 * line of pixels is already one real row.
 */
export function vocabColumns(C: number, room: number): VocabColumns {
  const step = C <= room ? 1 : evenStep(C, Math.ceil(C / room));
  const shownCols = Math.ceil(C / step);
  const columnW = Math.max(1, Math.min(MAX_COLUMN_W, Math.floor(room / shownCols)));
  return { cols: C, step, shownCols, columnW };
}

/** The values one line of pixels draws from row `row` of a (V, C) matrix: every `step`-th, from column 0. */
export function drawnValues(data: Float32Array, C: number, row: number, step: number): Float32Array {
  const start = row * C;
  if (step === 1) return data.subarray(start, start + C);
  return Float32Array.from({ length: Math.ceil(C / step) }, (_, j) => data[start + j * step]);
}

export interface VocabMatrixFrame extends VocabColumns {
  matrixW: number; // the picture: shownCols × columnW
  width: number; // the picture and the marks beside it
  height: number;
  /** A tick right of the picture for each marked row, longer for the selected one. */
  marks: { id: number; selected: boolean; x1: number; x2: number; y: number }[];
  /** Where the selected row's label goes, if a row is selected. */
  label: { id: number; x: number; y: number } | null;
}

/** The overview of a (V, C) matrix for a figure `width` wide: up to 4px per column, in whatever room the marks leave. */
export function vocabMatrixFrame(overview: VocabOverview, C: number, width: number): VocabMatrixFrame {
  const columns = vocabColumns(C, Math.max(MIN_ROOM, width - MARK_W));
  const matrixW = columns.shownCols * columns.columnW;
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
  return { ...columns, matrixW, width: matrixW + MARK_W, height: OVERVIEW_HEIGHT, marks, label };
}

/**
 * The value under a point given as fractions (0..1) of the picture's width and height: its line, and the
 * real column of the drawn column there.
 */
export function vocabCellAt(
  fx: number,
  fy: number,
  columns: Pick<VocabColumns, 'step' | 'shownCols'>,
  lines: number,
): { line: number; c: number } {
  const drawn = Math.min(columns.shownCols - 1, Math.max(0, Math.floor(fx * columns.shownCols)));
  const line = Math.min(lines - 1, Math.max(0, Math.floor(fy * lines)));
  return { line, c: drawn * columns.step };
}

/**
 * Where a key takes the read cell: a line or a drawn column per arrow, a line's first or last drawn column on Home
 * and End, never off the picture; null for any other key.
 */
export function vocabCellStep(
  at: { line: number; c: number },
  key: string,
  columns: Pick<VocabColumns, 'step' | 'shownCols'>,
  lines: number,
): { line: number; c: number } | null {
  const move = gridKeyMove(key);
  if (!move) return null;
  const lastCol = (columns.shownCols - 1) * columns.step;
  const to =
    move.kind === 'by'
      ? { line: at.line + move.rows, c: at.c + move.cols * columns.step }
      : { line: at.line, c: move.kind === 'rowStart' ? 0 : lastCol };
  return { line: Math.max(0, Math.min(lines - 1, to.line)), c: Math.max(0, Math.min(lastCol, to.c)) };
}
