import { useMemo, useState, type KeyboardEvent } from 'react';
import { fmt } from '../../viz/format';
import { layoutWuFigure, wuCellStep, wuFocusBox } from '../../viz/output/heatmap';
import { useI18n } from '../i18n';
import { SideScroll } from '../SideScroll';
import { asIndex } from '../../content/fill';

/**
 * W_u as the matrix it is, summarised: the last vector as a strip on top, and under it the rows of
 * W_u for the chosen tokens, aligned column by column, so "row · vector = logit" can be read off.
 * Hover, tap, or focus and use the arrow keys to read exact values.
 */
export function WuMatrix(props: {
  wu: Float32Array; // (V, C)
  vector: Float32Array; // (C) the last row of lnF
  ids: number[];
  labels: string[];
  logits: number[];
  V: number;
}) {
  const { ids } = props;
  const { ui, t } = useI18n();
  const C = props.vector.length;
  const figure = useMemo(() => layoutWuFigure(props.wu, props.vector, ids), [props.wu, props.vector, ids]);
  const { cell, rowH, width, height } = figure;
  const [focus, setFocus] = useState<{ row: number; c: number } | null>(null);

  const readout = focus
    ? focus.row < 0
      ? t('outStripCell', { c: asIndex(focus.c), x: fmt(props.vector[focus.c]) })
      : t('outWuCell', {
          token: props.labels[focus.row],
          c: asIndex(focus.c),
          w: fmt(props.wu[ids[focus.row] * C + focus.c]),
          x: fmt(props.vector[focus.c]),
        })
    : ui.hoverHint;

  const onKey = (e: KeyboardEvent) => {
    const to = wuCellStep(focus ?? { row: -1, c: 0 }, e.key, ids.length, C);
    if (to) {
      e.preventDefault();
      setFocus(to);
    }
  };
  const label = t('outWuRowsLabel', { k: ids.length });
  return (
    <figure className="wu-figure">
      <SideScroll>
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={label}
          tabIndex={0}
          onKeyDown={onKey}
          onFocus={() => setFocus((f) => f ?? { row: -1, c: 0 })}
          onPointerLeave={() => setFocus(null)}
          data-testid="wu-matrix"
        >
          <text x={figure.labelX} y={figure.stripTextY} textAnchor="end" className="svg-label">
            {ui.outWuVectorLabel}
          </text>
          {figure.strip.map((s, c) => (
            <rect key={c} x={s.x} y={s.y} width={cell} height={rowH} fill={s.fill} onPointerEnter={() => setFocus({ row: -1, c })} />
          ))}
          {figure.cells.map((cellData) => (
            <rect
              key={`${cellData.row}-${cellData.col}`}
              x={cellData.x}
              y={cellData.y}
              width={cell}
              height={rowH - 1}
              fill={cellData.fill}
              onPointerEnter={() => setFocus({ row: cellData.row, c: cellData.col })}
            />
          ))}
          {ids.map((id, row) => (
            <g key={id}>
              <text x={figure.labelX} y={figure.rowTextY[row]} textAnchor="end" className="svg-token">
                {props.labels[row]}
              </text>
              <text x={figure.logitX} y={figure.rowTextY[row]} className="svg-num">
                = {fmt(props.logits[row], 2)}
              </text>
            </g>
          ))}
          {focus && <rect className="cell-focus" {...wuFocusBox(figure, focus)} fill="none" />}
        </svg>
      </SideScroll>
      <figcaption>
        <span className={`readout${focus ? ' value' : ''}`} aria-live="polite">
          {readout}
        </span>
        <br />
        {t('outWuRest', { n: props.V - ids.length })}
      </figcaption>
    </figure>
  );
}
