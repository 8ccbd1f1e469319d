import { useCallback, useRef, useSyncExternalStore } from 'react';
import { CUT_KEY, linkFor, type CutText } from './linkText';

// App state that a shared link must reproduce lives in the URL query; everything else is derived.
// Each part of the app owns its own keys (text, lang, step; lab.*; out.*).
//
// The query is kept in memory and rendered from there; the address bar only follows it. Writing
// history on every keystroke gets throttled by Chrome and throws in Safari (100 calls per 30 s), and
// once a write fails the page would stop reacting if it read its state back from location.search.

/** How long the address bar waits after the last 'replace' change (typing, dragging a slider). */
export const URL_WRITE_DELAY_MS = 300;
/**
 * Where the whole text waits when the address holds only its end: the tab's own storage, which a
 * reload of the same tab keeps and another tab or a shared link does not see. Each entry's `link` is the
 * text the address held, so a different link opened in this tab is never overwritten by an old text. The
 * most recent few are kept, newest first, so that Back and Forward to an earlier long text find it too.
 */
const TAB_TEXT_KEY = 'inside-gpt:text';
const TAB_TEXTS_KEPT = 8;

interface KeptText {
  link: string;
  full: string;
}

const hasWindow = typeof window !== 'undefined';
/** What the address the page shows said about its text, if it held only the end of a longer one this tab does not keep. */
let openedCut: CutText | null = null;
let search = hasWindow ? searchFromAddress(window.location.search) : '';
let pendingWrite: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

function normalize(params: URLSearchParams): string {
  const query = params.toString();
  return query ? `?${query}` : '';
}

function notify() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getSearch = () => search;

function tabStorage(): Storage | null {
  try {
    return window.sessionStorage ?? null;
  } catch {
    return null; // storage switched off: the address is all there is
  }
}

function keptTexts(): KeptText[] {
  try {
    const stored = JSON.parse(tabStorage()?.getItem(TAB_TEXT_KEY) ?? 'null') as unknown;
    // One text, as this page kept it until December 7, or a list.
    const list = Array.isArray(stored) ? stored : stored ? [stored] : [];
    return list.filter((t): t is KeptText => typeof t?.link === 'string' && typeof t?.full === 'string');
  } catch {
    return []; // unreadable storage: go on with what the address holds
  }
}

/**
 * The state an address gives, with the whole text back from the tab's storage when the address holds its end.
 * Sets openedCut when it cannot give the whole text back, so the page says how much is missing.
 */
function searchFromAddress(addressSearch: string): string {
  const params = new URLSearchParams(addressSearch);
  const dropped = params.get(CUT_KEY);
  const text = params.get('text');
  params.delete(CUT_KEY);
  openedCut = null;
  if (dropped === null || text === null) return normalize(params);
  const kept = keptTexts().find((t) => t.link === text);
  if (kept) {
    params.set('text', kept.full);
    return normalize(params);
  }
  const droppedChars = Number(dropped);
  if (Number.isInteger(droppedChars) && droppedChars > 0) openedCut = { kept: text, droppedChars };
  return normalize(params);
}

function keepWholeTextInTab(full: string | null, cut: CutText | null) {
  if (!cut || full === null) return;
  const texts = [{ link: cut.kept, full }, ...keptTexts().filter((t) => t.link !== cut.kept)].slice(0, TAB_TEXTS_KEPT);
  // A full storage keeps at least the newest text.
  for (const keep of [texts, texts.slice(0, 1)]) {
    try {
      tabStorage()?.setItem(TAB_TEXT_KEY, JSON.stringify(keep));
      return;
    } catch {
      // storage full or off: the address still holds the end of the text
    }
  }
}

/** The address for this state, and what it left out of the text. */
function linkForState(params: URLSearchParams) {
  const link = linkFor(params, window.location.pathname.length + window.location.hash.length);
  return { url: `${window.location.pathname}${link.query}${window.location.hash}`, link, text: params.get('text') };
}

/** What a link to the page would hold if the text were `text`: null when all of it fits. */
export function linkCutFor(text: string): CutText | null {
  if (!hasWindow) return null;
  const params = new URLSearchParams(search);
  params.set('text', text);
  return linkForState(params).link.cut;
}

/** The address (opened, or gone back or forward to) held only the end of a longer text: that end, and how much was left out. */
export function openedLinkCut(): CutText | null {
  return openedCut;
}

function writeUrl(mode: 'push' | 'replace') {
  if (pendingWrite !== null) clearTimeout(pendingWrite);
  pendingWrite = null;
  const { url, link, text } = linkForState(new URLSearchParams(search));
  keepWholeTextInTab(text, link.cut);
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  try {
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  } catch {
    // The browser refused (rate limit). The page keeps working from memory; the next write catches up.
  }
}

function flushPendingWrite() {
  if (pendingWrite !== null) writeUrl('replace');
}

if (hasWindow) {
  window.addEventListener('popstate', () => {
    // Back/forward: the history entry is now the truth, and a pending write of the old state must not overwrite it.
    if (pendingWrite !== null) clearTimeout(pendingWrite);
    pendingWrite = null;
    search = searchFromAddress(window.location.search);
    notify();
  });
  window.addEventListener('pagehide', flushPendingWrite);
}

/** The current value of one key, or null when the address does not have it. */
export function readParam(key: string): string | null {
  return new URLSearchParams(search).get(key);
}

/**
 * Set several keys at once. 'push' makes a history entry (back/forward return to it) at once;
 * 'replace' is for values that change on every keystroke and reaches the address bar after a pause.
 */
export function writeParams(values: Record<string, string | null>, mode: 'push' | 'replace'): void {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(values)) {
    // null removes a key; an empty string stays (?text= is an empty text, not the default one).
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  const next = normalize(params);
  if (next === search) return;
  search = next;
  notify();
  if (!hasWindow) return;
  if (mode === 'push') writeUrl('push');
  else {
    if (pendingWrite !== null) clearTimeout(pendingWrite);
    pendingWrite = setTimeout(() => writeUrl('replace'), URL_WRITE_DELAY_MS);
  }
}

/** A URL query value as React state. */
export function useUrlParam<T>(
  key: string,
  parse: (raw: string | null) => T,
  serialize: (value: T) => string | null,
  mode: 'push' | 'replace' = 'push',
): [T, (value: T) => void] {
  const current = useSyncExternalStore(subscribe, getSearch, () => '');
  const raw = new URLSearchParams(current).get(key);
  // The same raw value gives the same parsed object, so hooks can depend on it.
  const parsed = useRef<{ raw: string | null; value: T } | null>(null);
  if (parsed.current === null || parsed.current.raw !== raw) parsed.current = { raw, value: parse(raw) };
  const value = parsed.current.value;
  const set = useCallback((next: T) => writeParams({ [key]: serialize(next) }, mode), [key, serialize, mode]);
  return [value, set];
}

/** The raw value, or `fallback` when the key is absent. */
export const asString = (fallback: string) => (raw: string | null) => raw ?? fallback;
export const identity = (s: string) => s;
export const serializeInt = (n: number) => String(n);

/** An integer in [min, max]; anything else falls back, so a hand-edited URL cannot break the page. */
export const asInt = (fallback: number, min: number, max: number) => (raw: string | null) => {
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

/** An on/off URL value: "1" when on, absent when off. */
export const parseFlag = (raw: string | null) => raw === '1';
export const writeFlag = (on: boolean) => (on ? '1' : null);
