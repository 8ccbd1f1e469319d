import { useMemo } from 'react';
import { layoutGeluCurve } from '../../../viz/geluCurve';
import { fmt } from '../../../viz/format';
import { useI18n } from '../../i18n';

/** The GELU curve, with every neuron's pre-activation for the selected token as a dot on it. */
export function GeluCurve(props: { preActivations: Float32Array; selected: number; width: number }) {
  const { ui } = useI18n();
  const height = Math.round(Math.min(220, props.width * 0.45));
  const layout = useMemo(() => layoutGeluCurve(props.preActivations, props.width, height), [props.preActivations, props.width, height]);
  const chosen = layout.dots[props.selected];
  return (
    <svg
      className="gelu-curve"
      data-testid="gelu-curve"
      width={layout.width}
      height={layout.height}
      role="img"
      aria-label={ui.geluCurveCaption}
    >
      {layout.xTicks.map((t) => (
        <text key={`x${t.value}`} x={t.x} y={layout.height - 8} textAnchor="middle" className="tick">
          {fmt(t.value, 0)}
        </text>
      ))}
      {layout.yTicks.map((t) => (
        <text key={`y${t.value}`} x={28} y={t.y} dy="0.32em" textAnchor="end" className="tick">
          {fmt(t.value, 1)}
        </text>
      ))}
      <line className="axis" x1={layout.zeroX} x2={layout.zeroX} y1={6} y2={layout.height - 22} />
      <line className="axis" x1={30} x2={layout.width - 8} y1={layout.zeroY} y2={layout.zeroY} />
      <path className="curve" d={layout.path} />
      {layout.dots.map((d) => (
        <circle key={d.neuron} className="dot" cx={d.x} cy={d.y} r={2} />
      ))}
      {chosen && <circle className="dot chosen" cx={chosen.x} cy={chosen.y} r={5} />}
    </svg>
  );
}
