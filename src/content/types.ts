export type Lang = 'en' | 'zh';

// Derived from the chapter table, so a chapter's id is declared in one place.
export type { ChapterId } from './chapters';

// Prose may contain {V} {C} {T} {L} {NH} {HS}: the app fills them from the loaded
// checkpoint, so the text never states a number about our model that could go stale.
export interface ChapterText {
  title: string; // short, e.g. "Tokens" / "词元（token）"
  lede: string; // one sentence summary
  body: string[]; // 3-6 short paragraphs; inline math as $...$ (KaTeX), **bold**, nothing else
  tryThis: string[]; // 1-3 concrete things to do with the live figure
}

/** An interface-string table's type: the table's keys, each holding a string (so a translation may say anything). */
export type Strings<T> = { readonly [K in keyof T]: string };
