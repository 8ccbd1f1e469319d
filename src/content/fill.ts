import type { GPTConfig } from '../core/config';
import { headSize } from '../core/config';
import type { Lang } from './types';

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

// English groups thousands from 1,000 up. Chinese writes four-digit numbers plainly (8192, as GB/T 15835
// allows) and groups longer ones (617,558,016), which a reader could not count at a glance otherwise.
// One formatter each: toLocaleString builds a new one on every call, and chapters are filled on every keystroke.
const GROUPED = { en: new Intl.NumberFormat('en-US'), zh: new Intl.NumberFormat('zh-CN') } as const;

function formatNumber(value: number, lang: Lang): string {
  if (lang === 'en') return GROUPED.en.format(value);
  return Math.abs(value) < 10_000 ? String(value) : GROUPED.zh.format(value);
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
  return prose.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(values, name)) return whole;
    const value = values[name];
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}
