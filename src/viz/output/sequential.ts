import { sequentialColor } from '../colors';

/** Probabilities in the app's one sequential green (the --prob hue). */
export const probabilityColour = sequentialColor(1);

/** Text that stays readable on a probabilityColour background. */
export function inkOn(prob: number): string {
  return prob > 0.45 ? '#ffffff' : '#1d2330';
}
