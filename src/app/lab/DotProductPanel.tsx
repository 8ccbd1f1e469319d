import { useRef } from 'react';
import { useUrlParam } from '../state/url';
import { angleArc, dotSign, dotViews, gridLines, planeAt, planeToScreen, snapVector } from '../../viz/lab/dotGeometry';
import { fmt } from '../../viz/format';
import { layoutProductRows } from '../../viz/lab/productBars';
import { useI18n } from '../i18n';

const SIZE = 260;
const UNIT = 40; // pixels per unit: the grid runs from −3 to 3
const LIMIT = 3;
const STEP = 0.1;

type Vec = [number, number];

const DEFAULT_VECTORS: [Vec, Vec] = [
  [2, 1],
  [0.5, 2],
];
/** "ax,ay,bx,by" in the URL, each snapped to the grid; anything else gives the default arrows. */
function parseVectors(raw: string | null): [Vec, Vec] {
  const n = (raw ?? '').split(',').map(Number);
  if (n.length !== 4 || !n.every(Number.isFinite)) return DEFAULT_VECTORS;
  return [snapVector(n[0], n[1], STEP, LIMIT), snapVector(n[2], n[3], STEP, LIMIT)];
}
const writeVectors = ([a, b]: [Vec, Vec]) =>
  a.join() === DEFAULT_VECTORS[0].join() && b.join() === DEFAULT_VECTORS[1].join()
    ? null
    : [...a, ...b].map((x) => +x.toFixed(2)).join(',');

/** Two draggable 2-D arrows with their dot product computed both ways. */
export function DotProductPanel() {
  const { ui } = useI18n();
  const [[a, b], setVectors] = useUrlParam('lab.vec', parseVectors, writeVectors, 'replace');
  const setA = (v: Vec) => setVectors([v, b]);
  const setB = (v: Vec) => setVectors([a, v]);
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef<'a' | 'b' | null>(null);
  const c = SIZE / 2;
  const views = dotViews(a, b);
  const setters = { a: setA, b: setB };

  const toVector = (e: React.PointerEvent): Vec => {
    const rect = svgRef.current!.getBoundingClientRect();
    const [x, y] = planeAt((e.clientX - rect.left) / rect.width, (e.clientY - rect.top) / rect.height, SIZE, UNIT);
    return snapVector(x, y, STEP, LIMIT);
  };
  const onMove = (e: React.PointerEvent) => {
    if (dragging.current) setters[dragging.current](toVector(e));
  };
  const onKey = (which: 'a' | 'b', v: Vec) => (e: React.KeyboardEvent) => {
    const moves: Record<string, Vec> = { ArrowRight: [STEP, 0], ArrowLeft: [-STEP, 0], ArrowUp: [0, STEP], ArrowDown: [0, -STEP] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    setters[which](snapVector(v[0] + m[0] * (e.shiftKey ? 5 : 1), v[1] + m[1] * (e.shiftKey ? 5 : 1), STEP, LIMIT));
  };
  const sign = dotSign(views);
  const signText = { zero: ui.labDotZero, 'no-angle': ui.labDotNoAngle, positive: ui.labDotPositive, negative: ui.labDotNegative }[sign];

  return (
    <div className="lab-dot2d">
      <svg
        ref={svgRef}
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        className="lab-dot-svg"
        onPointerMove={onMove}
        onPointerUp={() => (dragging.current = null)}
        onPointerCancel={() => (dragging.current = null)}
      >
        <defs>
          {(['a', 'b'] as const).map((which) => (
            <marker
              key={which}
              id={`lab-head-${which}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="4"
              markerHeight="4"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" className={`lab-head lab-head-${which}`} />
            </marker>
          ))}
        </defs>
        {gridLines(SIZE, UNIT, LIMIT).map((p) => (
          <g key={p} className="lab-grid">
            <line x1={p} x2={p} y1={0} y2={SIZE} />
            <line y1={p} y2={p} x1={0} x2={SIZE} />
          </g>
        ))}
        {!Number.isNaN(views.angle) && <path d={angleArc(c, c, a, b, 26)} className={`lab-angle ${sign}`} />}
        {(['a', 'b'] as const).map((which) => {
          const v = which === 'a' ? a : b;
          const [x, y] = planeToScreen(v, SIZE, UNIT);
          return (
            <g key={which} className={`lab-vec lab-vec-${which}`}>
              <line x1={c} y1={c} x2={x} y2={y} markerEnd={`url(#lab-head-${which})`} />
              <circle
                cx={x}
                cy={y}
                r={14}
                tabIndex={0}
                role="slider"
                aria-label={which === 'a' ? ui.labVectorA : ui.labVectorB}
                // A slider has one number; the x component stands in for it and the text reads out both.
                aria-valuemin={-LIMIT}
                aria-valuemax={LIMIT}
                aria-valuenow={v[0]}
                aria-valuetext={`(${fmt(v[0], 1)}, ${fmt(v[1], 1)})`}
                onKeyDown={onKey(which, v)}
                onPointerDown={(e) => {
                  dragging.current = which;
                  (e.target as Element).setPointerCapture?.(e.pointerId);
                }}
              />
              <text x={x + 12} y={y - 12}>
                {which}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="lab-dot-views" aria-live="polite">
        <p>
          <strong>{ui.labAlgebraic}</strong>
          <br />
          <span className="num">
            ({fmt(a[0], 1)})({fmt(b[0], 1)}) + ({fmt(a[1], 1)})({fmt(b[1], 1)}) = {fmt(views.products[0], 2)} + {fmt(views.products[1], 2)}{' '}
            = <b>{fmt(views.sum, 2)}</b>
          </span>
        </p>
        <ProductBars products={views.products} sum={views.sum} />
        <p>
          <strong>{ui.labGeometric}</strong>
          <br />
          <span className="num">
            |a| |b| cos θ = {fmt(views.lengthA, 2)} × {fmt(views.lengthB, 2)} × cos{' '}
            {Number.isNaN(views.angle) ? '—' : `${fmt((views.angle * 180) / Math.PI, 1)}°`} = <b>{fmt(views.geometric, 2)}</b>
          </span>
        </p>
        <p className={`lab-sign ${sign}`} data-testid="lab-sign">
          {signText}
        </p>
      </div>
    </div>
  );
}

const BAR_W = 260;
const BAR_ROW = 22;

/** The algebra as bars: a₀b₀ and a₁b₁ from a zero line, and their sum below. */
function ProductBars(props: { products: readonly number[]; sum: number }) {
  const rows = [
    { label: 'a₀b₀', value: props.products[0] },
    { label: 'a₁b₁', value: props.products[1] },
    { label: 'Σ', value: props.sum },
  ];
  const layout = layoutProductRows(
    rows.map((r) => r.value),
    BAR_W,
    BAR_ROW,
  );
  return (
    <svg
      viewBox={`0 0 ${BAR_W} ${layout.height}`}
      className="lab-product-bars"
      role="img"
      aria-label={rows.map((r) => `${r.label} = ${fmt(r.value, 2)}`).join(', ')}
    >
      <line x1={layout.zero} x2={layout.zero} y1={0} y2={layout.height} className="lab-axis" />
      {rows.map((r, i) => {
        const bar = layout.bars[i];
        return (
          <g key={r.label} className={i === rows.length - 1 ? 'lab-sum-bar' : undefined}>
            <text x={0} y={layout.textY[i]}>
              {r.label}
            </text>
            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className={bar.positive ? 'pos' : 'neg'} />
          </g>
        );
      })}
    </svg>
  );
}
