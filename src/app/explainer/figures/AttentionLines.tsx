import { useEffect, useMemo, useRef } from 'react';
import { select } from 'd3-selection';
import 'd3-transition';
import { LINE_LABEL_CHARS, attentionLinesFigure } from '../../../viz/arcs';
import { clipChars } from '../../../viz/fitText';
import { prefersReducedMotion } from '../../motion';

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
  const figure = useMemo(
    () => attentionLinesFigure(props.weights, props.T, props.query, props.width),
    [props.weights, props.T, props.query, props.width],
  );

  // Keyed on what the lines show, not on the width: resizing the window moves the lines without replaying them.
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
  }, [props.weights, props.T, props.query]);

  const shown = props.labels.slice(0, props.T);
  return (
    <svg ref={ref} width={figure.width} height={figure.height} role="img" aria-label={props.label} className="attention-lines">
      {figure.lines.map((l) => (
        <path
          key={`${l.from}-${l.to}`}
          className="attn-line"
          d={l.d}
          strokeWidth={l.strokeWidth}
          strokeOpacity={l.strokeOpacity}
          strokeDasharray={1000}
        />
      ))}
      {shown.map((tok, i) => (
        <g key={i} onClick={() => props.onPick(i)} className="attn-token">
          <text
            x={figure.queryLabelX}
            y={figure.rowY[i]}
            dy="0.35em"
            textAnchor="end"
            className={i === props.query ? 'selected' : i > props.query ? 'future' : ''}
          >
            {clipChars(tok, LINE_LABEL_CHARS)}
          </text>
          <text x={figure.keyLabelX} y={figure.rowY[i]} dy="0.35em" className={i > props.query ? 'future' : ''}>
            {clipChars(tok, LINE_LABEL_CHARS)}
          </text>
        </g>
      ))}
    </svg>
  );
}
