// How wide a chapter's figure is, given the explainer's width. Mirrors the chapter grid in styles.css.

/** From this explainer width up, each figure sits beside its prose instead of below it. */
export const BESIDE_PROSE_FROM = 1000;

/** A chapter figure's width: beside the prose (grid columns 0.82fr : 1fr with a 32px gap), or the whole width below it. */
export function chapterFigureWidth(explainerWidth: number): number {
  return explainerWidth >= BESIDE_PROSE_FROM ? Math.floor((explainerWidth - 32) / 1.82) - 4 : explainerWidth;
}
