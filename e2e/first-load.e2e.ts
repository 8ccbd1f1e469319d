import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chapters, launch, openApp, PHONE, readerText, settled, showChapter } from './browser';

// The first load draws what is on screen; the rest, and GPT-2's 50,257-token vocabulary (r50k_base,
// half a megabyte) with chapter 3, only as it comes near the viewport.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Every script the page asked for so far, by file name. */
function scriptsRequested(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.endsWith('.js')) names.push(path.split('/').pop()!);
  });
  return names;
}

const r50k = (names: string[]) => names.filter((n) => n.startsWith('r50k_base'));
const ready = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('inside-gpt:ready').length > 0);

describe('the first load', () => {
  it("builds no script chunk over Vite's 500 kB warning limit", () => {
    const assets = join(inject('distDir'), 'assets');
    const chunks = readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => ({ name, kB: statSync(join(assets, name)).size / 1000 }));
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.filter((c) => c.kB > 500)).toEqual([]);
  });

  for (const [size, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`leaves GPT-2's vocabulary until chapter 3 comes near, and keeps to its own origin (${size})`, async () => {
      const { page, errors, offOrigin } = await openApp(browser, '?lang=en&text=The%20unbelievable%20king', { viewport, drawAll: false });
      const names = scriptsRequested(page);
      await ready(page);
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      expect(marks).toEqual(expect.arrayContaining(['inside-gpt:files', 'inside-gpt:weights', 'inside-gpt:tokenizer', 'inside-gpt:ready']));
      // Every chapter is there to link to and to list, but those far down wait, and chapter 3 with them.
      expect(await chapters(page).count()).toBe(10);
      expect(await page.getByTestId('chapter-generation').getAttribute('data-pending')).toBe('chapter-generation');
      expect(await page.getByTestId('chapter-tokens').getAttribute('data-pending')).toBe('chapter-tokens');
      // A request already under way when the listener came would be missing from `names`; once the network is
      // quiet it is in the page's own list of what it fetched.
      await page.waitForLoadState('networkidle');
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      expect(loaded.filter((url) => url.includes('r50k_base'))).toEqual([]);
      expect(r50k(names)).toEqual([]);
      // KaTeX, the output chapters and the lab come in chunks of their own, so the first load runs less script:
      // KaTeX is asked for as the page starts, the other two only once the page is ready.
      const chunkStarts = await page.evaluate(() => {
        const ready = performance.getEntriesByName('inside-gpt:ready')[0].startTime;
        const startOf = (prefix: string) =>
          performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.split('/').pop()!.startsWith(prefix))?.startTime;
        return { ready, katex: startOf('katex-'), output: startOf('output-'), lab: startOf('EmbeddingLab-') };
      });
      expect(chunkStarts.katex).toBeLessThan(chunkStarts.ready);
      expect(chunkStarts.output).toBeGreaterThanOrEqual(chunkStarts.ready);
      expect(chunkStarts.lab).toBeGreaterThanOrEqual(chunkStarts.ready);

      const tokens = await showChapter(page, 'tokens');
      await expect.poll(() => r50k(names).length).toBe(1);
      const gpt2 = tokens.getByTestId('gpt2-tokens');
      await expect.poll(() => gpt2.getByTestId('token-chip').count(), { timeout: 20_000 }).toBeGreaterThan(2);
      // GPT-2 splits "unbelievable" into pieces the tiny model's own vocabulary need not share; either way it is GPT-2's count.
      expect(await gpt2.textContent()).toContain('50,257');
      expect(offOrigin).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('jumps from the table of contents to a chapter not drawn yet, and it is drawn where the jump lands', async () => {
    const { page, errors } = await openApp(browser, '?lang=en', { drawAll: false });
    await ready(page);
    const target = page.getByTestId('chapter-softmax');
    expect(await target.getAttribute('data-pending')).toBe('chapter-softmax');
    const title = (await target.getByRole('heading', { level: 2 }).textContent())!;
    await page.getByRole('navigation', { name: 'Chapters' }).getByRole('link', { name: title, exact: true }).click();
    await expect.poll(() => target.getAttribute('data-pending')).toBe(null);
    expect(new URL(page.url()).hash).toBe('#chapter-softmax');
    // Its heading is on screen, near the top, after it and its neighbours have been drawn.
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    const top = (await target.boundingBox())!.y;
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(100);
    // The chapters above it, far from the jump, are still waiting.
    expect(await page.getByTestId('chapter-tokens').getAttribute('data-pending')).toBe('chapter-tokens');
    // It stays there once the output chapters' chunk has come and every figure near it has been drawn.
    await page.waitForLoadState('networkidle');
    await settled(page);
    expect(Math.abs((await target.boundingBox())!.y - top)).toBeLessThan(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets a reader on the keyboard Tab from the top of the page into every part of it, each drawn as focus comes next to it', async () => {
    const { page, errors } = await openApp(browser, '?lang=en', { drawAll: false });
    await ready(page);
    // Chapter 7's figure runs far below its last control, so Tab from there used to leave the page (focus on the
    // body, Tab 104 here) with chapter 8 and everything after still waiting to be drawn.
    const step = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        const where = !el || el === document.body ? 'body' : (el.closest('section[id]')?.id ?? el.tagName);
        return { where, waiting: document.querySelectorAll('[data-pending]').length };
      });
    const visited = new Set<string>();
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const { where, waiting } = await step();
      if (waiting === 0) break;
      expect(where, `Tab ${i + 1} left the page with ${waiting} parts still waiting`).not.toBe('body');
      visited.add(where);
    }
    expect(await page.locator('[data-pending]').count()).toBe(0);
    expect([...visited]).toEqual(expect.arrayContaining(['chapter-layers', 'chapter-unembedding', 'chapter-softmax']));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets focus moved elsewhere during the hold take the page there, as a screen reader’s move does', async () => {
    const { page, errors } = await openApp(browser, '?lang=en&text=The%20king%20said#chapter-attention', { drawAll: false });
    // As soon as the page is open, well inside the hold's 3 s (waiting for the chapter to be drawn first could take
    // a loaded machine that long), focus goes to the text box far above, with no wheel, touch, key or pointer event,
    // as a screen reader's move does; the browser scrolls it into view.
    const box = readerText(page);
    const heldWhenFocused = await box.evaluate((el) => {
      const held = document.documentElement.dataset.holdingJump === 'chapter-attention';
      (el as HTMLElement).focus();
      return held;
    });
    expect(heldWhenFocused).toBe(true);
    await expect.poll(async () => (await box.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.waitForLoadState('networkidle');
    await settled(page);
    const { y, height } = (await box.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y + height).toBeLessThanOrEqual(viewport.height);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const [size, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`opens a link to a chapter at that chapter, and leaves the reader's place alone after (${size})`, async () => {
      const { page, errors } = await openApp(browser, '?lang=en&text=The%20king%20said#chapter-attention', { viewport, drawAll: false });
      const target = page.getByTestId('chapter-attention');
      await expect.poll(() => target.getAttribute('data-pending')).toBe(null);
      await page.waitForLoadState('networkidle');
      await settled(page);
      const top = (await target.boundingBox())!.y;
      expect(top).toBeGreaterThanOrEqual(-1);
      expect(top).toBeLessThan(100);
      // Scrolling on and emptying the text box (which draws the chapters again) does not jump back to the link's chapter.
      await page.mouse.wheel(0, 1500);
      await expect.poll(async () => (await target.boundingBox())!.y).toBeLessThan(top - 1000);
      const scrolled = await page.evaluate(() => window.scrollY);
      // (Set as React hears it, without the focus that would scroll the text box into view.)
      await page.evaluate(() => {
        const box = document.getElementById('reader-text') as HTMLTextAreaElement;
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, '');
        box.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await expect.poll(() => page.getByText('This figure is computed from your text').count()).toBeGreaterThan(0);
      await settled(page);
      expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(400);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  for (const [size, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`opens a link shared from a stage of the stepper at the stepper, on that stage, and a link without one at the top (${size})`, async () => {
      const text = encodeURIComponent('The queen said that');
      const { page, errors } = await openApp(browser, `?lang=en&text=${text}&step=12`, { viewport, drawAll: false });
      const stepper = page.getByTestId('stepper');
      await expect.poll(() => stepper.getByTestId('stage-of').textContent()).toMatch(/^Stage 13 of \d+$/);
      await page.waitForLoadState('networkidle');
      await settled(page);
      expect(Math.abs((await stepper.boundingBox())!.y)).toBeLessThan(1);
      // A reload leaves the place to the browser, which keeps the reader's own: here, back at the top.
      await page.mouse.wheel(0, -100_000);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
      await page.reload();
      await ready(page);
      await settled(page);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const plain = await openApp(browser, `?lang=en&text=${text}`, { viewport, drawAll: false });
      await ready(plain.page);
      await settled(plain.page);
      expect(await plain.page.evaluate(() => window.scrollY)).toBe(0);
      expect([...errors, ...plain.errors]).toEqual([]);
      await page.context().close();
      await plain.page.context().close();
    });
  }

  it('jumps from the table of contents to chapter 3, just below the stepper, and it lands at the top with a text of emoji and Chinese', async () => {
    const text = encodeURIComponent('I love 🍕 and 北京 😀');
    const { page, errors } = await openApp(browser, `?lang=zh&text=${text}`, { drawAll: false });
    await ready(page);
    const target = page.getByTestId('chapter-tokens');
    await page.locator('nav.toc a[href="#chapter-tokens"]').click();
    await expect.poll(() => target.getAttribute('data-pending')).toBe(null);
    await page.waitForLoadState('networkidle');
    await settled(page);
    expect(Math.abs((await target.boundingBox())!.y)).toBeLessThan(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const [size, viewport, touch] of [
    ['desktop', undefined, false],
    ['phone', PHONE, true],
  ] as const) {
    it(`takes a chapter's "step through this part" button to the top of the stepper, scrolling smoothly past parts not drawn yet (${size})`, async () => {
      const { page, errors } = await openApp(browser, '?lang=en', { drawAll: false, viewport, touch, reducedMotion: 'no-preference' });
      await ready(page);
      const link = page.locator('nav.toc a[href="#chapter-layers"]');
      await (touch ? link.tap() : link.click());
      const chapter = page.getByTestId('chapter-layers');
      await expect.poll(() => chapter.getAttribute('data-pending')).toBe(null);
      const button = chapter.getByRole('button', { name: /Step through this part/ });
      await (touch ? button.tap() : button.click());
      const stepper = page.locator('#stepper');
      await expect.poll(async () => Math.abs((await stepper.boundingBox())?.y ?? Infinity)).toBeLessThan(1);
      await page.waitForLoadState('networkidle');
      await settled(page);
      expect(Math.abs((await stepper.boundingBox())!.y)).toBeLessThan(1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('stepper');
      // A click on the button needs no ring round the stepper; Enter on it from the keyboard gets the keyboard's ring.
      const ring = () => stepper.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(await ring()).toBe('none');
      if (!touch) {
        await button.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('stepper');
        expect(await ring()).toBe('solid');
        expect(await stepper.evaluate((el) => getComputedStyle(el).outlineColor)).toBe('rgb(47, 95, 179)');
        // The next Tab reaches the way back, which takes focus and the page back to the button the jump came from.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('stepper-back');
        await page.keyboard.press('Enter');
      } else {
        await page.getByTestId('stepper-back').tap();
      }
      const inView = () =>
        button.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        });
      await expect.poll(inView).toBe(true);
      if (!touch) expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
      // Once back, the stepper offers no way back until the next jump.
      expect(await page.getByTestId('stepper-back').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
