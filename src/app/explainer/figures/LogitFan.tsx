import { useEffect, useMemo, useRef } from 'react';
import { select } from 'd3-selection';
import 'd3-transition';
import { topK } from '../../../core/topk';
import { fmt, formatPercent } from '../../../viz/format';
import { prefersReducedMotion } from '../../motion';
import { ByteNote } from '../../ByteNote';

const ROW = 24;
const K = 10;

/** The last vector fanning out into one score per vocabulary token; the top few are drawn as bars. */
export function LogitFan(props: {
  values: Float32Array; // (V) one row of logits or probabilities
  kind: 'logits' | 'probs';
  labelOf: (id: number) => string; // tokenLabel for any vocabulary id
  width: number;
  focusId: number | null;
  /** Without it the fan is a picture only; with it each row can be hovered, tapped or focused to read its value. */
  onHover?: (id: number | null) => void;
  label: string;
  /** Other tokens on screen with the fan whose ⟨XX⟩ bytes its note should cover too (the stepper's text). */
  alsoShown?: readonly string[];
}) {
  const ref = useRef<SVGSVGElement>(null);
  const top = useMemo(() => topK(props.values, K), [props.values]);
  const fanW = Math.min(90, props.width * 0.2);
  const labelW = Math.min(110, props.width * 0.3);
  const barMax = Math.max(40, props.width - fanW - labelW - 70);
  const maxAbs = Math.max(...top.map((d) => Math.abs(d.value)), 1e-9);
  const height = top.length * ROW + 8;
  const cy = height / 2;

  const onHover = props.onHover;

  useEffect(() => {
    if (!ref.current) return;
    const duration = prefersReducedMotion() ? 0 : 600;
    const svg = select(ref.current);
    svg
      .selectAll<SVGLineElement, unknown>('line.fan')
      .interrupt()
      .attr('stroke-dashoffset', duration ? 200 : 0)
      .transition()
      .duration(duration)
      .delay((_d, i) => i * 30)
      .attr('stroke-dashoffset', 0);
    svg
      .selectAll<SVGRectElement, unknown>('rect.bar')
      .interrupt()
      .attr('transform', duration ? 'scale(0,1)' : null)
      .transition()
      .duration(duration)
      .delay((_d, i) => 200 + i * 30)
      .attr('transform', 'scale(1,1)');
  }, [props.values, props.kind]);

  return (
    <>
      <svg
        ref={ref}
        width={props.width}
        height={height}
        role={onHover ? 'group' : 'img'}
        aria-label={props.label}
        className="logit-fan"
        data-testid="logit-fan"
      >
        <circle cx={10} cy={cy} r={7} className="fan-source" />
        {top.map((d, i) => {
          const y = i * ROW + 4;
          const w = Math.max(1, (Math.abs(d.value) / maxAbs) * barMax);
          const focused = d.index === props.focusId;
          const label = props.labelOf(d.index);
          const value = props.kind === 'probs' ? formatPercent(d.value) : fmt(d.value, 2);
          return (
            <g
              key={d.index}
              className={focused ? 'fan-row focused' : 'fan-row'}
              data-testid="fan-row"
              role={onHover ? 'button' : undefined}
              tabIndex={onHover ? 0 : undefined}
              aria-label={onHover ? `${label} ${value}` : undefined}
              aria-pressed={onHover ? focused : undefined}
              onPointerEnter={onHover && (() => onHover(d.index))}
              onClick={onHover && (() => onHover(d.index))}
              onFocus={onHover && (() => onHover(d.index))}
              onKeyDown={
                onHover &&
                ((e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onHover(d.index);
                  }
                })
              }
            >
              <line className="fan" x1={17} y1={cy} x2={fanW} y2={y + ROW / 2} strokeDasharray={200} />
              <text x={fanW + labelW - 6} y={y + ROW / 2} dy="0.35em" textAnchor="end" className="fan-label">
                {[...label].slice(0, 14).join('')}
              </text>
              <g transform={`translate(${fanW + labelW},${y + 4})`}>
                <rect
                  className={`bar ${props.kind}${props.kind === 'logits' && d.value < 0 ? ' negative' : ''}`}
                  width={w}
                  height={ROW - 8}
                />
              </g>
              <text x={fanW + labelW + w + 6} y={y + ROW / 2} dy="0.35em" className="fan-value">
                {value}
              </text>
              <rect x={0} y={y} width={props.width} height={ROW} fill="transparent" />
            </g>
          );
        })}
      </svg>
      <ByteNote labels={[...(props.alsoShown ?? []), ...top.map((d) => props.labelOf(d.index))]} />
    </>
  );
}
