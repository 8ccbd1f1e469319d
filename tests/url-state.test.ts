import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { ADDRESS_BUDGET_BYTES, encodedBytes, keepEnd, keepStart, linkFor } from '../src/app/state/linkText';

/** The tab's sessionStorage: one per tab, kept across reloads of that tab; full past `room` characters. */
function fakeStorage(room = Infinity) {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (value.length > room) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
}

// A stand-in for the browser's location and history, enough for src/app/state/url.ts.
function fakeWindow(initialSearch: string, sessionStorage = fakeStorage(), navigation = 'navigate') {
  const location = { pathname: '/app/', search: initialSearch, hash: '' };
  const handlers: Record<string, ((event?: unknown) => void)[]> = {};
  const move = (url: string) => {
    const u = new URL(url, 'http://localhost');
    location.search = u.search;
  };
  const history = {
    pushState: vi.fn((_s: unknown, _t: string, url: string) => move(url)),
    replaceState: vi.fn((_s: unknown, _t: string, url: string) => move(url)),
  };
  const addEventListener = (type: string, fn: (event?: unknown) => void) => (handlers[type] ??= []).push(fn);
  const fire = (type: string, event?: unknown) => handlers[type]?.forEach((fn) => fn(event));
  // How the browser says this load came about: 'navigate', 'reload' or 'back_forward'.
  const performance = { getEntriesByType: (type: string) => (type === 'navigation' ? [{ type: navigation }] : []) };
  return { location, history, addEventListener, fire, sessionStorage, performance };
}

async function freshStore(search: string, tab = fakeStorage(), navigation = 'navigate') {
  vi.resetModules();
  const win = fakeWindow(search, tab, navigation);
  vi.stubGlobal('window', win);
  const url = await import('../src/app/state/url');
  return { win, url };
}

const textOf = (search: string) => new URLSearchParams(search).get('text');

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

describe('URL state', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('writes many quick replace changes to history once, after a pause', async () => {
    const { win, url } = await freshStore('?lang=en');
    for (const text of ['T', 'Th', 'The', 'The k', 'The king']) url.writeParams({ text }, 'replace');
    expect(win.history.replaceState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(url.URL_WRITE_DELAY_MS + 1);
    expect(win.history.replaceState).toHaveBeenCalledTimes(1);
    expect(textOf(win.location.search)).toBe('The king');
    expect(new URLSearchParams(win.location.search).get('lang')).toBe('en');
  });

  it('pushes a history entry at once, and a change still pending stays in the entry it leaves, for Back to find', async () => {
    const { win, url } = await freshStore('');
    url.writeParams({ text: 'The queen' }, 'replace');
    url.writeParams({ view: 'lab' }, 'push');
    // Typed, then straight to the lab: the entry left holds the typed text, not the text before it.
    expect(win.history.replaceState).toHaveBeenCalledTimes(1);
    expect(win.history.replaceState.mock.calls[0][2]).toBe('/app/?text=The+queen');
    expect(win.history.pushState).toHaveBeenCalledTimes(1);
    expect(win.location.search).toBe('?text=The+queen&view=lab');
    vi.advanceTimersByTime(1000);
    expect(win.history.replaceState).toHaveBeenCalledTimes(1);
  });

  it('makes a drag along the scrubber and a Next straight after it two history entries, the drag ending where it ended', async () => {
    const { win, url } = await freshStore('?text=hi');
    url.writeParams({ step: '1' }, 'push'); // the drag's first move
    for (const step of ['2', '3', '4']) url.writeParams({ step }, 'replace');
    url.writeParams({ step: '5' }, 'push'); // Next, within the pause
    expect(win.history.pushState.mock.calls.map((c) => new URLSearchParams(c[2].split('?')[1]).get('step'))).toEqual(['1', '5']);
    expect(win.history.replaceState.mock.calls.map((c) => new URLSearchParams(c[2].split('?')[1]).get('step'))).toEqual(['4']);
  });

  it('survives the browser refusing a write, and the next write catches up', async () => {
    const { win, url } = await freshStore('');
    win.history.replaceState.mockImplementationOnce(() => {
      throw new DOMException('Attempt to use history.replaceState() more than 100 times per 30 seconds', 'SecurityError');
    });
    url.writeParams({ text: 'a' }, 'replace');
    expect(() => vi.advanceTimersByTime(url.URL_WRITE_DELAY_MS + 1)).not.toThrow();
    expect(textOf(win.location.search)).toBe(null);
    url.writeParams({ text: 'ab' }, 'replace');
    vi.advanceTimersByTime(url.URL_WRITE_DELAY_MS + 1);
    expect(textOf(win.location.search)).toBe('ab');
  });

  it('keeps a long text whole in the page, and its end in the address, within the byte budget', async () => {
    const { win, url } = await freshStore('?lang=zh');
    // 2,000 CJK characters percent-encode to 18 kB, which the preview server refused with HTTP 431.
    const long = '國王對王后說'.repeat(333) + '他會去城裡';
    url.writeParams({ text: long }, 'replace');
    vi.advanceTimersByTime(url.URL_WRITE_DELAY_MS + 1);
    const address = win.location.pathname + win.location.search;
    expect(address.length).toBeLessThanOrEqual(ADDRESS_BUDGET_BYTES);
    expect(address.length).toBeGreaterThan(ADDRESS_BUDGET_BYTES - 40); // the room is used, not wasted
    const kept = textOf(win.location.search)!;
    expect(long.endsWith(kept)).toBe(true);
    expect(Number(new URLSearchParams(win.location.search).get('text.cut'))).toBe(long.length - kept.length);
    expect(new URLSearchParams(win.location.search).get('lang')).toBe('zh');
    expect(url.readParam('text')).toBe(long);
    expect(url.readParam('text.cut')).toBe(null);
    expect(url.linkCutFor(long)).toEqual({ kept, droppedChars: long.length - kept.length });
    expect(url.linkCutFor('short')).toBe(null);
  });

  it('brings the whole text back on a reload of the same tab, and only for the link it wrote', async () => {
    const tab = fakeStorage();
    const long = 'The king said to the queen that he would go. '.repeat(200);
    const first = await freshStore('?lang=en', tab);
    first.url.writeParams({ text: long }, 'replace');
    vi.advanceTimersByTime(first.url.URL_WRITE_DELAY_MS + 1);
    const written = first.win.location.search;
    expect(textOf(written)!.length).toBeLessThan(long.length);

    const reloaded = await freshStore(written, tab);
    expect(reloaded.url.readParam('text')).toBe(long);
    expect(reloaded.url.openedLinkCut()).toBe(null);

    // The same link in another tab (or a different long text's link in this one) holds only the end, and says so.
    const elsewhere = await freshStore(written);
    const kept = textOf(written)!;
    expect(elsewhere.url.readParam('text')).toBe(kept);
    expect(elsewhere.url.openedLinkCut()).toEqual({ kept, droppedChars: long.length - kept.length });
    const otherLink = new URLSearchParams(written);
    otherLink.set('text', 'a different ending');
    const other = await freshStore(`?${otherLink}`, tab);
    expect(other.url.readParam('text')).toBe('a different ending');
  });

  it('keeps what was typed just before a reload, which goes to the address the bar held before the pending write', async () => {
    const tab = fakeStorage();
    const first = await freshStore('?lang=en&text=The', tab);
    const asked = first.win.location.search; // what the reload asks for: the write below is still waiting
    first.url.writeParams({ text: 'The king said' }, 'replace');
    first.win.fire('pagehide');

    const reloaded = await freshStore(asked, tab, 'reload');
    expect(reloaded.url.readParam('text')).toBe('The king said');
    vi.advanceTimersByTime(1);
    expect(textOf(reloaded.win.location.search)).toBe('The king said'); // and the address bar catches up

    // Only the first load after leaving, and only a reload of that address: a later reload, a link or bookmark to the
    // same address, or another link, is its own.
    const again = await freshStore(asked, tab, 'reload');
    expect(again.url.readParam('text')).toBe('The');
    const leave = async () => {
      const page = await freshStore(asked, tab);
      page.url.writeParams({ text: 'The queen' }, 'replace');
      page.win.fire('pagehide');
    };
    await leave();
    expect((await freshStore(asked, tab)).url.readParam('text')).toBe('The');
    expect((await freshStore(asked, tab, 'reload')).url.readParam('text')).toBe('The'); // the link's load took it
    await leave();
    expect((await freshStore('?lang=en&text=A%20shared%20link', tab, 'reload')).url.readParam('text')).toBe('A shared link');
  });

  it('keeps what was typed for a reload even when the pending write lands between the reload’s request and the page going', async () => {
    const tab = fakeStorage();
    const page = await freshStore('?lang=en&text=The', tab);
    const asked = page.win.location.search;
    page.url.writeParams({ text: 'The king said' }, 'replace');
    page.win.fire('beforeunload');
    vi.advanceTimersByTime(page.url.URL_WRITE_DELAY_MS + 1);
    page.win.fire('pagehide');
    expect((await freshStore(asked, tab, 'reload')).url.readParam('text')).toBe('The king said');
  });

  it('forgets what was left for a reload when the page comes back from the browser’s page cache', async () => {
    const tab = fakeStorage();
    const page = await freshStore('?lang=en&text=The', tab);
    const asked = page.win.location.search;
    page.url.writeParams({ text: 'The king' }, 'replace');
    page.win.fire('pagehide');
    page.win.fire('pageshow', { persisted: true });
    expect((await freshStore(asked, tab, 'reload')).url.readParam('text')).toBe('The');
  });

  it('leaves nothing for a reload when no write was waiting', async () => {
    const tab = fakeStorage();
    const first = await freshStore('?lang=en&text=The', tab);
    first.url.writeParams({ text: 'The king' }, 'replace');
    vi.advanceTimersByTime(first.url.URL_WRITE_DELAY_MS + 1);
    first.win.fire('pagehide');
    expect(tab.getItem('inside-gpt:unwritten')).toBe(null);
  });

  it('gives the whole text back on Back and Forward, after a short text was pushed over it', async () => {
    const long = 'The king said to the queen that he would go. '.repeat(200);
    const { win, url } = await freshStore('?lang=en');
    url.writeParams({ text: long }, 'replace');
    vi.advanceTimersByTime(url.URL_WRITE_DELAY_MS + 1);
    const longAddress = win.location.search;
    url.writeParams({ text: 'The woman said that' }, 'push'); // the lab's "use that sentence"
    const shortAddress = win.location.search;
    win.location.search = longAddress; // Back
    win.fire('popstate');
    expect(url.readParam('text')).toBe(long);
    expect(url.readParam('text.cut')).toBe(null);
    expect(url.openedLinkCut()).toBe(null);
    win.location.search = shortAddress; // Forward
    win.fire('popstate');
    expect(url.readParam('text')).toBe('The woman said that');
    win.location.search = longAddress; // and Back again
    win.fire('popstate');
    expect(url.readParam('text')).toBe(long);
  });

  it('keeps a text Back needs while the reader types on at the end of another long one', async () => {
    const [first, second] = ['The first long text. '.repeat(400), 'The second long text. '.repeat(400)];
    const { win, url } = await freshStore('?lang=en');
    url.writeParams({ text: first }, 'push');
    const firstAddress = win.location.search;
    url.writeParams({ text: second }, 'push');
    // Twenty pauses while typing: each replaces the address with a new end of the text.
    let typed = second;
    for (let i = 0; i < 20; i++) {
      typed += ` word${i}`;
      url.writeParams({ text: typed }, 'replace');
      vi.advanceTimersByTime(url.URL_WRITE_DELAY_MS + 1);
    }
    expect(JSON.parse(win.sessionStorage.getItem('inside-gpt:text')!)).toHaveLength(2); // the first text and the typed one
    win.location.search = firstAddress;
    win.fire('popstate');
    expect(url.readParam('text')).toBe(first);
  });

  it('tells two kept texts with the same end apart by how much the address left out', async () => {
    const end = 'and the same ending. '.repeat(300);
    const [longer, shorter] = ['A much longer start. '.repeat(100) + end, 'Short start. '.repeat(20) + end];
    const { win, url } = await freshStore('?lang=en');
    url.writeParams({ text: longer }, 'push');
    const longerAddress = win.location.search;
    url.writeParams({ text: shorter }, 'push');
    const shorterAddress = win.location.search;
    expect(textOf(longerAddress)).toBe(textOf(shorterAddress));
    win.location.search = longerAddress;
    win.fire('popstate');
    expect(url.readParam('text')).toBe(longer);
    win.location.search = shorterAddress;
    win.fire('popstate');
    expect(url.readParam('text')).toBe(shorter);
  });

  it('says how much is missing when Back lands on a long text this tab does not keep', async () => {
    const { win, url } = await freshStore('?lang=en');
    win.location.search = '?lang=en&text=the+end+of+it&text.cut=500';
    win.fire('popstate');
    expect(url.readParam('text')).toBe('the end of it');
    expect(url.openedLinkCut()).toEqual({ kept: 'the end of it', droppedChars: 500 });
    win.location.search = '?lang=en&text=short';
    win.fire('popstate');
    expect(url.openedLinkCut()).toBe(null);
  });

  it('keeps the eight newest long texts for Back and Forward', async () => {
    const tab = fakeStorage();
    const { win, url } = await freshStore('?lang=en', tab);
    const longText = (i: number) => `Text number ${i}. `.repeat(400) + `The end ${i}.`;
    const addresses: string[] = [];
    for (let i = 0; i < 10; i++) {
      url.writeParams({ text: longText(i) }, 'push');
      addresses.push(win.location.search);
    }
    const back = (i: number) => {
      win.location.search = addresses[i];
      win.fire('popstate');
      return url.readParam('text');
    };
    expect(back(9)).toBe(longText(9));
    expect(back(2)).toBe(longText(2)); // the eighth newest
    expect(back(1)).not.toBe(longText(1)); // only its end: too old to keep
  });

  it('keeps at least the newest long text when the tab’s storage has room for no more', async () => {
    const [first, second] = ['The first long text. '.repeat(400), 'The second long text. '.repeat(400)];
    const tab = fakeStorage(2 * second.length); // the text and its end, not two texts
    const { win, url } = await freshStore('?lang=en', tab);
    url.writeParams({ text: first }, 'push');
    const firstAddress = win.location.search;
    url.writeParams({ text: second }, 'push');
    expect(JSON.parse(tab.getItem('inside-gpt:text')!)).toEqual([{ link: textOf(win.location.search), full: second }]);
    win.location.search = firstAddress;
    win.fire('popstate');
    expect(url.openedLinkCut()).toMatchObject({ kept: textOf(firstAddress) }); // said, not silently cut
  });

  it('never splits an emoji at the cut', () => {
    const text = '👨‍👩‍👧'.repeat(400);
    const kept = keepEnd(text, 1000);
    expect(text.endsWith(kept)).toBe(true);
    expect(kept.length % '👨‍👩‍👧'.length).toBe(0);
    expect(keepStart('a👑b', 5)).toBe('a');
  });

  it('counts bytes as the address writes them, and keeps the longest end that fits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.integer({ min: 0, max: 200 }), (text, room) => {
        expect(encodedBytes(text)).toBe(new URLSearchParams({ t: text }).toString().length - 2);
        const kept = keepEnd(text, room);
        expect(text.endsWith(kept)).toBe(true);
        expect(encodedBytes(kept)).toBeLessThanOrEqual(room);
        // The longest: one more character (a whole grapheme) would not fit.
        const before = [...graphemes.segment(text.slice(0, text.length - kept.length))].at(-1);
        if (before) expect(encodedBytes(before.segment + kept)).toBeGreaterThan(room);
      }),
      { numRuns: 300 },
    );
    // Every value but the text keeps its start, and a link with no text stays as it is.
    const params = new URLSearchParams({ 'lab.expr': 'king + '.repeat(200), lang: 'en' });
    const link = linkFor(params, 10);
    expect(link.cut).toBe(null);
    expect(new URLSearchParams(link.query).get('lab.expr')!.startsWith('king + king')).toBe(true);
    expect(link.query.length).toBeLessThan(700);
  });

  it('back/forward re-reads the address bar and drops a pending write of the old state', async () => {
    const { win, url } = await freshStore('?step=3');
    url.writeParams({ step: '4' }, 'replace');
    win.location.search = '?step=1';
    win.fire('popstate');
    vi.advanceTimersByTime(1000);
    expect(win.history.replaceState).not.toHaveBeenCalled();
    expect(win.location.search).toBe('?step=1');
  });
});

describe('the default language', () => {
  it('is the first of the reader’s languages that the app has', async () => {
    const { browserLang } = await import('../src/app/i18n');
    expect(browserLang(['en-US', 'zh-CN'])).toBe('en');
    expect(browserLang(['zh-TW', 'en'])).toBe('zh');
    expect(browserLang(['fr-FR', 'zh-CN', 'en'])).toBe('zh');
    expect(browserLang(['fr-FR'])).toBe('en');
    expect(browserLang([])).toBe('en');
  });
});
