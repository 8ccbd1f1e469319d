import { useEffect, useRef } from 'react';
import { select } from 'd3-selection';
import 'd3-transition';
import type { HeatmapCell, HeatmapLayout } from '../../viz/heatmap';
import {
  COL_LABEL_ANGLE,
  COL_LABEL_CHARS,
  cellOutline,
  heatmapCellAt,
  heatmapCellStep,
  heatmapFrame,
  rowOutline,
  shownCellOf,
  type CellPos,
} from '../../viz/heatmapFrame';
import { truncateChars, truncateToWidth } from '../../viz/fitText';
import { gridKeyMove } from '../../viz/gridKeys';
import { prefersReducedMotion } from '../motion';
import { matrixToDataUrl } from './bitmap';
import { useI18n } from '../i18n';

export type EnterMotion = 'fade' | 'fromAbove' | 'fromLeft';

interface Props {
  layout: HeatmapLayout;
  color: (v: number) => string;
  rowLabels: readonly string[];
  /** Labels under the columns, for matrices whose columns are tokens too (attention scores and weights). */
  colLabels?: readonly string[];
  selectedRow: number | null;
  focus: CellPos | null;
  onHover: (cell: CellPos | null) => void;
  onPick: (cell: CellPos) => void;
  /** How new cells arrive: rows of W_e dropping in, columns sliding in, or fading. */
  enter?: EnterMotion;
  label: string;
  testId?: string;
  /** Room for the row labels on the left; 0 hides them. */
  labelWidth?: number;
}

/** Above this many cells one SVG rect each gets slow (a 128-token text has 32,768 MLP cells): draw a bitmap instead. */
const MAX_RECTS = 3000;
/** The whole entrance stagger stays under this, however many rows or columns there are. */
const MAX_STAGGER_MS = 600;

/** Sets an attribute only if it changes, as a transition does: most cells keep their place from one pass to the next. */
function setChanged(el: Element, name: string, value: string | number): void {
  const text = String(value);
  if (el.getAttribute(name) !== text) el.setAttribute(name, text);
}

/** A matrix as coloured cells. D3 owns the cells (to animate them between stages); React owns labels and highlights. */
export function Heatmap(props: Props) {
  const cellsRef = useRef<SVGGElement>(null);
  const { ui } = useI18n();
  const { layout, color, enter = 'fade' } = props;

  useEffect(() => {
    if (!cellsRef.current) return;
    const duration = prefersReducedMotion() ? 0 : 550;
    const { cellW, cellH } = layout;
    const rowDelay = Math.min(60, MAX_STAGGER_MS / Math.max(layout.shownRows, 1));
    const colDelay = Math.min(4, MAX_STAGGER_MS / Math.max(layout.cols, 1));
    const root = select(cellsRef.current);
    if (layout.cells.length > MAX_RECTS) {
      root.selectAll('rect.cell').remove();
      root
        .selectAll<SVGImageElement, string>('image.cells')
        .data([
          matrixToDataUrl(
            layout.cells.map((cell) => cell.value),
            layout.shownRows,
            layout.shownCols,
            color,
          ),
        ])
        .join('image')
        .attr('class', 'cells')
        .attr('href', (d) => d)
        .attr('width', layout.width)
        .attr('height', layout.height)
        .attr('preserveAspectRatio', 'none')
        .attr('opacity', duration ? 0.2 : 1)
        .transition()
        .duration(duration)
        .attr('opacity', 1);
      return;
    }
    root.selectAll('image.cells').remove();
    // Without motion a new cell starts where it ends.
    const arrival = duration > 0 ? enter : 'fade';
    const start = (d: HeatmapCell) =>
      arrival === 'fromAbove' ? { x: d.x, y: -cellH * 3 } : arrival === 'fromLeft' ? { x: -cellW * 4, y: d.y } : { x: d.x, y: d.y };
    const cells = root.selectAll<SVGRectElement, HeatmapCell>('rect.cell').data(layout.cells, (d) => `${d.r}:${d.c}`);
    cells.exit().remove();
    const entered = cells
      .enter()
      .append('rect')
      .attr('class', 'cell')
      .attr('x', (d) => start(d).x)
      .attr('y', (d) => start(d).y)
      .attr('width', cellW)
      .attr('height', cellH)
      .attr('opacity', duration > 0 ? 0 : 1)
      .attr('fill', (d) => color(d.value))
      // A cell keeps its row and column: it is keyed by them.
      .attr('data-r', (d) => d.r)
      .attr('data-c', (d) => d.c);
    const merged = entered.merge(cells).interrupt();
    if (duration === 0) {
      // Without motion the cells take their places now, not in a transition's first frame: a keystroke or a step
      // then costs one pass over the cells instead of a tween for each of their attributes.
      merged.each(function (d) {
        setChanged(this, 'x', d.x);
        setChanged(this, 'y', d.y);
        setChanged(this, 'width', cellW);
        setChanged(this, 'height', cellH);
        setChanged(this, 'opacity', 1);
        setChanged(this, 'fill', color(d.value));
      });
      return;
    }
    merged
      .transition()
      .duration(duration)
      .delay((d) => (enter === 'fromAbove' ? d.r * rowDelay : enter === 'fromLeft' ? d.c * colDelay : 0))
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .attr('width', cellW)
      .attr('height', cellH)
      .attr('opacity', 1)
      .attr('fill', (d) => color(d.value));
  }, [layout, color, enter]);

  const { rows, cols } = layout;
  const frame = heatmapFrame(layout, props.labelWidth, props.colLabels !== undefined);
  const { colFont, rowFont } = frame;
  const colLabels = colFont === null ? null : (props.colLabels ?? []).slice(0, cols);
  const cellAt = (e: React.MouseEvent<SVGRectElement>): CellPos | null => {
    const box = e.currentTarget.getBoundingClientRect();
    return heatmapCellAt(layout, e.clientX - box.left, e.clientY - box.top);
  };
  const highlight = props.selectedRow !== null && props.selectedRow < rows ? rowOutline(layout, props.selectedRow) : null;
  const focused = props.focus && props.focus.r < rows && props.focus.c < cols ? props.focus : null;

  return (
    <svg
      width={frame.width}
      height={frame.height}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      className="heatmap"
      tabIndex={0}
      // Arriving by keyboard reads a cell at once, in the selected row; leaving lets go of it. A click
      // or tap also focuses, but reads the cell under it instead.
      onFocus={(e) => {
        if (!props.focus && e.currentTarget.matches(':focus-visible'))
          props.onHover(shownCellOf(layout, { r: Math.min(props.selectedRow ?? 0, rows - 1), c: 0 }));
      }}
      onBlur={() => props.onHover(null)}
      onKeyDown={(e) => {
        // Arrow keys move the focused cell (a block, in a pooled map), and Home and End to its row's ends; they stay
        // here instead of stepping the stepper.
        const move = gridKeyMove(e.key);
        const at = props.focus ?? shownCellOf(layout, { r: 0, c: 0 });
        if (move) {
          e.preventDefault();
          e.stopPropagation();
          const [dr, dc] = move.kind === 'by' ? [move.rows, move.cols] : [0, move.kind === 'rowStart' ? -layout.cols : layout.cols];
          props.onHover(heatmapCellStep(layout, at, dr, dc));
        } else if (e.key === 'Enter') {
          e.preventDefault();
          props.onPick(at);
        }
      }}
    >
      {/* The picture's description: a screen reader learns that this picture is read with keys. */}
      <desc>{ui.heatmapKeys}</desc>
      <g transform={`translate(${frame.cellsX},${frame.cellsY})`}>
        <g ref={cellsRef} />
        {highlight && <rect className="row-highlight" {...highlight} />}
        {focused && (
          <rect className="cell-focus" data-testid="cell-focus" data-r={focused.r} data-c={focused.c} {...cellOutline(layout, focused)} />
        )}
        <rect
          className="hit-area"
          data-testid="heatmap-cells"
          width={layout.width}
          height={layout.height}
          onPointerMove={(e) => props.onHover(cellAt(e))}
          onPointerLeave={() => props.onHover(null)}
          onClick={(e) => {
            const cell = cellAt(e);
            if (cell) props.onPick(cell);
          }}
        />
      </g>
      {colLabels && colFont !== null && (
        <g transform={`translate(${frame.cellsX},${frame.colLabelY})`}>
          {colLabels.map((label, c) => (
            <text
              key={c}
              transform={`translate(${frame.colLabelX[c]},0) rotate(${COL_LABEL_ANGLE})`}
              dy="0.35em"
              className="col-label"
              data-testid="col-label"
              fontSize={colFont}
            >
              {truncateChars(label, COL_LABEL_CHARS)}
            </text>
          ))}
        </g>
      )}
      <g transform={`translate(${frame.rowLabelX},${frame.cellsY})`}>
        {rowFont !== null &&
          props.rowLabels.slice(0, rows).map((label, r) => (
            <text
              key={r}
              y={frame.rowLabelY[r]}
              dy="0.35em"
              textAnchor="end"
              className={r === props.selectedRow ? 'row-label selected' : 'row-label'}
              data-testid="row-label"
              fontSize={rowFont}
            >
              {truncateToWidth(label, frame.rowLabelRoom, rowFont)}
            </text>
          ))}
      </g>
    </svg>
  );
}
