import { useCallback, useSyncExternalStore } from 'react';

// App state that a shared link must reproduce lives in the URL query; everything else is derived.
// Each part of the app owns its own keys (text, lang, step; lab.*; out.*).

const listeners = new Set<() => void>();
function notify() {
  for (const l of listeners) l();
}
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getSearch = () => window.location.search;

export function readParam(key: string): string | null {
  return new URLSearchParams(window.location.search).get(key);
}

/**
 * Set several keys at once. 'push' makes a history entry (back/forward return to it);
 * 'replace' is for values that change on every keystroke.
 */
export function writeParams(values: Record<string, string | null>, mode: 'push' | 'replace'): void {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === '') params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  notify();
}

/** A URL query value as React state. */
export function useUrlParam<T>(
  key: string,
  parse: (raw: string | null) => T,
  serialize: (value: T) => string | null,
  mode: 'push' | 'replace' = 'push',
): [T, (value: T) => void] {
  const search = useSyncExternalStore(subscribe, getSearch, () => '');
  const value = parse(new URLSearchParams(search).get(key));
  const set = useCallback((next: T) => writeParams({ [key]: serialize(next) }, mode), [key, serialize, mode]);
  return [value, set];
}

export const asString = (fallback: string) => (raw: string | null) => raw ?? fallback;
export const identity = (s: string) => s;

/** An integer in [min, max]; anything else falls back, so a hand-edited URL cannot break the page. */
export const asInt = (fallback: number, min: number, max: number) => (raw: string | null) => {
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};
