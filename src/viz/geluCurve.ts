import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { gelu } from '../core/ops/gelu';

// Chapter 6's GELU curve with one token's pre-activations marked on it: D3 computes, React draws.

export interface GeluCurveLayout {
  width: number;
  height: number;
  path: string;
  dots: { neuron: number; x: number; y: number }[];
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
  zeroX: number;
  zeroY: number;
  /** The axes through zero, reaching 4px past the plotted area on each side. */
  xAxis: { x1: number; x2: number; y: number };
  yAxis: { x: number; y1: number; y2: number };
  xTickY: number; // the x ticks' baseline, under the plot
  yTickX: number; // the y ticks' right edge, left of the plot
}

const MARGIN = { top: 10, right: 12, bottom: 26, left: 34 };

/** The curve's height for a figure `width` wide: a wide, flat picture, at most 220px tall. */
export function geluCurveHeight(width: number): number {
  return Math.round(Math.min(220, width * 0.45));
}

/** preActivations (4C): c_fc's outputs for one token, before GELU. */
export function layoutGeluCurve(preActivations: ArrayLike<number>, width: number, height: number): GeluCurveLayout {
  let lo = -4;
  let hi = 4;
  for (let i = 0; i < preActivations.length; i++) {
    lo = Math.min(lo, preActivations[i]);
    hi = Math.max(hi, preActivations[i]);
  }
  const x = scaleLinear()
    .domain([lo, hi])
    .range([MARGIN.left, width - MARGIN.right])
    .nice();
  const [x0, x1] = x.domain();
  const y = scaleLinear()
    .domain([Math.min(-0.5, gelu(-0.75)), gelu(x1)])
    .range([height - MARGIN.bottom, MARGIN.top])
    .nice();
  const samples = Array.from({ length: 121 }, (_, i) => x0 + ((x1 - x0) * i) / 120);
  const path =
    line<number>()
      .x((v) => x(v))
      .y((v) => y(gelu(v)))(samples) ?? '';
  const dots = Array.from(preActivations, (v, neuron) => ({ neuron, x: x(v), y: y(gelu(v)) }));
  return {
    width,
    height,
    path,
    dots,
    xTicks: x.ticks(6).map((value) => ({ value, x: x(value) })),
    yTicks: y.ticks(4).map((value) => ({ value, y: y(value) })),
    zeroX: x(0),
    zeroY: y(0),
    xAxis: { x1: 30, x2: width - 8, y: y(0) },
    yAxis: { x: x(0), y1: 6, y2: height - 22 },
    xTickY: height - 8,
    yTickX: 28,
  };
}
