import { build, preview } from 'vite';
import type { Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chapterIds } from '../src/content/chapters';
import { launchChromium } from './lib/chromium';

// Screenshots of each part of the app at desktop and phone sizes, in both languages, for a person to look at.
//
//   npx tsx scripts/screenshots.ts [outDir] [selector ...]
//
// It builds the app into outDir/dist, serves it, and writes outDir/{desktop,phone}-{en,zh}-NAME.png: the text box and
// prediction (top), every chapter of src/content/chapters.ts in reading order, the stepper, the deeper section, and the
// whole lab page. outDir defaults to test-results/screens; selectors, if given, replace the list of parts. Chromium is
// /usr/bin/chromium (CHROMIUM_PATH overrides it). Motion is reduced so every figure is caught at rest.
//
// Every picture is checked before it is kept: a part (or a chapter's figure) drawn in fewer than MIN_COLOURS colours is
// reported as blank and the script exits with 1. The page skips the rendering of chapters out of view
// (content-visibility: auto, src/app/styles.css), and an element screenshot could catch a chapter before its first paint;
// so the capture turns the skipping off, scrolls each part into view, and waits until the network is quiet and two
// frames have been drawn.
const MIN_COLOURS = 8;
const root = resolve(import.meta.dirname, '..');
const outDir = resolve(process.argv[2] ?? 'test-results/screens');
const chosen = process.argv.slice(3);
mkdirSync(outDir, { recursive: true });
const dist = resolve(outDir, 'dist');

/** A part of the page to photograph: a file name and where it is. */
interface Part {
  name: string;
  selector: string;
}
const parts: Part[] = chosen.length
  ? chosen.map((selector) => ({ name: selector.replace(/[^a-z0-9]+/gi, ''), selector }))
  : [
      { name: 'top', selector: '.top-panel' },
      ...chapterIds.map((id) => ({ name: `chapter-${id}`, selector: `[data-testid="chapter-${id}"]` })),
      { name: 'stepper', selector: '[data-testid="stepper"]' },
      { name: 'deeper', selector: '[data-testid="deeper"]' },
    ];

await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
const server = await preview({ root, logLevel: 'warn', build: { outDir: dist }, preview: { port: 0, host: '127.0.0.1' } });
const base = server.resolvedUrls!.local[0];
const browser = await launchChromium();
// A blank page of its own decodes the pictures, so the check never disturbs the app being photographed.
const checker = await browser.newPage();
checker.setDefaultTimeout(600_000);
const blank: string[] = [];
let written = 0;

for (const [size, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  for (const lang of ['en', 'zh']) {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    // Waits are on conditions, never on time, so a generous bound costs nothing on a quiet machine and lets a busy one finish.
    context.setDefaultTimeout(600_000);
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error(`${size} ${lang}: ${err}`));
    const settle = networkQuiet(page);
    await page.goto(`${base}?lang=${lang}`);
    await page.waitForSelector('[data-model-ready]', { state: 'attached' });
    await page.addStyleTag({ content: '.chapter { content-visibility: visible !important; }' });
    for (const part of parts) {
      const el = page.locator(part.selector).first();
      if ((await el.count()) === 0) {
        console.warn(`${size} ${lang}: nothing matches ${part.selector}`);
        continue;
      }
      await el.scrollIntoViewIfNeeded();
      await settle();
      const figure = el.locator('.chapter-figure').first();
      const regions = [await el.boundingBox()];
      if ((await figure.count()) > 0) regions.push(await figure.boundingBox());
      const png = await el.screenshot({ animations: 'disabled' });
      await keep(png, `${size}-${lang}-${part.name}`, regions);
    }
    await page.goto(`${base}?lang=${lang}&view=lab`);
    await page.waitForSelector('[data-lab-ready]', { state: 'attached' });
    await settle();
    await keep(await page.screenshot({ fullPage: true, animations: 'disabled' }), `${size}-${lang}-lab`, []);
    await context.close();
  }
}
await browser.close();
server.httpServer.close();
console.log(`${written} screenshots in ${outDir}`);
if (blank.length) {
  console.error(`blank: ${blank.join(', ')}`);
  process.exitCode = 1;
}

/**
 * Returns a wait for the page to be at rest: no request in flight (a figure may fetch what it needs as it comes into
 * view) and two animation frames drawn since, so React has committed and the browser has painted.
 */
function networkQuiet(page: Page): () => Promise<void> {
  let inFlight = 0;
  page.on('request', () => inFlight++);
  page.on('requestfinished', () => inFlight--);
  page.on('requestfailed', () => inFlight--);
  return async () => {
    do {
      await page.waitForFunction(() => document.fonts.status === 'loaded');
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    } while (inFlight > 0);
  };
}

/** Writes the picture, first checking that it and each region in it (page coordinates of the first box) hold a drawing. */
async function keep(png: Buffer, name: string, regions: ({ x: number; y: number; width: number; height: number } | null)[]) {
  const origin = regions[0];
  const boxes = regions.slice(1).flatMap((r) => (r && origin ? [{ x: r.x - origin.x, y: r.y - origin.y, w: r.width, h: r.height }] : []));
  const counts = await colourCounts(checker, png, boxes);
  const empty = counts.map((n, i) => (n < MIN_COLOURS ? (i === 0 ? 'the whole picture' : 'its figure') : null)).filter(Boolean);
  if (empty.length) blank.push(`${name} (${empty.join(', ')})`);
  writeFileSync(resolve(outDir, `${name}.png`), png);
  written++;
}

/** How many distinct colours the picture has, and each box in it (CSS pixels, at scale 1). */
async function colourCounts(on: Page, png: Buffer, boxes: { x: number; y: number; w: number; h: number }[]): Promise<number[]> {
  return on.evaluate(
    async ({ src, boxes }) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = new OffscreenCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      // Anonymous callbacks only: tsx names declared functions with a helper that the page does not have.
      return [{ x: 0, y: 0, w: img.width, h: img.height }, ...boxes].map(({ x, y, w, h }) => {
        const [x0, y0] = [Math.max(0, Math.floor(x)), Math.max(0, Math.floor(y))];
        const [x1, y1] = [Math.min(img.width, Math.ceil(x + w)), Math.min(img.height, Math.ceil(y + h))];
        if (x1 <= x0 || y1 <= y0) return 0;
        const data = ctx.getImageData(x0, y0, x1 - x0, y1 - y0).data;
        const seen = new Set<number>();
        for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        return seen.size;
      });
    },
    { src: `data:image/png;base64,${png.toString('base64')}`, boxes },
  );
}
