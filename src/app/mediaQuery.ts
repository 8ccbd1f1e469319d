// Figures ask on every pass whether the reader wants less motion or taps a narrow screen; a MediaQueryList follows
// the window by itself, so each query is made once and read after that. So a test that stubs matchMedia gets the
// answers of the stub that was there at the first query, for the rest of its file.
const lists = new Map<string, MediaQueryList | null>();

/** The window's live MediaQueryList for `query`, or null where there is no window to ask. */
export function mediaQuery(query: string): MediaQueryList | null {
  let list = lists.get(query);
  if (list === undefined) {
    list = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null;
    lists.set(query, list);
  }
  return list;
}
