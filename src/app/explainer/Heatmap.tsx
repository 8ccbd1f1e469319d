import { useEffect, useRef } from 'react';
import { select } from 'd3-selection';
import 'd3-transition';
import type { HeatmapCell, HeatmapLayout } from '../../viz/heatmap';
import { prefersReducedMotion } from '../motion';
import { matrixToDataUrl } from './bitmap';

export type EnterMotion = 'fade' | 'fromAbove' | 'fromLeft';

export interface CellPos {
  r: number;
  c: number;
}

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

const LABEL_W = 84;
const TOP = 4;
const COL_LABEL_H = 48;
/** The width an SVG adds around its cells when it has no row labels: room for the row highlight's outline. */
export const HEATMAP_FRAME = 4;
/** How far the last slanted column label reaches right of the matrix; callers leave this much room. */
export const COL_LABEL_OVERHANG = 32;
const MIN_COL_FONT = 7;
/** Above this many cells one SVG rect each gets slow (a 128-token text has 32,768 MLP cells): draw a bitmap instead. */
const MAX_RECTS = 3000;
/** The whole entrance stagger stays under this, however many rows or columns there are. */
const MAX_STAGGER_MS = 600;

/** A matrix as coloured cells. D3 owns the cells (to animate them between stages); React owns labels and highlights. */
export function Heatmap(props: Props) {
  const cellsRef = useRef<SVGGElement>(null);
  const { layout, color, enter = 'fade' } = props;

  useEffect(() => {
    if (!cellsRef.current) return;
    const duration = prefersReducedMotion() ? 0 : 550;
    const { cellW, cellH } = layout;
    const rowDelay = Math.min(60, MAX_STAGGER_MS / Math.max(layout.rows, 1));
    const colDelay = Math.min(4, MAX_STAGGER_MS / Math.max(layout.cols, 1));
    const root = select(cellsRef.current);
    if (layout.cells.length > MAX_RECTS) {
      root.selectAll('rect.cell').remove();
      root
        .selectAll<SVGImageElement, string>('image.cells')
        .data([
          matrixToDataUrl(
            layout.cells.map((cell) => cell.value),
            layout.rows,
            layout.cols,
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
    const start = (d: HeatmapCell) =>
      enter === 'fromAbove' ? { x: d.x, y: -cellH * 3 } : enter === 'fromLeft' ? { x: -cellW * 4, y: d.y } : { x: d.x, y: d.y };
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
      .attr('opacity', 0)
      .attr('fill', (d) => color(d.value));
    entered
      .merge(cells)
      .attr('data-r', (d) => d.r)
      .attr('data-c', (d) => d.c)
      .interrupt()
      .transition()
      .duration(duration)
      .delay((d) => (duration === 0 ? 0 : enter === 'fromAbove' ? d.r * rowDelay : enter === 'fromLeft' ? d.c * colDelay : 0))
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .attr('width', cellW)
      .attr('height', cellH)
      .attr('opacity', 1)
      .attr('fill', (d) => color(d.value));
  }, [layout, color, enter]);

  const { cellW, cellH, rows, cols } = layout;
  // Slanted at 55°, neighbouring labels sit cellW·sin 55° apart across their baselines: the text fits
  // that, and below 7px there is no label worth reading.
  const colFont = Math.min(12, Math.floor(cellW * Math.sin((55 * Math.PI) / 180)) - 1);
  const colLabels = props.colLabels && colFont >= MIN_COL_FONT ? props.colLabels.slice(0, cols) : null;
  const colLabelH = colLabels ? COL_LABEL_H : 0;
  // At least 2px on the left so the row highlight's outline is not clipped.
  const labelW = Math.max(props.labelWidth ?? LABEL_W, 2);
  const maxChars = Math.max(3, Math.floor(labelW / 7.5));
  const cellAt = (e: React.MouseEvent<SVGRectElement>): CellPos | null => {
    const box = e.currentTarget.getBoundingClientRect();
    const c = Math.floor((e.clientX - box.left) / cellW);
    const r = Math.floor((e.clientY - box.top) / cellH);
    return r >= 0 && r < rows && c >= 0 && c < cols ? { r, c } : null;
  };

  return (
    <svg
      width={labelW + layout.width + 2 + (colLabels ? COL_LABEL_OVERHANG : 0)}
      height={TOP + layout.height + 2 + colLabelH}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      className="heatmap"
      tabIndex={0}
      // Arriving by keyboard reads a cell at once, in the selected row; leaving lets go of it. A click
      // or tap also focuses, but reads the cell under it instead.
      onFocus={(e) => {
        if (!props.focus && e.currentTarget.matches(':focus-visible'))
          props.onHover({ r: Math.min(props.selectedRow ?? 0, rows - 1), c: 0 });
      }}
      onBlur={() => props.onHover(null)}
      onKeyDown={(e) => {
        // Arrow keys move the focused cell; they stay here instead of stepping the stepper.
        const move = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] }[e.key];
        const at = props.focus ?? { r: 0, c: 0 };
        if (move) {
          e.preventDefault();
          e.stopPropagation();
          props.onHover({ r: Math.max(0, Math.min(rows - 1, at.r + move[0])), c: Math.max(0, Math.min(cols - 1, at.c + move[1])) });
        } else if (e.key === 'Enter') {
          e.preventDefault();
          props.onPick(at);
        }
      }}
    >
      <g transform={`translate(${labelW},${TOP})`}>
        <g ref={cellsRef} />
        {props.selectedRow !== null && props.selectedRow < rows && (
          <rect className="row-highlight" x={-1} y={props.selectedRow * cellH - 1} width={layout.width + 2} height={cellH + 2} />
        )}
        {props.focus && props.focus.r < rows && props.focus.c < cols && (
          <rect className="cell-focus" x={props.focus.c * cellW - 1} y={props.focus.r * cellH - 1} width={cellW + 2} height={cellH + 2} />
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
      {colLabels && (
        <g transform={`translate(${labelW},${TOP + layout.height + 4})`}>
          {colLabels.map((label, c) => (
            <text
              key={c}
              transform={`translate(${c * cellW + cellW / 2},0) rotate(55)`}
              dy="0.35em"
              className="col-label"
              data-testid="col-label"
              fontSize={colFont}
            >
              {truncate(label, 7)}
            </text>
          ))}
        </g>
      )}
      <g transform={`translate(${labelW - 6},${TOP})`}>
        {props.rowLabels.slice(0, rows).map((label, r) =>
          cellH >= 9 && labelW > 2 ? (
            <text
              key={r}
              y={r * cellH + cellH / 2}
              dy="0.35em"
              textAnchor="end"
              className={r === props.selectedRow ? 'row-label selected' : 'row-label'}
              data-testid="row-label"
              fontSize={Math.min(13, cellH - 1)}
            >
              {truncate(label, maxChars)}
            </text>
          ) : null,
        )}
      </g>
    </svg>
  );
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : s;
}
