import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

// Screenshots of each part of the app at desktop and phone sizes, in both languages, for a person to look at.
// Usage: npx tsx scripts/screenshots.ts [outDir] [selector ...]
const root = resolve(import.meta.dirname, '..');
const outDir = resolve(process.argv[2] ?? 'test-results/screens');
const selectors = process.argv.slice(3);
mkdirSync(outDir, { recursive: true });
const dist = resolve(outDir, 'dist');
await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
const server = await preview({ root, logLevel: 'warn', build: { outDir: dist }, preview: { port: 0, host: '127.0.0.1' } });
const base = server.resolvedUrls!.local[0];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const targets = selectors.length
  ? selectors
  : [
      '.top-panel',
      '#chapter-gpt',
      '#chapter-flow',
      '#stepper',
      '#chapter-tokens',
      '#chapter-embedding',
      '#chapter-attention',
      '#chapter-mlp',
      '#chapter-layers',
      '#chapter-unembedding',
      '#chapter-softmax',
      '#chapter-generation',
      '.deeper',
    ];
for (const [size, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  for (const lang of ['en', 'zh']) {
    const page = await browser.newPage({ viewport });
    await page.goto(`${base}?lang=${lang}`);
    await page.waitForSelector('[data-model-ready]');
    await page.waitForTimeout(500);
    for (const sel of targets) {
      const el = page.locator(sel).first();
      if ((await el.count()) === 0) continue;
      await el.scrollIntoViewIfNeeded();
      await el.screenshot({ path: resolve(outDir, `${size}-${lang}-${sel.replace(/[^a-z0-9]+/gi, '')}.png`) });
    }
    await page.goto(`${base}?lang=${lang}&view=lab`);
    await page.waitForSelector('[data-model-ready]');
    await page.waitForTimeout(800);
    await page.screenshot({ path: resolve(outDir, `${size}-${lang}-lab.png`), fullPage: false });
    await page.close();
  }
}
await browser.close();
server.httpServer.close();
console.log(`screenshots in ${outDir}`);
