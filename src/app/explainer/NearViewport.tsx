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

/** True once the element has come within a viewport height of the screen; `key` names the part across remounts. */
export function useNearViewport<T extends Element>(key: string): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(() => drawn.has(key) || drawsEverything() || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        drawn.add(key);
        setNear(true);
      },
      { rootMargin: MARGIN },
    );
    observer.observe(el);
    return () => observer.disconnect();
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
