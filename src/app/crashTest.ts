// A test-only switch that makes a chosen figure throw while drawing, so the browser tests can check that
// its error boundary holds and the rest of the page keeps working.
//
// It is armed only by script already running in the page, before or after it loads:
//   window.__insideGptCrash = 'tokens';  // the figure whose boundary id is "tokens"; 'page' for the last fence
// Nothing a reader can put in a link, type or paste reaches it, so in normal use it never fires; and whoever
// can run script in the page could break it anyway. The figure throws on its next render (typing a
// character re-renders them all); deleting the property and pressing "Reset this figure" brings it back.

declare global {
  interface Window {
    __insideGptCrash?: unknown;
  }
}

export function crashIfAsked(figureId: string): void {
  const asked = typeof window === 'undefined' ? undefined : window.__insideGptCrash;
  if (asked === figureId) throw new Error(`Crash test: the figure "${figureId}" threw on purpose.`);
}
