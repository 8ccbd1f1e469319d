import { scaleSequential } from 'd3-scale';
import { interpolateGreens } from 'd3-scale-chromatic';

/** Probabilities as a sequential green (the --prob hue); the floor keeps 0 visibly different from the page. */
export const probabilityColour = scaleSequential((t: number) => interpolateGreens(0.05 + 0.85 * t)).domain([0, 1]).clamp(true);

/** Text that stays readable on a probabilityColour background. */
export function inkOn(prob: number): string {
  return prob > 0.45 ? '#ffffff' : '#1d2330';
}
