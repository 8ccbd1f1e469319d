// Token chips laid out in wrapped lines, like words in a paragraph.

import { monoTextWidth } from './fitText';

export interface ChipBox {
  x: number;
  y: number;
  w: number;
}

export interface ChipLayout {
  chips: ChipBox[];
  height: number;
  width: number;
}

/** The chips' label type, in pixels (.chip-text in styles.css). */
const CHIP_FONT_PX = 14;
/** The room either side of a chip's label, together. */
const CHIP_PADDING = 12;

/** Approximate chip width for a monospace label (the chip's own padding included). */
export function chipWidth(label: string): number {
  return Math.ceil(monoTextWidth(label, CHIP_FONT_PX) + CHIP_PADDING);
}

/**
 * Place chips of the given widths left to right, starting a new line when the next chip would
 * pass `maxWidth`. A chip wider than a whole line gets a line of its own, clipped to `maxWidth`.
 */
export function layoutTokenChips(widths: readonly number[], maxWidth: number, gap = 6, lineHeight = 30): ChipLayout {
  const chips: ChipBox[] = [];
  let x = 0;
  let y = 0;
  let width = 0;
  for (const raw of widths) {
    const w = Math.min(raw, maxWidth);
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      y += lineHeight;
    }
    chips.push({ x, y, w });
    width = Math.max(width, x + w);
    x += w + gap;
  }
  return { chips, height: widths.length ? y + lineHeight : 0, width };
}

const STARTS_WORD_PART = /^[\p{L}\p{N}]/u;
const ENDS_WORD_PART = /[\p{L}\p{N}]$/u;

/**
 * Which tokens are pieces of a longer word: a token glued (no space) to a letter or digit on
 * either side belongs to a word that the vocabulary had to split.
 */
export function wordPieces(texts: readonly string[]): boolean[] {
  const gluedToPrevious = texts.map((s, i) => i > 0 && STARTS_WORD_PART.test(s) && ENDS_WORD_PART.test(texts[i - 1]));
  return texts.map((_, i) => gluedToPrevious[i] || (i + 1 < texts.length && gluedToPrevious[i + 1]));
}

/** How many leading ids two token lists share: those chips are already on screen and need not animate again. */
export function sharedPrefix(before: ArrayLike<number>, after: ArrayLike<number>): number {
  let n = 0;
  while (n < before.length && n < after.length && before[n] === after[n]) n++;
  return n;
}

/** A chip is never narrower than this: room for its id beneath the label. */
const MIN_CHIP_W = 44;
/** A chip's line: its label, its id beneath, and the gap to the next line. */
const CHIP_LINE = 46;
/** The margin around the chips, so the selected chip's outline is not clipped. */
const CHIP_MARGIN = 2;

/** Token chips as a figure `width` pixels wide draws them: wrapped like words, inside a 2px margin. */
export function layoutChipFigure(labels: readonly string[], width: number): ChipLayout {
  const inner = layoutTokenChips(
    labels.map((l) => Math.max(chipWidth(l), MIN_CHIP_W)),
    Math.max(width - 2 * CHIP_MARGIN, 60),
    6,
    CHIP_LINE,
  );
  return {
    chips: inner.chips.map((c) => ({ x: c.x + CHIP_MARGIN, y: c.y + CHIP_MARGIN, w: c.w })),
    width: inner.width + 2 * CHIP_MARGIN,
    height: inner.height + 2 * CHIP_MARGIN,
  };
}
