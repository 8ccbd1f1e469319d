import { useEffect, useMemo, useRef, useState } from 'react';
import { select } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { PLANE_MAX_WIDTH, arrowLine, axisNameSpots, layoutPlane, planeSize, type PlacedPoint, type PointKind } from '../../viz/lab/plane';
import { placeLabels } from '../../viz/lab/labels';
import type { Picture } from '../../viz/lab/picture';
import { fmt } from '../../viz/format';
import { useI18n } from '../i18n';
import { prefersReducedMotion } from '../motion';
import { useWidth } from '../explainer/useWidth';
import { useTouchScreen } from '../touch';

const PADDING = 40;
const DOT = 6;
// The radius a point answers the pointer within: a 24px target for a mouse (WCAG's minimum), 40px for a finger.
const HIT = { pointer: 12, touch: 20 };
// Matches lab.css: labels are monospace, 11px for the arithmetic's intermediate steps and 13px otherwise.
const FONT_SIZE: Record<PointKind, number> = { result: 13, input: 13, step: 11, neighbour: 13 };
const LABEL_PRIORITY: readonly PointKind[] = ['result', 'input', 'step', 'neighbour'];

/**
 * Which gestures the picture takes from the page: a reader scrolling past it must not get stuck zooming it. The wheel
 * zooms only with Ctrl or ⌘ (a touchpad's pinch arrives as Ctrl + wheel), a finger pans only with a second one down
 * (one finger scrolls the page), and a mouse drags as d3-zoom's default lets it.
 */
function ownsGesture(event: WheelEvent | TouchEvent | MouseEvent): boolean {
  if (event.type === 'wheel') return event.ctrlKey || event.metaKey;
  if ('touches' in event) return event.touches.length >= 2;
  return !event.ctrlKey && !event.button;
}

/** The 2-D picture: React draws the points, D3 owns only the arrows so it can animate them. */
export function PlaneView(props: { picture: Picture; axisNames?: readonly [string, string] }) {
  const { ui, t } = useI18n();
  const svgRef = useRef<SVGSVGElement>(null);
  const arrowsRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [active, setActive] = useState<string | null>(null);
  const [replays, setReplays] = useState(0);
  const touchScreen = useTouchScreen();
  const hitRadius = touchScreen ? HIT.touch : HIT.pointer;
  // Drawn at the width it is shown at, so labels keep a readable size on a phone instead of shrinking with a viewBox.
  const [figureRef, shownWidth] = useWidth<HTMLElement>(PLANE_MAX_WIDTH);
  const { width: WIDTH, height: HEIGHT } = planeSize(shownWidth);
  const base = useMemo(() => layoutPlane(props.picture.points, WIDTH, HEIGHT, PADDING), [props.picture, WIDTH, HEIGHT]);

  const x = transform.rescaleX(base.x);
  const y = transform.rescaleY(base.y);
  const placed: PlacedPoint[] = base.points.map((p) => ({ ...p, px: x(p.xy[0]), py: y(p.xy[1]) }));
  const byKey = new Map(placed.map((p) => [p.key, p]));
  const byPriority = [...placed].sort((a, b) => LABEL_PRIORITY.indexOf(a.kind) - LABEL_PRIORITY.indexOf(b.kind));
  // Labels keep clear of the arrows and the parallelogram's dashed sides as well as of each other.
  const segments = [...props.picture.arrows, ...props.picture.parallels].flatMap(({ from, to }) => {
    const a = byKey.get(from);
    const b = byKey.get(to);
    return a && b ? [{ x1: a.px, y1: a.py, x2: b.px, y2: b.py }] : [];
  });
  const labels = new Map(
    placeLabels(
      byPriority.map((p) => ({
        key: p.key,
        px: p.px,
        py: p.py,
        text: p.label,
        fontSize: FONT_SIZE[p.kind],
        required: p.kind === 'result' || p.kind === 'input',
      })),
      WIDTH,
      HEIGHT,
      DOT + 2,
      segments,
    ).map((l) => [l.key, l]),
  );

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.5, 20])
      .filter(ownsGesture)
      .on('zoom', (event: { transform: ZoomTransform }) => setTransform(event.transform));
    zoomRef.current = behaviour;
    select(svg).call(behaviour);
    return () => {
      select(svg).on('.zoom', null);
    };
  }, []);

  // The keyboard's way to zoom and pan, for readers who cannot scroll, pinch or drag.
  const onKeyDown = (e: React.KeyboardEvent<SVGSVGElement>) => {
    const svg = svgRef.current;
    const behaviour = zoomRef.current;
    if (!svg || !behaviour) return;
    const pan: Record<string, [number, number]> = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] };
    if (e.key === '+' || e.key === '=') select(svg).call(behaviour.scaleBy, 1.25);
    else if (e.key === '-' || e.key === '_') select(svg).call(behaviour.scaleBy, 0.8);
    else if (pan[e.key]) select(svg).call(behaviour.translateBy, pan[e.key][0] / transform.k, pan[e.key][1] / transform.k);
    else if (e.key === '0') resetView();
    else return;
    e.preventDefault();
  };

  const resetView = () => {
    if (svgRef.current && zoomRef.current) select(svgRef.current).call(zoomRef.current.transform, zoomIdentity);
  };

  // Arrows animate when the arithmetic changes (or on replay), and simply follow the points while zooming.
  const arrowKey = props.picture.arrows.map((a) => `${a.from}>${a.to}`).join(' ') + props.picture.points.map((p) => p.xy.join()).join();
  const animated = useRef<string>('');
  // A new expression gets a fresh view: a zoom chosen for the old points could leave the new ones outside.
  const zoomed = transform.k !== 1 || transform.x !== 0 || transform.y !== 0;
  // Only a new picture resets the view; zooming itself must not.
  const viewedKey = useRef(arrowKey);
  useEffect(() => {
    if (viewedKey.current === arrowKey) return;
    viewedKey.current = arrowKey;
    if (zoomed && svgRef.current && zoomRef.current) select(svgRef.current).call(zoomRef.current.transform, zoomIdentity);
  }, [arrowKey, zoomed]);
  useEffect(() => {
    const g = arrowsRef.current;
    if (!g) return;
    const lines = props.picture.arrows.flatMap((a) => {
      const from = byKey.get(a.from);
      const to = byKey.get(a.to);
      return from && to ? [arrowLine(from.px, from.py, to.px, to.py, DOT + 2)] : [];
    });
    const selection = select(g)
      .selectAll<SVGLineElement, (typeof lines)[number]>('line')
      .data(lines)
      .join('line')
      .attr('class', 'lab-arrow')
      .attr('data-testid', 'lab-arrow')
      .attr('x1', (d) => d.x1)
      .attr('y1', (d) => d.y1)
      .attr('x2', (d) => d.x2)
      .attr('y2', (d) => d.y2);
    const key = `${arrowKey}#${replays}`;
    if (animated.current === key || prefersReducedMotion()) {
      animated.current = key;
      selection
        .interrupt()
        .attr('stroke-dasharray', null)
        .attr('stroke-dashoffset', null)
        .attr('opacity', 1)
        .attr('marker-end', 'url(#lab-arrowhead)');
      return;
    }
    animated.current = key;
    selection.each(function (d, i) {
      const length = Math.hypot(d.x2 - d.x1, d.y2 - d.y1);
      select(this)
        .interrupt()
        .attr('opacity', 1)
        .attr('marker-end', null) // the head appears when its line arrives, not before
        .attr('stroke-dasharray', `${length} ${length}`)
        .attr('stroke-dashoffset', length)
        .transition()
        .delay(i * 700)
        .duration(650)
        .attr('stroke-dashoffset', 0)
        .on('end', function () {
          select(this).attr('stroke-dasharray', null).attr('marker-end', 'url(#lab-arrowhead)');
        });
    });
  });

  // A finger's reading stays after it lifts (the browser sends pointerleave then) until another point is tapped.
  const pointerReads = (key: string) => ({
    onPointerEnter: () => setActive(key),
    onPointerDown: () => setActive(key),
    onPointerLeave: (e: React.PointerEvent) => {
      if (e.pointerType !== 'touch') setActive((a) => (a === key ? null : a));
    },
  });

  const names = axisNameSpots(x(0), y(0), WIDTH, HEIGHT);
  const shown = active ? byKey.get(active) : null;
  const info = shown
    ? t('labPointInfo', { word: shown.label, x: fmt(shown.xy[0], 3), y: fmt(shown.xy[1], 3) })
    : touchScreen
      ? ui.labZoomHintTouch
      : ui.labZoomHint;

  return (
    <figure className="lab-plane" ref={figureRef}>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={ui.labPicture}
        className="lab-plane-svg"
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <defs>
          <marker id="lab-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--accent)" />
          </marker>
          <marker id="lab-parallelhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--ink-faint)" />
          </marker>
        </defs>
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill="var(--surface)" />
        <line className="lab-axis" x1={0} x2={WIDTH} y1={y(0)} y2={y(0)} />
        <line className="lab-axis" x1={x(0)} x2={x(0)} y1={0} y2={HEIGHT} />
        {props.axisNames && (
          <g className="lab-axis-names">
            <text x={names.x.x} y={names.x.y} textAnchor="end">
              {props.axisNames[0]}
            </text>
            <text x={names.y.x} y={names.y.y} textAnchor={names.y.anchor}>
              {props.axisNames[1]}
            </text>
          </g>
        )}
        {props.picture.parallels.map(({ from, to }) => {
          const a = byKey.get(from);
          const b = byKey.get(to);
          if (!a || !b) return null;
          const l = arrowLine(a.px, a.py, b.px, b.py, DOT + 2);
          return (
            <line
              key={`${from}>${to}`}
              className="lab-parallel"
              x1={l.x1}
              y1={l.y1}
              x2={l.x2}
              y2={l.y2}
              markerEnd="url(#lab-parallelhead)"
            />
          );
        })}
        <g ref={arrowsRef} />
        {/* Under every dot, so a dot still answers for itself where two targets overlap. */}
        <g className="lab-hits" aria-hidden="true">
          {placed.map((p) => (
            <circle key={p.key} cx={p.px} cy={p.py} r={hitRadius} {...pointerReads(p.key)} />
          ))}
        </g>
        {placed.map((p) => {
          const label = labels.get(p.key);
          return (
            <g
              key={p.key}
              className={`lab-point lab-${p.kind}${active === p.key ? ' active' : ''}`}
              data-testid={`lab-point-${p.kind}`}
              transform={`translate(${p.px},${p.py})`}
              tabIndex={0}
              role="img"
              aria-label={t('labPointInfo', { word: p.label, x: fmt(p.xy[0], 3), y: fmt(p.xy[1], 3) })}
              {...pointerReads(p.key)}
              onFocus={() => setActive(p.key)}
              onBlur={() => setActive(null)}
            >
              <circle r={p.kind === 'result' ? DOT + 2 : p.kind === 'step' ? DOT - 2 : DOT} />
              {label && (
                <text x={label.x} y={label.y} textAnchor={label.anchor}>
                  {label.text ?? p.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="lab-plane-caption">
        <span className="num lab-readout" aria-live="polite" data-testid="lab-readout">
          {info}
        </span>
        <span className="lab-plane-buttons">
          <button type="button" onClick={() => setReplays((r) => r + 1)}>
            {ui.labReplay}
          </button>
          <button type="button" onClick={resetView}>
            {ui.labResetView}
          </button>
        </span>
      </figcaption>
    </figure>
  );
}
