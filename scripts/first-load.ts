import { build } from 'vite';
import { serveStatic } from './lib/staticServer';
import { launchChromium } from './lib/chromium';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The page's first load in headless Chromium, part by part, and which chunks it fetched.
//
//   npm run first-load [-- RUNS [QUERY]]
//
// It builds the app into a temporary folder, serves it as a plain static host would (scripts/lib/staticServer.ts), and opens it RUNS times (default 5), each in a fresh browser
// context (an empty HTTP cache) at desktop size, at `?QUERY` (default: none, the page's own starting text). For each
// load it prints, in ms from the start of navigation:
//   first paint       the browser's first paint
//   text box          the frame after the reader's text box is in the document
//   files             the model's four files fetched (mark in src/app/model/loadModel.ts)
//   weights           the safetensors read into the model's tensors
//   tokenizer         the tokenizer built from vocab.json and merges.txt
//   pass              when the first pass (tokenizing and forward) ran, and its length
//   ready             the first frame painted after the view with the model was committed (src/app/model/loadMarks.ts)
// then the medians, and every script and stylesheet fetched before `ready` and after the page had been scrolled to the
// bottom, with its size. Chromium is /usr/bin/chromium (CHROMIUM_PATH overrides it). The numbers depend on what else
// the machine is doing: report the load average (`uptime`) with them.
const runs = Number(process.argv[2] ?? 5);
const query = process.argv[3] ?? '';
const root = resolve(import.meta.dirname, '..');
const outDir = mkdtempSync(join(tmpdir(), 'inside-gpt-first-load-'));

const MARKS = ['files', 'weights', 'tokenizer', 'ready'] as const;
type Row = Record<'paint' | 'textBox' | (typeof MARKS)[number] | 'passStart' | 'passMs', number>;
interface Chunk {
  name: string;
  kB: number;
}

// The page's scripts are strings, not functions: tsx names every function it compiles through a helper
// (__name) that exists only in Node, and a function sent to the page would call it there.

/** Installed before the app's own script: the frame after the reader's text box first appears in the document. */
const WATCH_TEXT_BOX = `
  window.__textBox = NaN;
  const observer = new MutationObserver(() => {
    if (!document.getElementById('reader-text')) return;
    observer.disconnect();
    requestAnimationFrame(() => (window.__textBox = performance.now()));
  });
  observer.observe(document, { subtree: true, childList: true });
`;

const TIMES = `(() => {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  const pass = performance.getEntriesByName('inside-gpt:first-pass')[0];
  return {
    paint: at('first-paint'),
    textBox: window.__textBox,
    ${MARKS.map((m) => `${m}: at('inside-gpt:${m}')`).join(', ')},
    passStart: pass?.startTime ?? NaN,
    passMs: pass?.duration ?? NaN,
  };
})()`;

const RESOURCES = `performance
  .getEntriesByType('resource')
  .filter((e) => /\\.(js|css)$/.test(new URL(e.name).pathname))
  .map((e) => ({ name: new URL(e.name).pathname.split('/').pop(), kB: e.decodedBodySize / 1000 }))`;

// Then the whole page, half a screen at a time, so each part that waits to come into view has its turn.
const SCROLL_DOWN = `(async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
    window.scrollTo(0, y);
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }
})()`;

try {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const { server, url: base } = await serveStatic(outDir);
  const browser = await launchChromium();
  const rows: Row[] = [];
  let atReady: Chunk[] = [];
  let atBottom: Chunk[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error(`run ${i + 1}: ${err}`));
    await page.addInitScript(WATCH_TEXT_BOX);
    await page.goto(`${base}${query ? `?${query}` : ''}`, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(`performance.getEntriesByName('inside-gpt:ready').length > 0`, null, { timeout: 120_000 });
    const row = (await page.evaluate(TIMES)) as Row;
    rows.push(row);
    atReady = (await page.evaluate(RESOURCES)) as Chunk[];
    await page.evaluate(SCROLL_DOWN);
    await page.waitForLoadState('networkidle');
    atBottom = (await page.evaluate(RESOURCES)) as Chunk[];
    await context.close();
    console.log(`run ${i + 1}: ${format(row)}`);
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const med = Object.fromEntries(Object.keys(rows[0]).map((k) => [k, median(rows.map((r) => r[k as keyof Row]))])) as Row;
  console.log(`median: ${format(med)}`);
  const list = (chunks: Chunk[]) => chunks.map((c) => `  ${c.name.padEnd(36)} ${c.kB.toFixed(1).padStart(7)} kB`).join('\n');
  const total = (chunks: Chunk[]) => chunks.reduce((s, c) => s + c.kB, 0).toFixed(1);
  console.log(`scripts and styles fetched by ready (last run), ${total(atReady)} kB:\n${list(atReady)}`);
  const later = atBottom.filter((c) => !atReady.some((r) => r.name === c.name));
  console.log(`fetched later, while scrolling to the bottom, ${total(later)} kB:\n${list(later)}`);
  await browser.close();
  await new Promise<void>((done) => server.close(() => done()));
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

function format(r: Row): string {
  const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)}` : '–');
  return (
    `first paint ${ms(r.paint)}, text box ${ms(r.textBox)}, files ${ms(r.files)}, weights ${ms(r.weights)}, ` +
    `tokenizer ${ms(r.tokenizer)}, pass ${ms(r.passStart)} (+${ms(r.passMs)}), ready ${ms(r.ready)} ms`
  );
}
