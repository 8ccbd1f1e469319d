import { getUi, type UiStrings } from '../content/chapters';
import type { Lang } from '../content/types';
import { fillPlaceholders } from '../content/fill';
import { useEffect } from 'react';
import { readParam, useUrlParam, writeParams } from './state/url';

/** The reader's first preferred language that the app has: ['en-US', 'zh-CN'] reads English. */
export function browserLang(
  languages: readonly string[] = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [],
): Lang {
  for (const l of languages) {
    const code = l?.toLowerCase() ?? '';
    if (code.startsWith('zh')) return 'zh';
    if (code.startsWith('en')) return 'en';
  }
  return 'en';
}

const parseLang = (raw: string | null): Lang => (raw === 'zh' || raw === 'en' ? raw : browserLang());
const serializeLang = (lang: Lang) => lang;

export function useLang(): [Lang, (lang: Lang) => void] {
  const [lang, setLang] = useUrlParam('lang', parseLang, serializeLang, 'push');
  // The language chosen from the browser goes into the address too, so a shared link opens in the
  // language the sender read, whatever the recipient's browser prefers.
  useEffect(() => {
    if (readParam('lang') === null) writeParams({ lang }, 'replace');
  }, [lang]);
  return [lang, setLang];
}

/** A UI string with its {placeholders} filled. */
export function t(ui: UiStrings, key: keyof UiStrings, lang: Lang, values: Record<string, string | number> = {}): string {
  return fillPlaceholders(ui[key], values, lang);
}

/** What goes between two sentences from separate strings: a space in English, nothing in Chinese. */
export function sentenceGap(lang: Lang): string {
  return lang === 'zh' ? '' : ' ';
}

export { getUi };
export type { Lang, UiStrings };
