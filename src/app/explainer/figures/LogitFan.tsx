import { useEffect, useMemo, useRef } from 'react';
import { select } from 'd3-selection';
import 'd3-transition';
import { topK } from '../../../core/topk';
import { fmt, formatPercent } from '../../../viz/format';
import { clipChars } from '../../../viz/fitText';
import { FAN_LABEL_CHARS, FAN_ROW, logitFanLayout } from '../../../viz/logitFan';
import { prefersReducedMotion } from '../../motion';
import { ByteNote } from '../../ByteNote';

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
  const fan = logitFanLayout(top, props.width);

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
        width={fan.width}
        height={fan.height}
        role={onHover ? 'group' : 'img'}
        aria-label={props.label}
        className="logit-fan"
        data-testid="logit-fan"
      >
        <circle cx={fan.source.x} cy={fan.source.y} r={fan.source.r} className="fan-source" />
        {fan.rows.map((d) => {
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
              <line className="fan" x1={fan.lineX1} y1={fan.source.y} x2={fan.lineX2} y2={d.mid} strokeDasharray={200} />
              <text x={fan.labelX} y={d.mid} dy="0.35em" textAnchor="end" className="fan-label">
                {clipChars(label, FAN_LABEL_CHARS)}
              </text>
              <g transform={`translate(${fan.barX},${d.barY})`}>
                <rect
                  className={`bar ${props.kind}${props.kind === 'logits' && d.value < 0 ? ' negative' : ''}`}
                  width={d.barW}
                  height={fan.barH}
                />
              </g>
              <text x={d.valueX} y={d.mid} dy="0.35em" className="fan-value">
                {value}
              </text>
              <rect x={0} y={d.y} width={fan.width} height={FAN_ROW} fill="transparent" />
            </g>
          );
        })}
      </svg>
      <ByteNote labels={[...(props.alsoShown ?? []), ...top.map((d) => props.labelOf(d.index))]} />
    </>
  );
}
