import { getUi, type UiStrings } from '../content/chapters';
import type { Lang } from '../content/types';
import { fillPlaceholders } from '../content/fill';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
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

export interface I18n {
  lang: Lang;
  ui: UiStrings;
  /** A UI string in the page's language with its {placeholders} filled. */
  t: (key: keyof UiStrings, values?: Record<string, string | number>) => string;
  /** "label: value", with the language's own colon ("方向：从" in Chinese, no space after its full-width colon). */
  labelled: (label: string, value: string) => string;
}

// No default: a component rendered outside the provider should fail loudly, not quietly fall back to English.
const I18nContext = createContext<I18n | null>(null);

/** The page's language and its strings, for every component below; App provides it once, from useLang. */
export function I18nProvider(props: { lang: Lang; children: ReactNode }) {
  const { lang } = props;
  const value = useMemo<I18n>(() => {
    const ui = getUi(lang);
    return {
      lang,
      ui,
      t: (key, values) => t(ui, key, lang, values),
      labelled: (label, value) => `${label}${ui.colon}${sentenceGap(lang)}${value}`,
    };
  }, [lang]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useI18n is called outside an I18nProvider.');
  return i18n;
}

export { getUi };
export type { Lang, UiStrings };
