import { useEffect, useMemo, useRef } from 'react';
import { select } from 'd3-selection';
import 'd3-transition';
import { layoutAttentionLines } from '../../../viz/arcs';
import { prefersReducedMotion } from '../../motion';

const ROW = 22;

/** One head's attention as lines from the query token (left) to the keys it reads (right). */
export function AttentionLines(props: {
  weights: Float32Array;
  T: number;
  labels: readonly string[];
  query: number;
  width: number;
  label: string;
  onPick: (t: number) => void;
}) {
  const ref = useRef<SVGSVGElement>(null);
  const lines = useMemo(() => layoutAttentionLines(props.weights, props.T, ROW, props.query, 0.01), [props.weights, props.T, props.query]);
  const colW = Math.min(120, props.width * 0.32);
  const x1 = colW;
  const x2 = props.width - colW;

  useEffect(() => {
    if (!ref.current) return;
    const duration = prefersReducedMotion() ? 0 : 700;
    // Weights flow from each key into the query: lines grow from the right.
    select(ref.current)
      .selectAll<SVGPathElement, unknown>('path.attn-line')
      .interrupt()
      .attr('stroke-dashoffset', duration ? -1000 : 0)
      .transition()
      .duration(duration)
      .attr('stroke-dashoffset', 0);
  }, [lines]);

  const shown = props.labels.slice(0, props.T);
  return (
    <svg ref={ref} width={props.width} height={props.T * ROW + 4} role="img" aria-label={props.label} className="attention-lines">
      {lines.map((l) => (
        <path
          key={`${l.from}-${l.to}`}
          className="attn-line"
          d={`M${x1},${l.y1} C${(x1 + x2) / 2},${l.y1} ${(x1 + x2) / 2},${l.y2} ${x2},${l.y2}`}
          strokeWidth={0.5 + l.weight * 9}
          strokeOpacity={0.25 + l.weight * 0.75}
          strokeDasharray={1000}
        />
      ))}
      {shown.map((tok, i) => (
        <g key={i} onClick={() => props.onPick(i)} className="attn-token">
          <text
            x={x1 - 6}
            y={(i + 0.5) * ROW}
            dy="0.35em"
            textAnchor="end"
            className={i === props.query ? 'selected' : i > props.query ? 'future' : ''}
          >
            {[...tok].slice(0, 12).join('')}
          </text>
          <text x={x2 + 6} y={(i + 0.5) * ROW} dy="0.35em" className={i > props.query ? 'future' : ''}>
            {[...tok].slice(0, 12).join('')}
          </text>
        </g>
      ))}
    </svg>
  );
}
