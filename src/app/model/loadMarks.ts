import { useLayoutEffect } from 'react';

// The page's first load, in performance marks that `npm run first-load` (scripts/first-load.ts) reads:
// the model's files fetched, its weights read, its tokenizer built, and the page ready. The first
// pass has its own measure, and every committed pass its mark (PASS_MARK in usePass.ts).
export const LOAD_MARKS = {
  files: 'inside-gpt:files',
  weights: 'inside-gpt:weights',
  tokenizer: 'inside-gpt:tokenizer',
  firstPass: 'inside-gpt:first-pass',
  ready: 'inside-gpt:ready',
} as const;

let readyMarked = false;

/**
 * Mark the page ready once the first view with the model has been painted: the frame after the
 * commit, since a mark in the commit itself would come before the browser has drawn anything.
 * `pass` is when the first pass ran (tokenizing and the forward pass), null when there was no text.
 */
export function useReadyMark(ready: boolean, pass: { start: number; end: number } | null): void {
  useLayoutEffect(() => {
    if (!ready || readyMarked) return;
    readyMarked = true;
    if (pass) performance.measure(LOAD_MARKS.firstPass, { start: pass.start, end: pass.end });
    // A task queued from an animation frame runs after that frame's paint.
    requestAnimationFrame(() => setTimeout(() => performance.mark(LOAD_MARKS.ready), 0));
  }, [ready, pass]);
}
