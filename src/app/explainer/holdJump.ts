import { useEffect } from 'react';

// A jump to a chapter (the table of contents, a shared link with #chapter-…) lands on a part of the page
// whose neighbours are drawn only then (NearViewport.tsx), and the one above it grows as it is drawn.
// Chromium's scroll anchoring does not keep the place across that first draw (measured: the heading
// ended 112 px down), so the page holds the jump's target where the jump put it while the parts around
// it are drawn, until the reader moves the page or HOLD_MS have passed.
const HOLD_MS = 3000;
const READER_MOVES = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/** A link's target is looked for once per page load: later mounts (the text box emptied, say) leave the page where the reader has it. */
let openedAtTarget = false;

// One hold at a time for the page, outliving the component that started it: the chapters are drawn
// again by another component when the reader's text first arrives.
let releaseHold = () => {};

function targetOf(hash: string): HTMLElement | null {
  if (hash.length < 2) return null;
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return null;
  }
}

/** Keeps `target`'s top at `top` (px from the top of the viewport) as the page above it changes height; returns the release. */
function hold(target: HTMLElement, top: number): () => void {
  // Any scroll but the hold's own (the scroll bar dragged, a test's script) is the reader's, and ends it.
  let heldAt = window.scrollY;
  const keepPlace = () => {
    const drift = target.getBoundingClientRect().top - top;
    if (Math.abs(drift) >= 1) window.scrollBy(0, drift);
    heldAt = window.scrollY;
  };
  const onScroll = () => {
    if (Math.abs(window.scrollY - heldAt) >= 1) release();
  };
  // Fires after layout and before paint, so the reader never sees the page move.
  const resized = new ResizeObserver(keepPlace);
  resized.observe(document.body);
  const release = () => {
    resized.disconnect();
    clearTimeout(timer);
    window.removeEventListener('scroll', onScroll);
    for (const type of READER_MOVES) window.removeEventListener(type, release, true);
  };
  const timer = setTimeout(release, HOLD_MS);
  window.addEventListener('scroll', onScroll, { passive: true });
  for (const type of READER_MOVES) window.addEventListener(type, release, { capture: true, passive: true });
  return release;
}

function holdHashTarget(scroll: boolean) {
  releaseHold();
  const target = targetOf(window.location.hash);
  if (!target) return;
  // The chapters were drawn after the browser looked for the link's target, so the page scrolls there itself.
  if (scroll) target.scrollIntoView({ block: 'start' });
  releaseHold = hold(target, target.getBoundingClientRect().top);
}

const onHashChange = () => holdHashTarget(false);

/** While mounted: a jump to an element of the page stays where it landed as the parts around it are drawn. */
export function useHoldJumps(): void {
  useEffect(() => {
    if (!openedAtTarget) holdHashTarget(true);
    openedAtTarget = true;
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
}
