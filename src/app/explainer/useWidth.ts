import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of an element, kept up to date as the window resizes (figures lay out to fit it).
 *
 * A width can feed back on itself: a figure drawn to a new width makes the page taller, the page's
 * scrollbar appears, the width shrinks, the figure gets shorter, the scrollbar goes, and so on. So
 * updates wait for the next frame, and a width that swings back to the one before the last while
 * the window itself kept its size is settled at the smaller of the two, which fits either way. A
 * reader who narrows the window and widens it again changes the window, and gets the full width back.
 */
export function useWidth<T extends HTMLElement>(fallback = 600): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let shown = el.clientWidth || fallback;
    let before = shown;
    setWidth(shown);
    if (typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    let windowWidth = window.innerWidth;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry.contentRect.width);
      // A width of 0 means the element is not laid out for the moment (hidden, or the page between two
      // layouts, as while a screenshot resizes it): keep the width it had, which it gets back after.
      // Taken as a width, the fallback would count as a swing and be kept for good (see below).
      if (measured === 0) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (measured === shown) return;
        const windowResized = window.innerWidth !== windowWidth;
        windowWidth = window.innerWidth;
        const next = measured === before && !windowResized ? Math.min(measured, shown) : measured;
        before = shown;
        shown = next;
        setWidth(next);
      });
    });
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [fallback]);
  return [ref, width];
}
