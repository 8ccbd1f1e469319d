import { useLayoutEffect } from 'react';
import { LOAD_MARKS } from './loadMarks';

// Apart from loadMarks.ts, so that the model loader (and the bench page that uses it) needs no React.
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
