import type { ReactNode } from 'react';
import { I18nProvider, type Lang } from '../src/app/i18n';

/** Renders a component in a page of the given language, as App provides it. */
export function inLang(lang: Lang, children: ReactNode) {
  return <I18nProvider lang={lang}>{children}</I18nProvider>;
}
