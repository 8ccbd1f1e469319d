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
/**
 * Where the state waits when the page is left with a write still pending, with the address the bar held then. A
 * reload goes to the address the bar showed when it was asked for, and the page writes the pending state too late
 * for it: without this, what the reader typed in the last 300 ms before reloading was lost.
 */
const UNWRITTEN_KEY = 'inside-gpt:unwritten';

interface Unwritten {
  address: string;
  search: string;
}

interface KeptText {
  link: string;
  full: string;
}

const codePoints = (s: string) => [...s].length;

/**
 * Whether a kept text is the one an address holds the end of. The address also says how much it left out, so two texts
 * with the same end are told apart by their length.
 */
const holds = (text: KeptText, cut: CutText) =>
  text.link === cut.kept && text.full.endsWith(cut.kept) && codePoints(text.full) - codePoints(cut.kept) === cut.droppedChars;

const hasWindow = typeof window !== 'undefined';
/** What the address the page shows said about its text, if it held only the end of a longer one this tab does not keep. */
let openedCut: CutText | null = null;
let pendingWrite: ReturnType<typeof setTimeout> | null = null;
let search = hasWindow ? startingSearch() : '';
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
    // A list, or one bare {link, full} as the page kept a single text before.
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
  const cut = cutIn(params);
  params.delete(CUT_KEY);
  openedCut = null;
  if (!cut) return normalize(params);
  const kept = keptTexts().find((t) => holds(t, cut));
  if (kept) params.set('text', kept.full);
  else openedCut = cut;
  return normalize(params);
}

/** The page's address as the unwritten state records it: path and query, so another page of the site is another address. */
function addressNow(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/** Whether this load is a reload of the tab, as the browser reports it; a link, a bookmark or Back is not. */
function isReload(): boolean {
  const [navigation] = window.performance?.getEntriesByType?.('navigation') ?? [];
  return (navigation as PerformanceNavigationTiming | undefined)?.type === 'reload';
}

/** The state the page starts from: the address's, or, on a reload of an address a pending write never reached, that write's. */
function startingSearch(): string {
  const unwritten = takeUnwritten();
  if (unwritten?.address !== addressNow() || !isReload()) return searchFromAddress(window.location.search);
  openedCut = null;
  pendingWrite = setTimeout(() => writeUrl('replace'), 0); // the address bar catches up
  return unwritten.search;
}

/** Read and forget what the page left unwritten: it is for the first load after leaving, if that is a reload, no later one. */
function takeUnwritten(): Unwritten | null {
  try {
    const stored = JSON.parse(tabStorage()?.getItem(UNWRITTEN_KEY) ?? 'null') as Partial<Unwritten> | null;
    tabStorage()?.removeItem(UNWRITTEN_KEY);
    return typeof stored?.address === 'string' && typeof stored.search === 'string'
      ? { address: stored.address, search: stored.search }
      : null;
  } catch {
    return null; // unreadable or no storage: the address is all there is
  }
}

/** Keep a write still pending, and the address it has not reached, for a reload. */
function keepUnwritten() {
  if (pendingWrite === null) return;
  try {
    tabStorage()?.setItem(UNWRITTEN_KEY, JSON.stringify({ address: addressNow(), search } satisfies Unwritten));
  } catch {
    // storage full or off: the address is all a reload will have
  }
}

/**
 * Keep `full` for the address that holds `cut`, newest first. `replaced` is what an address this write replaced
 * held: no history entry leads there any more, so its text goes, and typing on never pushes out a text Back needs.
 */
function keepWholeTextInTab(full: string | null, cut: CutText | null, replaced: CutText | null) {
  if (!cut && !replaced) return; // a text that fits its address, over one that did too: nothing to keep or drop
  const before = keptTexts();
  const newest = cut && full !== null ? { link: cut.kept, full } : null;
  const same = (a: KeptText, b: KeptText) => a.link === b.link && a.full === b.full;
  const others = before.filter((t) => !(replaced && holds(t, replaced)) && !(cut && holds(t, cut)));
  const texts = (newest ? [newest, ...others] : others).slice(0, TAB_TEXTS_KEPT);
  if (texts.length === before.length && texts.every((t, i) => same(t, before[i]))) return;
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

/** What an address's query holds of its text, if only the end of a longer one. */
function cutIn(params: URLSearchParams): CutText | null {
  const [text, dropped] = [params.get('text'), Number(params.get(CUT_KEY))];
  return text !== null && Number.isInteger(dropped) && dropped > 0 ? { kept: text, droppedChars: dropped } : null;
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
  const before = window.location.search;
  let replaced: CutText | null = null;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    try {
      if (mode === 'push') window.history.pushState(null, '', url);
      else {
        window.history.replaceState(null, '', url);
        replaced = cutIn(new URLSearchParams(before));
      }
    } catch {
      // The browser refused (rate limit). The page keeps working from memory; the next write catches up.
    }
  }
  keepWholeTextInTab(text, link.cut, replaced);
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
  // A reload is asked for at beforeunload, and the pending write may still land before the page goes: kept then too.
  window.addEventListener('beforeunload', keepUnwritten);
  window.addEventListener('pagehide', () => {
    keepUnwritten();
    flushPendingWrite();
  });
  // Back from the browser's page cache is the same page, its state still in memory: nothing is for a reload any more.
  window.addEventListener('pageshow', (event: PageTransitionEvent) => {
    if (event.persisted) takeUnwritten();
  });
}

// Every figure that keeps a value in the address reads it on every pass, and a keystroke changes the text in it:
// the address is parsed once per change, not once per reader. The parsed copy is shared, so it is only read.
let lastParsed: { search: string; params: URLSearchParams } | null = null;
function paramsOf(address: string): Pick<URLSearchParams, 'get'> {
  if (lastParsed?.search !== address) lastParsed = { search: address, params: new URLSearchParams(address) };
  return lastParsed.params;
}

/** The current value of one key, or null when the address does not have it. */
export function readParam(key: string): string | null {
  return paramsOf(search).get(key);
}

/**
 * Set several keys at once. 'push' makes a history entry (back/forward return to it) at once;
 * 'replace' is for values that change on every keystroke and reaches the address bar after a pause,
 * or when a push leaves its entry.
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
  // A change still waiting for the pause (typing, the end of a drag) belongs to the entry a push leaves, where Back finds it.
  if (mode === 'push') flushPendingWrite();
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
): [T, (value: T, mode?: 'push' | 'replace') => void] {
  const current = useSyncExternalStore(subscribe, getSearch, () => '');
  const raw = paramsOf(current).get(key);
  // The same raw value gives the same parsed object, so hooks can depend on it.
  const parsed = useRef<{ raw: string | null; value: T } | null>(null);
  if (parsed.current === null || parsed.current.raw !== raw) parsed.current = { raw, value: parse(raw) };
  const value = parsed.current.value;
  const set = useCallback(
    (next: T, thisTime?: 'push' | 'replace') => writeParams({ [key]: serialize(next) }, thisTime ?? mode),
    [key, serialize, mode],
  );
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
