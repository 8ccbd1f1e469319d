import { useEffect, useMemo, useRef } from 'react';
import { select } from 'd3-selection';
import 'd3-transition';
import { LINES_MOST_KEYS, attentionLinesFigure } from '../../../viz/arcs';
import { clipChars } from '../../../viz/fitText';
import { prefersReducedMotion } from '../../motion';
import { useI18n } from '../../i18n';

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
  const { t } = useI18n();
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

  // A long text's labels carry their positions: the query column's on the left, the key column's on the right.
  const label = (position: number) => clipChars(props.labels[position] ?? '', figure.tokenChars);
  const queryLabel = (position: number) => (figure.numbered ? `${position} ${label(position)}` : label(position));
  const keyLabel = (position: number) => (figure.numbered ? `${label(position)} ${position}` : label(position));
  return (
    <>
      {figure.numbered && (
        <p className="figure-note" data-testid="lines-note">
          {t('attentionLinesListed', { T: props.T, n: LINES_MOST_KEYS })}
        </p>
      )}
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
        {figure.listed.map((position, i) => (
          <g key={position} onClick={() => props.onPick(position)} className="attn-token">
            <text
              x={figure.queryLabelX}
              y={figure.rowY[i]}
              dy="0.35em"
              textAnchor="end"
              className={position === props.query ? 'selected' : position > props.query ? 'future' : ''}
            >
              {queryLabel(position)}
            </text>
            <text x={figure.keyLabelX} y={figure.rowY[i]} dy="0.35em" className={position > props.query ? 'future' : ''}>
              {keyLabel(position)}
            </text>
          </g>
        ))}
      </svg>
    </>
  );
}
