import { useEffect, useMemo, useRef } from 'react';
import { select } from 'd3-selection';
import 'd3-transition';
import { chipWidth, layoutTokenChips } from '../../../viz/tokens';
import { visibleToken } from '../../../viz/format';
import { prefersReducedMotion } from '../useWidth';

const LINE = 46;

/** The text cut into tokens, each chip with its id; chips slide into place one after another. */
export function TokenChips(props: {
  tokens: readonly string[];
  ids: ArrayLike<number>;
  width: number;
  selected: number;
  onHover: (t: number | null) => void;
  onPick: (t: number) => void;
  label: string;
  pieceOf?: (t: number) => boolean; // marks word pieces with a dashed border
}) {
  const ref = useRef<SVGSVGElement>(null);
  const labels = useMemo(() => props.tokens.map(visibleToken), [props.tokens]);
  const layout = useMemo(() => layoutTokenChips(labels.map((l) => Math.max(chipWidth(l), 44)), Math.max(props.width - 4, 60), 6, LINE), [labels, props.width]);

  useEffect(() => {
    if (!ref.current) return;
    const duration = prefersReducedMotion() ? 0 : 400;
    select(ref.current)
      .selectAll<SVGGElement, unknown>('g.chip')
      .interrupt()
      .attr('opacity', duration ? 0 : 1)
      .transition()
      .duration(duration)
      .delay((_d, i) => i * 40)
      .attr('opacity', 1);
  }, [props.tokens]);

  return (
    <svg ref={ref} width={layout.width + 4} height={layout.height + 4} role="group" aria-label={props.label} className="token-chips">
      {layout.chips.map((box, t) => (
        <g
          key={t}
          className={`chip${t === props.selected ? ' selected' : ''}${props.pieceOf?.(t) ? ' piece' : ''}`}
          transform={`translate(${box.x + 2},${box.y + 2})`}
          role="button"
          tabIndex={0}
          aria-label={`${labels[t]} ${props.ids[t]}`}
          aria-pressed={t === props.selected}
          data-testid="token-chip"
          onPointerEnter={() => props.onHover(t)}
          onPointerLeave={() => props.onHover(null)}
          onClick={() => props.onPick(t)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              props.onPick(t);
            }
          }}
        >
          <rect width={box.w} height={26} rx={5} />
          <text x={box.w / 2} y={17} textAnchor="middle" className="chip-text">
            {labels[t]}
          </text>
          <text x={box.w / 2} y={38} textAnchor="middle" className="chip-id">
            {props.ids[t]}
          </text>
        </g>
      ))}
    </svg>
  );
}
