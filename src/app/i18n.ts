import { getUi, type UiStrings } from '../content/chapters';
import type { Lang } from '../content/types';
import { fillPlaceholders } from '../content/fill';
import { useUrlParam } from './state/url';

function browserLang(): Lang {
  const langs = typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : [];
  return langs.some((l) => l?.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

const parseLang = (raw: string | null): Lang => (raw === 'zh' || raw === 'en' ? raw : browserLang());
const serializeLang = (lang: Lang) => lang;

export function useLang(): [Lang, (lang: Lang) => void] {
  return useUrlParam('lang', parseLang, serializeLang, 'push');
}

/** A UI string with its {placeholders} filled. */
export function t(ui: UiStrings, key: keyof UiStrings, lang: Lang, values: Record<string, string | number> = {}): string {
  return fillPlaceholders(ui[key], values, lang);
}

export { getUi };
export type { Lang, UiStrings };
