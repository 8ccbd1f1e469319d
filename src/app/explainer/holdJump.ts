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
 * Calls `release` when the reader moves the page, or moves focus out of the held element (a keyboard or screen reader
 * that moves focus scrolls the page to it without any of READER_MOVES reaching the page); returns the function that
 * stops listening.
 */
function onReaderMove(target: () => Element | null, release: () => void): () => void {
  const focusLeaves = (event: FocusEvent) => {
    if (!(event.target instanceof Node) || !target()?.contains(event.target)) release();
  };
  for (const type of READER_MOVES) window.addEventListener(type, release, { capture: true, passive: true });
  window.addEventListener('focusin', focusLeaves, true);
  return () => {
    for (const type of READER_MOVES) window.removeEventListener(type, release, true);
    window.removeEventListener('focusin', focusLeaves, true);
  };
}

interface Hold {
  /** The element held; looked up each frame, since a part may be replaced by another. */
  target: () => Element | null;
  /** Where its top is held, in pixels from the top of the screen. */
  top: (el: Element) => number;
  /** The longest the hold lasts. */
  ms: number;
  /** Marks the hold for the tests (data-holding-jump on the document). */
  name: string;
  /** Called when the hold ends, however it ends. */
  released?: () => void;
}

/**
 * Keeps the top of the target where it is held as the page around it changes height, until the time is up or the
 * reader moves the page; returns the release.
 */
function hold({ target, top, ms, name, released = () => {} }: Hold): () => void {
  // Checked every frame, before it is painted: a part drawn above the target moves it in the layout
  // of the frame it is committed in, and Chromium's own scroll anchoring may move the page too.
  let frame = 0;
  const keepPlace = () => {
    const el = target();
    if (el) {
      const drift = el.getBoundingClientRect().top - top(el);
      if (Math.abs(drift) >= 1) window.scrollBy(0, drift);
    }
    frame = requestAnimationFrame(keepPlace);
  };
  const release = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    stopListening();
    delete document.documentElement.dataset.holdingJump;
    released();
  };
  const timer = setTimeout(release, ms);
  const stopListening = onReaderMove(target, release);
  document.documentElement.dataset.holdingJump = name;
  keepPlace();
  return release;
}

/**
 * Holds the element with this id where a jump puts it: the top of the screen, less any scroll-margin. The element is
 * looked up each time, since a placeholder is replaced by the part it stood for.
 */
function holdJumpTarget(id: string): () => void {
  return hold({
    target: () => document.getElementById(id),
    top: (el) => parseFloat(getComputedStyle(el).scrollMarginTop) || 0,
    ms: HOLD_MS,
    name: id,
  });
}

function holdHashTarget(scroll: boolean, withoutHash: string | null = null) {
  releaseHold();
  const id = idOf(window.location.hash) ?? withoutHash;
  const target = id === null ? null : document.getElementById(id);
  if (!id || !target) return;
  // The chapters were drawn after the browser looked for the link's target, so the page scrolls there itself.
  if (scroll) target.scrollIntoView({ block: 'start' });
  releaseHold = holdJumpTarget(id);
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
    releaseHold = holdJumpTarget(id);
    return;
  }
  const arrived = () => {
    cancel();
    releaseHold = holdJumpTarget(id);
  };
  // A scroll that never starts (the target is already there) never ends either.
  const timer = setTimeout(arrived, SMOOTH_SCROLL_MOST_MS);
  const cancel = () => {
    clearTimeout(timer);
    window.removeEventListener('scrollend', arrived);
    stopListening();
  };
  const stopListening = onReaderMove(() => document.getElementById(id), cancel);
  window.addEventListener('scrollend', arrived);
  releaseHold = cancel;
  target.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/**
 * The blocks of text and figures a reader's place is kept by: small enough that the place survives a new layout, and
 * kept by React across one (a figure's drawing inside its <figure> is redrawn at the new width; the figure stays).
 */
const PLACE_BLOCKS = 'h1, h2, h3, h4, p, li, figure, .chapter-figure, table, pre, .katex-display, textarea';
/** How long a resize's new layout takes to settle: the figures redraw at their new width a frame or two later (useWidth.ts). */
const RESIZE_SETTLE_MS = 1000;

/** The block at the top of the screen, and how far from the top it is. */
function placeOnScreen(): { block: Element; top: number } | null {
  // Near the top of the screen, where the prose column and the figure column both are, a little further down
  // where the top line falls in the gap between two paragraphs.
  for (const y of [4, 24, 48, 96]) {
    for (const x of [0.25, 0.5, 0.75]) {
      const block = document.elementFromPoint(window.innerWidth * x, y)?.closest(PLACE_BLOCKS);
      if (block) return { block, top: block.getBoundingClientRect().top };
    }
  }
  return null;
}

/**
 * While mounted: a window made narrower or wider (a phone turned, a desktop window resized) keeps the block the reader
 * was reading where it was on the screen. Without it Chromium lost the place by screens (measured: chapter 5's heading
 * 3,594 px below the screen after 1280 → 390 px wide). A change of height alone (a phone's address bar folding away
 * as the reader scrolls) leaves the page alone.
 */
export function useKeepPlaceOnResize(): void {
  useEffect(() => {
    let place = placeOnScreen();
    let width = window.innerWidth;
    let resizing = false;
    let frame = 0;
    const note = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!resizing && window.innerWidth === width) place = placeOnScreen();
      });
    };
    const onResize = () => {
      if (window.innerWidth === width) return;
      width = window.innerWidth;
      const kept = place;
      if (!kept) return;
      releaseHold();
      resizing = true;
      const block = () => (kept.block.isConnected ? kept.block : null);
      releaseHold = hold({
        target: block,
        top: () => kept.top,
        ms: RESIZE_SETTLE_MS,
        name: 'resize',
        released: () => {
          resizing = false;
          note();
        },
      });
    };
    window.addEventListener('scroll', note, { passive: true });
    window.addEventListener('resize', onResize);
    return () => {
      if (resizing) releaseHold();
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', note);
      window.removeEventListener('resize', onResize);
    };
  }, []);
}
