import { build } from 'vite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { serveStatic } from '../lib/staticServer';
import { launchChromium } from '../lib/chromium';

// What one keystroke in the text box and one step of the stepper cost the page's main thread.
//
//   npm run bench:interaction [-- ROUNDS]
//
// It builds the app into a temporary folder, serves it, and opens it in headless Chromium at desktop size with
// every part of the page drawn (as a reader has after scrolling through it all), for a reader who asked for less
// motion, as the browser tests do (with motion, each action starts animations that run for up to a second, and
// there is no moment at which its cost has ended). Then, ROUNDS times (default 3):
// it types " and then the king said" into the text box one character at a time, and steps the stepper through
// every stage with the → key. Each action is timed on its own: the page's main-thread work (Chromium's task,
// script, style and layout time) from the key press until the page has been idle for a while (at least 400 ms, so
// the address written 300 ms after a keystroke is in it), and how many
// nodes and attributes of the page changed. No locator runs while an action is timed, since Playwright's own
// queries run on the same thread. It prints the median per action of each kind. The numbers depend on what
// else the machine is doing: report the load average (`uptime`) with them.
const rounds = Number(process.argv[2] ?? 3);
if (!(Number.isInteger(rounds) && rounds >= 1)) {
  console.error(`usage: npm run bench:interaction [-- ROUNDS], ROUNDS a whole number from 1, not ${process.argv[2]}`);
  process.exit(2);
}
const TYPED = ' and then the king said';
const root = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'inside-gpt-interaction-'));

interface Cost {
  task: number;
  script: number;
  style: number;
  layout: number;
  changes: number;
}

// Counted in the page: every node added or removed and every attribute or text set since the last reset.
const COUNT_CHANGES = `
  window.__changes = 0;
  new MutationObserver((records) => {
    for (const r of records) window.__changes += r.type === 'childList' ? r.addedNodes.length + r.removedNodes.length : 1;
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
`;

async function mainThread(cdp: CDPSession): Promise<Omit<Cost, 'changes'>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const ms = (name: string) => 1000 * (metrics.find((m) => m.name === name)?.value ?? NaN);
  return { task: ms('TaskDuration'), script: ms('ScriptDuration'), style: ms('RecalcStyleDuration'), layout: ms('LayoutDuration') };
}

/** At least 400 ms, and until no long task has run for 150 ms: the page has finished reacting. */
const SETTLE = `new Promise((done) => {
  const start = performance.now();
  let last = start;
  const observer = new PerformanceObserver((list) => (last = Math.max(last, ...list.getEntries().map((e) => e.startTime + e.duration))));
  observer.observe({ type: 'longtask' });
  const wait = () => {
    const now = performance.now();
    if (now - start < 400 || now - last <= 150) return setTimeout(wait, 50);
    observer.disconnect();
    done();
  };
  requestAnimationFrame(() => requestAnimationFrame(wait));
})`;

async function timed(page: Page, cdp: CDPSession, act: () => Promise<void>): Promise<Cost> {
  await page.evaluate('window.__changes = 0');
  const before = await mainThread(cdp);
  await act();
  await page.evaluate(SETTLE);
  const after = await mainThread(cdp);
  const changes = Number(await page.evaluate('window.__changes'));
  return {
    task: after.task - before.task,
    script: after.script - before.script,
    style: after.style - before.style,
    layout: after.layout - before.layout,
    changes,
  };
}

function medians(costs: Cost[]): Cost {
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const keys = ['task', 'script', 'style', 'layout', 'changes'] as const;
  return Object.fromEntries(keys.map((k) => [k, median(costs.map((c) => c[k]))])) as unknown as Cost;
}

function format(label: string, count: number, c: Cost): string {
  return (
    `${label} (median of ${count}): main thread ${c.task.toFixed(1)} ms (script ${c.script.toFixed(1)}, style ` +
    `${c.style.toFixed(1)}, layout ${c.layout.toFixed(1)}), ${Math.round(c.changes)} changes to the page`
  );
}

let browser: Browser | null = null;
let server: Server | null = null;
try {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const served = await serveStatic(outDir, { readHeadersFile: true });
  server = served.server;
  const { url } = served;
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  await context.addInitScript('window.__insideGptDrawAll = true');
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(String(err)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${url}?lang=en`);
  await page.waitForSelector('[data-model-ready]', { timeout: 120_000 });
  await page.waitForFunction(() => document.querySelector('[data-pending]') === null);
  await page.evaluate(COUNT_CHANGES);
  await page.evaluate(SETTLE);
  const typing: Cost[] = [];
  const stepping: Cost[] = [];
  for (let round = 0; round < rounds; round++) {
    await page.locator('#reader-text').fill('The king said that');
    await page.locator('#reader-text').press('End');
    await page.evaluate(SETTLE);
    for (const ch of TYPED) typing.push(await timed(page, cdp, () => page.keyboard.type(ch)));
    // The stepper's keys act while focus is inside it; Home goes back to its first stage.
    await page.getByTestId('stepper').getByTestId('play').focus();
    await page.keyboard.press('Home');
    await page.evaluate(SETTLE);
    const stages = Number(await page.getByTestId('stepper').getByRole('slider').getAttribute('max'));
    for (let s = 1; s < stages; s++) stepping.push(await timed(page, cdp, () => page.keyboard.press('ArrowRight')));
  }
  console.log(`Chromium ${browser.version()}, desktop 1280×900, every part drawn, reduced motion`);
  console.log(format('a keystroke', typing.length, medians(typing)));
  console.log(format('a step', stepping.length, medians(stepping)));
} finally {
  await browser?.close();
  if (server) await new Promise<void>((done) => server!.close(() => done()));
  rmSync(outDir, { recursive: true, force: true });
}
