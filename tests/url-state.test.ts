import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the browser's location and history, enough for src/app/state/url.ts.
function fakeWindow(initialSearch: string) {
  const location = { pathname: '/app/', search: initialSearch, hash: '' };
  const handlers: Record<string, (() => void)[]> = {};
  const move = (url: string) => {
    const u = new URL(url, 'http://localhost');
    location.search = u.search;
  };
  const history = {
    pushState: vi.fn((_s: unknown, _t: string, url: string) => move(url)),
    replaceState: vi.fn((_s: unknown, _t: string, url: string) => move(url)),
  };
  const addEventListener = (type: string, fn: () => void) => (handlers[type] ??= []).push(fn);
  const fire = (type: string) => handlers[type]?.forEach((fn) => fn());
  return { location, history, addEventListener, fire };
}

async function freshStore(search: string) {
  vi.resetModules();
  const win = fakeWindow(search);
  vi.stubGlobal('window', win);
  const url = await import('../src/app/state/url');
  return { win, url };
}

const textOf = (search: string) => new URLSearchParams(search).get('text');

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

  it('pushes a history entry at once, carrying any pending change with it', async () => {
    const { win, url } = await freshStore('');
    url.writeParams({ text: 'The queen' }, 'replace');
    url.writeParams({ view: 'lab' }, 'push');
    expect(win.history.pushState).toHaveBeenCalledTimes(1);
    expect(textOf(win.location.search)).toBe('The queen');
    vi.advanceTimersByTime(1000);
    expect(win.history.replaceState).not.toHaveBeenCalled();
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

  it('cuts a huge text in the address bar only, without splitting an emoji', async () => {
    const { win, url } = await freshStore('');
    const long = 'a'.repeat(url.MAX_URL_VALUE_LENGTH - 1) + '😀' + 'b'.repeat(500);
    url.writeParams({ text: long }, 'replace');
    vi.advanceTimersByTime(url.URL_WRITE_DELAY_MS + 1);
    expect(textOf(win.location.search)).toBe('a'.repeat(url.MAX_URL_VALUE_LENGTH - 1));
    expect(url.capForUrl('abc', 2)).toBe('ab');
    expect(url.capForUrl('abc', 5)).toBe('abc');
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
