import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { select } from 'd3-selection';
import 'd3-transition';
import { layoutChipFigure, sharedPrefix } from '../../../viz/tokens';
import { prefersReducedMotion } from '../../motion';
import { listKeyStep } from '../../../viz/gridKeys';

/** The whole entrance stagger stays under this, however many chips arrive at once. */
const MAX_STAGGER_MS = 600;

/**
 * The text cut into tokens, each chip with its id; new chips fade in one after another. Pickable chips are one Tab
 * stop (a text of 128 tokens made 128 stops): the selected chip, or the one the keys last moved to. Once the keyboard
 * is on a chip, the arrow keys, Home and End move along them; a focused chip is read out as a hovered one is, and
 * Enter or Space picks it. After a click the arrows stay the stepper's, as its hint says.
 */
export function TokenChips(props: {
  labels: readonly string[]; // as tokenLabel shows them
  ids: ArrayLike<number>;
  width: number;
  selected: number;
  label: string;
  onHover?: (t: number | null) => void;
  /** Without it the chips are a picture only: no buttons, no tab stops. */
  onPick?: (t: number) => void;
  pieceOf?: (t: number) => boolean; // marks word pieces with a dashed border
}) {
  const ref = useRef<SVGSVGElement>(null);
  const shownIds = useRef<ArrayLike<number>>([]);
  const { labels, onPick } = props;
  const layout = useMemo(() => layoutChipFigure(labels, props.width), [labels, props.width]);
  // Where the keys left focus, for the selection it was left under: a new selection or a shorter text resets it.
  const [movedTo, setMovedTo] = useState<{ chip: number; selected: number } | null>(null);
  const selectedStop = props.selected >= 0 && props.selected < labels.length ? props.selected : 0;
  const tabStop = movedTo && movedTo.selected === props.selected && movedTo.chip < labels.length ? movedTo.chip : selectedStop;
  // The chip that focus came to with a click, where the arrows stay the stepper's, unlike one reached from the keyboard.
  // :focus-visible cannot tell them apart: a key pressed on a clicked chip makes it match.
  const clicked = useRef<number | null>(null);
  const moveFocus = (e: React.KeyboardEvent<SVGGElement>, t: number) => {
    if (e.altKey || e.ctrlKey || e.metaKey || clicked.current === t) return;
    const next = listKeyStep(e.key, t, labels.length);
    if (next === null) return;
    // The key goes no further: the stepper's own arrow keys would step the pass.
    e.preventDefault();
    e.stopPropagation();
    setMovedTo({ chip: next, selected: props.selected });
    ref.current?.querySelectorAll<SVGGElement>('g.chip')[next]?.focus();
  };

  // Typing one more word keeps every earlier chip still; only the chips after the first change fade in.
  // A layout effect, so a new chip is hidden before the browser first paints it.
  useLayoutEffect(() => {
    if (!ref.current) return;
    const firstNew = sharedPrefix(shownIds.current, props.ids);
    shownIds.current = Array.from(props.ids);
    const fresh = props.ids.length - firstNew;
    if (fresh <= 0) return;
    const duration = prefersReducedMotion() ? 0 : 400;
    const stagger = Math.min(40, MAX_STAGGER_MS / fresh);
    select(ref.current)
      .selectAll<SVGGElement, unknown>('g.chip')
      .filter((_d, i) => i >= firstNew)
      .interrupt()
      .attr('opacity', duration ? 0 : 1)
      .transition()
      .duration(duration)
      .delay((_d, i) => i * stagger)
      .attr('opacity', 1);
  }, [props.ids]);

  return (
    <svg ref={ref} width={layout.width} height={layout.height} role="group" aria-label={props.label} className="token-chips">
      {layout.chips.map((box, t) => (
        <g
          key={t}
          className={`chip${t === props.selected ? ' selected' : ''}${props.pieceOf?.(t) ? ' piece' : ''}`}
          transform={`translate(${box.x},${box.y})`}
          role={onPick ? 'button' : undefined}
          tabIndex={onPick ? (t === tabStop ? 0 : -1) : undefined}
          aria-label={onPick ? `${labels[t]} ${props.ids[t]}` : undefined}
          aria-pressed={onPick ? t === props.selected : undefined}
          data-testid="token-chip"
          onPointerEnter={props.onHover && (() => props.onHover?.(t))}
          onPointerLeave={props.onHover && (() => props.onHover?.(null))}
          onPointerDown={onPick && (() => (clicked.current = t))}
          onFocus={props.onHover && (() => props.onHover?.(t))}
          onBlur={
            onPick &&
            (() => {
              if (clicked.current === t) clicked.current = null;
              props.onHover?.(null);
            })
          }
          onClick={onPick && (() => onPick(t))}
          onKeyDown={
            onPick &&
            ((e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onPick(t);
              } else moveFocus(e, t);
            })
          }
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
