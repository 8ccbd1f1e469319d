import type { Tokenizer } from '../../core/tokenizer/index.ts';
import { visibleToken } from '../../viz/format';
import type { ForwardResult } from '../model/useForward';

export interface OutputProps {
  lang: import('../i18n').Lang;
  ui: import('../i18n').UiStrings;
  result: ForwardResult;
}

/** A token as the reader sees it: spaces and newlines made visible. */
export function tokenLabel(tokenizer: Tokenizer, id: number): string {
  return visibleToken(tokenizer.tokenText(id));
}

export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}

export function percent(p: number): string {
  const pct = p * 100;
  if (pct > 0 && pct < 0.1) return '<0.1%';
  return `${pct.toFixed(1)}%`;
}
