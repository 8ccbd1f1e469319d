import { useMemo } from 'react';
import { geluCurveHeight, layoutGeluCurve } from '../../../viz/geluCurve';
import { fmt } from '../../../viz/format';
import { useI18n } from '../../i18n';

/** The GELU curve, with every neuron's pre-activation for the selected token as a dot on it. */
export function GeluCurve(props: { preActivations: Float32Array; selected: number; width: number }) {
  const { ui } = useI18n();
  const height = geluCurveHeight(props.width);
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
        <text key={`x${t.value}`} x={t.x} y={layout.xTickY} textAnchor="middle" className="tick">
          {fmt(t.value, 0)}
        </text>
      ))}
      {layout.yTicks.map((t) => (
        <text key={`y${t.value}`} x={layout.yTickX} y={t.y} dy="0.32em" textAnchor="end" className="tick">
          {fmt(t.value, 1)}
        </text>
      ))}
      <line className="axis" x1={layout.yAxis.x} x2={layout.yAxis.x} y1={layout.yAxis.y1} y2={layout.yAxis.y2} />
      <line className="axis" x1={layout.xAxis.x1} x2={layout.xAxis.x2} y1={layout.xAxis.y} y2={layout.xAxis.y} />
      <path className="curve" d={layout.path} />
      {layout.dots.map((d) => (
        <circle key={d.neuron} className="dot" cx={d.x} cy={d.y} r={2} />
      ))}
      {chosen && <circle className="dot chosen" cx={chosen.x} cy={chosen.y} r={5} />}
    </svg>
  );
}
