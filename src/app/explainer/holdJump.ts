import { useEffect } from 'react';

// A jump to a part of the page (the table of contents, a shared link with #chapter-… or with a stepper stage,
// a "step here" button) lands where the parts around it are drawn only then (NearViewport.tsx), and those above it
// grow or shrink as they are drawn. Chromium's scroll anchoring does not keep the place across that
// first draw (measured: the heading ended 112 px down, or 302 px up), so the page holds the jump's
// target at the top of the screen while the parts around it are drawn, until the reader moves the page
// or HOLD_MS have passed.
const HOLD_MS = 3000;
const READER_MOVES = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
/** Longer than Chromium's smooth scroll takes over any distance. */
const SMOOTH_SCROLL_MOST_MS = 1500;

/** A link's target is looked for once per page load: later mounts (the text box emptied, say) leave the page where the reader has it. */
let openedAtTarget = false;

// One hold at a time for the page, outliving the component that started it: the chapters are drawn
// again by another component when the reader's text first arrives.
let releaseHold = () => {};

function idOf(hash: string): string | null {
  if (hash.length < 2) return null;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
}

/**
 * Calls `release` when the reader moves the page, or moves focus out of the element with this id (a keyboard or
 * screen reader that moves focus scrolls the page to it without any of READER_MOVES reaching the page);
 * returns the function that stops listening.
 */
function onReaderMove(id: string, release: () => void): () => void {
  const focusLeaves = (event: FocusEvent) => {
    if (!(event.target instanceof Node) || !document.getElementById(id)?.contains(event.target)) release();
  };
  for (const type of READER_MOVES) window.addEventListener(type, release, { capture: true, passive: true });
  window.addEventListener('focusin', focusLeaves, true);
  return () => {
    for (const type of READER_MOVES) window.removeEventListener(type, release, true);
    window.removeEventListener('focusin', focusLeaves, true);
  };
}

/**
 * Keeps the top of the element with this id where a jump puts it (the top of the screen, less any
 * scroll-margin) as the page around it changes height; returns the release. The element is looked up
 * each time, since a placeholder is replaced by the part it stood for.
 */
function hold(id: string): () => void {
  // Checked every frame, before it is painted: a part drawn above the target moves it in the layout
  // of the frame it is committed in, and Chromium's own scroll anchoring may move the page too.
  let frame = 0;
  const keepPlace = () => {
    const target = document.getElementById(id);
    if (target) {
      const drift = target.getBoundingClientRect().top - (parseFloat(getComputedStyle(target).scrollMarginTop) || 0);
      if (Math.abs(drift) >= 1) window.scrollBy(0, drift);
    }
    frame = requestAnimationFrame(keepPlace);
  };
  const release = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    stopListening();
    delete document.documentElement.dataset.holdingJump;
  };
  const timer = setTimeout(release, HOLD_MS);
  const stopListening = onReaderMove(id, release);
  // Tests read this to know a hold is on.
  document.documentElement.dataset.holdingJump = id;
  keepPlace();
  return release;
}

function holdHashTarget(scroll: boolean, withoutHash: string | null = null) {
  releaseHold();
  const id = idOf(window.location.hash) ?? withoutHash;
  const target = id === null ? null : document.getElementById(id);
  if (!id || !target) return;
  // The chapters were drawn after the browser looked for the link's target, so the page scrolls there itself.
  if (scroll) target.scrollIntoView({ block: 'start' });
  releaseHold = hold(id);
}

const onHashChange = () => holdHashTarget(false);

/**
 * While mounted: a jump to an element of the page stays where it landed as the parts around it are drawn. A link
 * opened without a #target goes to the element `linkTarget` names for it, if any.
 */
export function useHoldJumps(linkTarget: () => string | null): void {
  useEffect(() => {
    if (!openedAtTarget) holdHashTarget(true, linkTarget());
    openedAtTarget = true;
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [linkTarget]);
}

/**
 * Scrolls the element with this id to the top of the screen and holds it there. A smooth scroll is held
 * once it ends, landing exactly even if parts on the way were drawn meanwhile, unless the reader took
 * over the page before then.
 */
export function jumpTo(id: string, smooth: boolean): void {
  releaseHold();
  const target = document.getElementById(id);
  if (!target) return;
  if (!smooth || !('onscrollend' in window)) {
    target.scrollIntoView({ block: 'start' });
    releaseHold = hold(id);
    return;
  }
  const arrived = () => {
    cancel();
    releaseHold = hold(id);
  };
  // A scroll that never starts (the target is already there) never ends either.
  const timer = setTimeout(arrived, SMOOTH_SCROLL_MOST_MS);
  const cancel = () => {
    clearTimeout(timer);
    window.removeEventListener('scrollend', arrived);
    stopListening();
  };
  const stopListening = onReaderMove(id, cancel);
  window.addEventListener('scrollend', arrived);
  releaseHold = cancel;
  target.scrollIntoView({ behavior: 'smooth', block: 'start' });
}
