import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from './i18n';

/** The sides of a scrolling box with more to see past its edge. */
export type HiddenSides = 'none' | 'left' | 'right' | 'both';

function hiddenSides(box: HTMLElement): HiddenSides {
  const overflow = box.scrollWidth - box.clientWidth;
  if (overflow <= 1) return 'none';
  const left = box.scrollLeft > 1;
  const right = box.scrollLeft < overflow - 1;
  return left && right ? 'both' : left ? 'left' : 'right';
}

/**
 * Something that may be wider than its column, such as a formula or a strip of cells, in a box that scrolls
 * sideways. A phone shows no scroll bar until the reader scrolls, so a box that does not fit says so: its
 * edge fades out on each side with more to see, and a line under it says to scroll. `stickyStart`: the content's
 * first column stays put (a table's row labels), so only the far edge fades.
 */
export function SideScroll(props: { children: ReactNode; stickyStart?: boolean }) {
  const { ui } = useI18n();
  const boxRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<HiddenSides>('none');
  useLayoutEffect(() => {
    const box = boxRef.current;
    const content = contentRef.current;
    if (!box || !content) return;
    const measure = () => setHidden(hiddenSides(box));
    measure();
    box.addEventListener('scroll', measure, { passive: true });
    // The content changes width on its own too: a formula is drawn when KaTeX arrives, and again as its fonts load.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(box);
    observer?.observe(content);
    return () => {
      box.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, []);
  return (
    <>
      <div
        ref={boxRef}
        className="side-scroll"
        data-hidden-sides={hidden}
        data-sticky-start={props.stickyStart ? '' : undefined}
        data-testid="side-scroll"
      >
        <div ref={contentRef} className="side-scroll-content">
          {props.children}
        </div>
      </div>
      {hidden !== 'none' && (
        // Screen readers get the whole formula or strip at once; the hint is for eyes only.
        <p className="scroll-hint" aria-hidden="true" data-testid="scroll-hint">
          {ui.scrollForRest}
        </p>
      )}
    </>
  );
}
