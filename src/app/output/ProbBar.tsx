import { useEffect, type RefObject } from 'react';
import { select } from 'd3-selection';
import 'd3-transition';
import { prefersReducedMotion } from '../motion';

export const BAR_UNITS = 100; // viewBox width; the SVG stretches to its grid cell

/**
 * D3 owns the widths of every `rect.prob-fill` inside `container`, so it can animate them from the
 * old settings to the new ones; React renders the rest. With reduced motion the bars jump instead.
 */
export function useBarTransition(container: RefObject<HTMLElement | null>, widths: readonly number[]): void {
  // Keyed on the numbers, not the array: a new array with the same widths must not restart the transition.
  const key = widths.join(',');
  useEffect(() => {
    if (!container.current) return;
    const values = key === '' ? [] : key.split(',').map(Number);
    const rects = select(container.current).selectAll<SVGRectElement, number>('rect.prob-fill').data(values);
    if (prefersReducedMotion()) rects.interrupt().attr('width', (w) => w);
    else
      rects
        .transition()
        .duration(350)
        .attr('width', (w) => w);
  }, [key, container]);
}

/** A bar whose length D3 sets (see useBarTransition); `fixed` gives a static length instead. */
export function ProbBar(props: { label: string; removed?: boolean; fixed?: number; tone?: 'prob' | 'accent' }) {
  return (
    <svg
      className={`prob-bar${props.removed ? ' removed' : ''}${props.tone === 'accent' ? ' accent' : ''}`}
      viewBox={`0 0 ${BAR_UNITS} 10`}
      preserveAspectRatio="none"
      role="img"
      aria-label={props.label}
    >
      <rect className="prob-track" x={0} y={0} width={BAR_UNITS} height={10} />
      {props.fixed === undefined ? (
        <rect className="prob-fill" x={0} y={0} height={10} />
      ) : (
        <rect className="prob-static" x={0} y={0} height={10} width={props.fixed} />
      )}
    </svg>
  );
}
