import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chapterIds, getUi, type UiStrings } from '../src/content/chapters';
import { launchChromium } from '../scripts/lib/chromium';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function launch(): Promise<Browser> {
  // Debian's Chromium with the flags this machine needs, and no QUIC either: the tests check that the app
  // makes no request off its own origin.
  return launchChromium(['--disable-quic']);
}

/**
 * Chromium for the tests of one file (called at its top level) or one describe block (called inside it):
 * launched before the first test and closed after the last. Every browser context a test opens, through
 * `open`, through `browser.newContext()` or as a page's own, is closed when that test ends, so no tab
 * outlives its test; contexts opened in a `beforeAll` stay until the browser closes.
 */
export function browserForTests(): Chromium {
  let browser: Browser | undefined;
  let before = new Set<BrowserContext>();
  beforeAll(async () => {
    browser = await launch();
  });
  beforeEach(() => {
    before = new Set(browser?.contexts());
  });
  afterEach(async () => {
    await Promise.all((browser?.contexts() ?? []).filter((c) => !before.has(c)).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  const started = () => {
    if (!browser) throw new Error('browserForTests(): the browser starts in beforeAll; use it inside a test or a hook');
    return browser;
  };
  return {
    get browser() {
      return started();
    },
    open: (query, options) => openApp(started(), query, options),
    openAsReader: (query, options) => openApp(started(), query, { ...options, drawAll: false }),
  };
}

export interface Chromium {
  /** The running browser, for a context the test sets up itself. */
  readonly browser: Browser;
  /** `openApp` in this browser. */
  open(query?: string, options?: OpenOptions): Promise<OpenedPage>;
  /**
   * `openApp` with each part drawn as it comes near, as a reader finds the page (showChapter and showPart scroll to
   * one): quicker to open and to type into than a page with every chapter drawn.
   */
  openAsReader(query?: string, options?: Omit<OpenOptions, 'drawAll'>): Promise<OpenedPage>;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  locale?: string;
  reducedMotion?: 'reduce' | 'no-preference';
  touch?: boolean;
  /** Draw every part of the page at once (the default), instead of as it comes near the viewport. */
  drawAll?: boolean;
  /** Script run in the page before its own, e.g. to stand in for what a device reports. */
  initScript?: string;
  /** Where the built app is served, if not by the tests' preview server (which sends the cross-origin isolation headers). */
  baseUrl?: string;
}

/** A screen the tests run on: its name for titles and screenshots, how to open the app on it, and how a reader presses there. */
export interface Screen {
  readonly name: 'desktop' | 'phone';
  readonly options: OpenOptions;
  /** A click with the mouse on a desktop, a tap on a touch phone. */
  press(target: Locator): Promise<void>;
}

export const ON_DESKTOP: Screen = { name: 'desktop', options: {}, press: (target) => target.click() };
export const ON_PHONE: Screen = { name: 'phone', options: { viewport: PHONE, touch: true }, press: (target) => target.tap() };

/** The same tests on a desktop and on a touch phone: one describe block each, titled "<title> on a desktop" and "… on a phone". */
export function describeOnScreens(title: string, body: (screen: Screen) => void): void {
  for (const screen of [ON_DESKTOP, ON_PHONE]) describe(`${title} on a ${screen.name}`, () => body(screen));
}

export interface OpenedPage {
  page: Page;
  /** console errors and uncaught exceptions seen so far */
  errors: string[];
  /** requests that left the app's own origin */
  offOrigin: string[];
}

/** Open the app at `query` (e.g. "?lang=en&text=hi") and wait until the model has loaded. */
export async function openApp(browser: Browser, query = '', options: OpenOptions = {}): Promise<OpenedPage> {
  const baseUrl = options.baseUrl ?? inject('baseUrl');
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? 'en-US',
    reducedMotion: options.reducedMotion ?? 'reduce',
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
  });
  // Every part of the page drawn at once (src/app/explainer/NearViewport.tsx), unless the test is about drawing them as they come near.
  if (options.drawAll ?? true) await context.addInitScript('window.__insideGptDrawAll = true');
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const errors: string[] = [];
  const offOrigin: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) offOrigin.push(url);
  });
  await page.goto(new URL(query, baseUrl).toString());
  await page.waitForSelector('[data-model-ready]', { timeout: 30_000 });
  if (options.drawAll ?? true) await page.waitForFunction(() => document.querySelector('[data-pending]') === null);
  // Formulas draw when KaTeX's chunk arrives, and the text around them moves a little: a test that reads
  // a position from the page starts once they have.
  await page.waitForFunction(() => document.querySelector('[data-tex-pending]') === null);
  return { page, errors, offOrigin };
}

/** Open a model folder from disk through the model bar's folder picker. */
export async function openFolder(page: Page, dir: string): Promise<void> {
  await page.getByTestId('model-folder-input').setInputFiles(dir);
}

/**
 * A page opened at a link's target holds it at the top of the screen for a moment while the parts around it are
 * drawn (src/app/explainer/holdJump.ts), until the reader moves the page. A test about to scroll the page itself
 * moves it as a reader would first, so the hold does not pull the page back.
 */
async function endJumpHold(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (document.documentElement.dataset.holdingJump) window.dispatchEvent(new WheelEvent('wheel'));
  });
}

/** Scroll a chapter into view and wait until it is drawn, formulas and all. */
export async function showChapter(page: Page, id: string): Promise<Locator> {
  await endJumpHold(page);
  const chapter = page.getByTestId(`chapter-${id}`);
  // The chapters are drawn again when the text box goes from empty to filled, so the element found may be
  // replaced while Playwright scrolls to it: then the new one is scrolled to.
  for (let attempt = 1; ; attempt++) {
    try {
      await chapter.scrollIntoViewIfNeeded();
      break;
    } catch (e) {
      if (attempt === 3 || !String(e).includes('not attached to the DOM')) throw e;
    }
  }
  // Its formulas draw when KaTeX's chunk arrives, which on a page opened without drawAll may be only now,
  // and the text around them moves a little: a test that reads a position waits for them too.
  await page.waitForFunction(
    (id) =>
      document.querySelector(`[data-pending="chapter-${id}"]`) === null &&
      document.querySelector(`[data-testid="chapter-${id}"] [data-tex-pending]`) === null,
    id,
  );
  return chapter;
}

/**
 * Scroll to a part drawn when it comes near the viewport (`stepper` or `deeper`, src/app/explainer/NearViewport.tsx),
 * wait until it is drawn, formulas and all, and return it by its test id. On a page opened with drawAll it is drawn already.
 */
export async function showPart(page: Page, name: 'stepper' | 'deeper'): Promise<Locator> {
  await endJumpHold(page);
  // Through the page, not a locator: the placeholder may be replaced between finding it and scrolling to it.
  // Neither is there for a moment while the page changes model.
  await page.waitForFunction((name) => {
    const placeholder = document.querySelector(`[data-pending="${name}"]`);
    placeholder?.scrollIntoView({ block: 'center' });
    const part = document.querySelector(`[data-testid="${name}"]`);
    return !placeholder && part !== null && part.querySelector('[data-tex-pending]') === null;
  }, name);
  const part = page.getByTestId(name);
  await part.scrollIntoViewIfNeeded();
  return part;
}

/**
 * Draw every part of the page, one after another as a reader scrolling down would: the stepper, each chapter and
 * the deeper section. For a test that opened the page without drawAll and ends with a check of the whole page.
 */
export async function showEverything(page: Page): Promise<void> {
  await showPart(page, 'stepper');
  for (const id of chapterIds) await showChapter(page, id);
  await showPart(page, 'deeper');
}

/** Save a screenshot under test-results/ to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = resolve(import.meta.dirname, '../test-results');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Save a screenshot of one part of the page under test-results/, for a close look at it. */
export async function screenshotOf(part: Locator, name: string): Promise<string> {
  const dir = resolve(import.meta.dirname, '../test-results');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, `${name}.png`);
  await part.screenshot({ path });
  return path;
}

/** True when the page is wider than the viewport (sideways scrolling). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/**
 * Resolves once nothing on the page is animating and the browser has drawn two more frames, so
 * every layout, resize observer and render that a change set off has run. Wait on this, not on a sleep.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().length === 0);
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

const uiEn = getUi('en');
const uiZh = getUi('zh');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An accessible name in either language, whole: for locators shared by the English and the Chinese pages. */
export function nameOf(key: keyof UiStrings): RegExp {
  return new RegExp(`^(${escapeRegExp(uiEn[key])}|${escapeRegExp(uiZh[key])})$`);
}

/** The reader's text box. */
export const readerText = (page: Page): Locator => page.getByRole('textbox', { name: nameOf('inputLabel') });

/** The rows of the next-token prediction beside the text box. */
export const predictionRows = (page: Page): Locator =>
  page.getByRole('region', { name: nameOf('nextTokenPrediction') }).getByRole('listitem');

/** The note under the text box that says how long this browser took for the pass. */
export const computeNote = (page: Page): Locator => page.getByTestId('compute-note');

/** The ten chapters of the read-along view. */
export const chapters = (page: Page): Locator => page.getByTestId(/^chapter-[a-z-]+$/);

/** The body rows of a table: each starts with its row header (the header row has none). */
export const bodyRows = (table: Locator): Locator => table.getByRole('row').filter({ has: table.page().getByRole('rowheader') });

/** The rows of a table that hold data cells (the header row holds column headers only). */
export const dataRows = (table: Locator): Locator => table.getByRole('row').filter({ has: table.page().getByRole('cell') });
