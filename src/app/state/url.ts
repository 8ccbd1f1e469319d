import { useCallback, useSyncExternalStore } from 'react';

// App state that a shared link must reproduce lives in the URL query; everything else is derived.
// Each part of the app owns its own keys (text, lang, step; lab.*; out.*).
//
// The query is kept in memory and rendered from there; the address bar only follows it. Writing
// history on every keystroke gets throttled by Chrome and throws in Safari (100 calls per 30 s), and
// once a write fails the page would stop reacting if it read its state back from location.search.

/** How long the address bar waits after the last 'replace' change (typing, dragging a slider). */
export const URL_WRITE_DELAY_MS = 300;
/** A longer value is cut in the address bar only: a pasted book stays in the page but not in the link. */
export const MAX_URL_VALUE_LENGTH = 2000;

const hasWindow = typeof window !== 'undefined';
let search = hasWindow ? normalize(new URLSearchParams(window.location.search)) : '';
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

/** Cut a value to the URL limit without splitting a surrogate pair (an emoji). */
export function capForUrl(value: string, limit = MAX_URL_VALUE_LENGTH): string {
  if (value.length <= limit) return value;
  const end = /[\uD800-\uDBFF]/.test(value[limit - 1]) ? limit - 1 : limit;
  return value.slice(0, end);
}

function urlFor(query: string): string {
  const params = new URLSearchParams(query);
  for (const [key, value] of [...params]) if (value.length > MAX_URL_VALUE_LENGTH) params.set(key, capForUrl(value));
  return `${window.location.pathname}${normalize(params)}${window.location.hash}`;
}

function writeUrl(mode: 'push' | 'replace') {
  if (pendingWrite !== null) clearTimeout(pendingWrite);
  pendingWrite = null;
  const url = urlFor(search);
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
    search = normalize(new URLSearchParams(window.location.search));
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
  const value = parse(new URLSearchParams(current).get(key));
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
