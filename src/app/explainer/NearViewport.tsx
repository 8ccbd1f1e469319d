import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

// Parts of the page drawn once they come near the viewport. Drawing every chapter with the page took
// most of its first load (scripts/first-load.ts measures it), and a part far down may never be read.
//
// A part once drawn stays drawn for the life of the page, even when its component remounts (the
// chapters do when the text box is emptied or the view changes), so nothing the reader has seen
// turns back into a placeholder and the page never moves under them.
const drawn = new Set<string>();

declare global {
  interface Window {
    /** Set by the browser tests' script before the page loads: draw every part at once (see drawsEverything). */
    __insideGptDrawAll?: unknown;
  }
}

/**
 * The browser tests read figures all over the page; rather than scroll through it and wait for every part,
 * their script arms this before the page loads. Like crashTest.ts, nothing in a link or typed text reaches it.
 */
const drawsEverything = () => typeof window !== 'undefined' && window.__insideGptDrawAll === true;

// One viewport height above and below: a part is drawn while the reader is still a screen away from it,
// so scrolling at an ordinary pace never shows a placeholder.
const MARGIN = '100% 0px';

// A reader on the keyboard moves by focus, not by scrolling, and a part below a long figure can stay more than a
// screen away while Tab walks through the controls above it; Tab would then leave the page instead of entering
// it. So a waiting part is drawn too when focus lands on the last control before it (or, going back, the first
// after it).
const waiting = new Map<Element, () => void>();
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

function drawPartsBesideFocus(event: FocusEvent): void {
  const focused = event.target;
  if (!(focused instanceof Element)) return;
  const parts = [...waiting.keys()].sort((a, b) => (follows(a, b) ? -1 : 1));
  const next = parts.find((p) => follows(focused, p));
  const previous = parts.findLast((p) => follows(p, focused));
  const tabbable = [...document.querySelectorAll(TABBABLE)].filter((el) => el !== focused);
  const noStopBetween = (from: Element, to: Element) => !tabbable.some((el) => follows(from, el) && follows(el, to));
  if (next && noStopBetween(focused, next)) waiting.get(next)?.();
  if (previous && noStopBetween(previous, focused)) waiting.get(previous)?.();
}

/**
 * True once the element has come within a viewport height of the screen, or focus has come next to it; `key` names
 * the part across remounts.
 */
export function useNearViewport<T extends Element>(key: string): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(() => drawn.has(key) || drawsEverything() || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const draw = () => {
      drawn.add(key);
      setNear(true);
    };
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && draw(), { rootMargin: MARGIN });
    observer.observe(el);
    if (waiting.size === 0) document.addEventListener('focusin', drawPartsBesideFocus);
    waiting.set(el, draw);
    return () => {
      observer.disconnect();
      waiting.delete(el);
      if (waiting.size === 0) document.removeEventListener('focusin', drawPartsBesideFocus);
    };
  }, [key, near]);
  return [ref, near];
}

/**
 * A part of the page below the fold, drawn when it comes near the viewport. Until then a placeholder
 * of its usual height (the `pending` class in styles.css) holds its place, with `id` so that a link to
 * the part scrolls to where it will be drawn.
 */
export function WhenNear(props: { name: string; id?: string; className: string; children: ReactNode }) {
  const [ref, near] = useNearViewport<HTMLDivElement>(props.name);
  if (near) return <>{props.children}</>;
  return <div ref={ref} id={props.id} className={`${props.className} pending`} data-pending={props.name} />;
}
