import type { GPTConfig } from '../core/config';
import { headSize } from '../core/config';
import type { Lang } from './types';
import { formatCount } from '../viz/format';

export type PlaceholderValues = Readonly<Record<string, string | number>>;

/** The placeholders chapter prose may use, filled from the loaded checkpoint rather than written into the text. */
export function modelPlaceholders(config: GPTConfig): Record<'V' | 'C' | 'T' | 'L' | 'NH' | 'HS', number> {
  return {
    V: config.vocabSize,
    C: config.nEmbd,
    T: config.nPositions,
    L: config.nLayer,
    NH: config.nHead,
    HS: headSize(config),
  };
}

/**
 * A matrix index for a placeholder, written as the formulas write indices: a number placeholder gets thousands
 * separators (row 2,196), which inside W_e[2,196, 10] would read as three indices.
 */
export function asIndex(i: number): string {
  return String(i);
}

/**
 * Replaces each {name} outside $...$ math with values[name]. Math is left alone because
 * KaTeX groups like \text{head} look like placeholders. A name with no value stays as is,
 * so a forgotten value shows up on screen instead of silently vanishing.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues, lang: Lang): string {
  return text
    .split('$')
    .map((part, i) => (i % 2 === 1 ? part : fillProse(part, values, lang)))
    .join('$');
}

function fillProse(prose: string, values: PlaceholderValues, lang: Lang): string {
  return prose.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(values, name)) return whole;
    const value = values[name];
    return typeof value === 'number' ? formatCount(value, lang) : value;
  });
}
