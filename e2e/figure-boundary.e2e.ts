import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chapters, computeNote, PHONE, predictionRows, readerText, screenshotOf, browserForTests } from './browser';

// Every figure, lab panel and output panel, the stepper and the prediction sit behind their own error
// boundary. The test-only switch window.__insideGptCrash (src/app/crashTest.ts) makes one of them
// throw while drawing; the rest of the page must keep working and the reader's text must stay.

const chromium = browserForTests();

const READ_VIEW = [
  'prediction',
  'gpt',
  'flow',
  'stepper',
  'tokens',
  'embedding',
  'attention',
  'mlp',
  'layers',
  'unembedding',
  'softmax',
  'generation',
  'lens',
  'ablation',
  'parameters',
  'read',
];
const LAB_VIEW = [
  'prediction',
  'lab-arithmetic',
  'lab-picture',
  'lab-injection',
  'lab-direction',
  'lab-dot-product',
  'lab-word-dot',
  'lab-scale',
  'lab',
];

const failed = (page: Page) => page.getByTestId('figure-failed');
const askToCrash = (page: Page, id: string | null) =>
  page.evaluate((which) => {
    if (which === null) delete window.__insideGptCrash;
    else window.__insideGptCrash = which;
  }, id);

/** The errors the crash test itself causes: the thrown error, as React and the boundary report it. */
const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('threw on purpose') && !/The above error occurred/.test(e));

/**
 * Make each figure in turn throw, by arming the switch and typing (every figure redraws on a new text):
 * only that figure shows the message, and the text box keeps every character. The next text lets the
 * figure before try again, now unarmed, so it comes back by itself.
 */
async function crashEachInTurn(page: Page, ids: readonly string[], stillThere: (id: string) => Promise<void>) {
  const box = readerText(page);
  for (const [i, id] of ids.entries()) {
    await askToCrash(page, id);
    const text = `The king said to the queen ${i}`;
    await box.fill(text);
    await expect
      .poll(() => failed(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-figure'))), { message: id })
      .toEqual([id]);
    expect(await failed(page).getByRole('button', { name: 'Reset this figure' }).count()).toBe(1);
    expect(await box.inputValue()).toBe(text);
    await expect.poll(() => new URL(page.url()).searchParams.get('text')).toBe(text);
    await stillThere(id);
  }
  await askToCrash(page, null);
  await box.fill('The king said to the queen');
  await expect.poll(() => failed(page).count()).toBe(0);
}

describe('a figure that throws', () => {
  it('in the read-along view: only that figure shows a message, and the rest works on', async () => {
    // A link cannot arm the switch: only script running in the page can.
    const { page, errors } = await chromium.open('?lang=en&text=hello&__insideGptCrash=tokens&throw=tokens');
    expect(await failed(page).count()).toBe(0);
    expect(errors).toEqual([]);

    await crashEachInTurn(page, READ_VIEW, async (id) => {
      if (id !== 'read') expect(await chapters(page).count()).toBe(10);
      if (id !== 'prediction') expect(await predictionRows(page).count()).toBeGreaterThan(0);
      if (id !== 'tokens' && id !== 'read')
        await expect.poll(() => page.getByTestId('gpt2-tokens').getByTestId('token-chip').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    });
    // Everything came back: the last text's figures are drawn again.
    expect(await chapters(page).count()).toBe(10);
    expect(await page.getByTestId('generate-one').isEnabled()).toBe(true);
    expect(unexpected(errors)).toEqual([]);
  });

  it('in the lab: only that panel shows a message, and the rest works on', async () => {
    const { page, errors } = await chromium.open('?lang=en&view=lab&text=hello');
    await crashEachInTurn(page, LAB_VIEW, async (id) => {
      if (id !== 'lab' && id !== 'lab-arithmetic')
        expect(await page.getByRole('textbox', { name: 'Expression', exact: true }).inputValue()).toBe('king - man + woman');
      if (id !== 'prediction') expect(await predictionRows(page).count()).toBeGreaterThan(0);
    });
    expect(await page.getByRole('textbox', { name: 'Expression', exact: true }).inputValue()).toBe('king - man + woman');
    expect(unexpected(errors)).toEqual([]);
  });

  it('comes back with the reset button, or by itself when the text changes', async () => {
    const { page } = await chromium.open('?lang=en&text=The');
    const note = computeNote(page);
    await askToCrash(page, 'attention');
    await readerText(page).fill('The king');
    // Once the pass over the new text is drawn, nothing redraws the figure until the reader acts.
    await expect.poll(() => note.textContent()).toMatch(/ 2 tokens /);
    await expect.poll(() => failed(page).count()).toBe(1);
    await askToCrash(page, null);
    await failed(page).getByRole('button', { name: 'Reset this figure' }).click();
    await expect.poll(() => failed(page).count()).toBe(0);
    expect(
      await page
        .getByTestId('chapter-attention')
        .getByRole('img', { name: /^Head \d+$/ })
        .count(),
    ).toBeGreaterThan(0);

    await askToCrash(page, 'attention');
    await readerText(page).fill('The king said');
    await expect.poll(() => failed(page).count()).toBe(1);
    await askToCrash(page, null);
    await readerText(page).fill('The king said to');
    await expect.poll(() => failed(page).count()).toBe(0);
  });

  it('outside every figure: the page keeps the header and the reader’s text, ready to copy, and tries again', async () => {
    const text = 'A sentence I would hate to type twice 國王 👑';
    const context = await chromium.browser.newContext({ reducedMotion: 'reduce', viewport: PHONE });
    const page = await context.newPage();
    await page.addInitScript(() => (window.__insideGptCrash = 'page'));
    await page.goto(`${inject('baseUrl')}?lang=en&text=${encodeURIComponent(text)}`);
    await expect.poll(() => page.getByTestId('page-failed').count()).toBe(1);
    expect(await page.getByTestId('page-failed-text').inputValue()).toBe(text);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await screenshotOf(page.getByTestId('page-failed'), 'page-failed-en-phone');

    await askToCrash(page, null);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.waitForSelector('[data-model-ready]');
    expect(await readerText(page).inputValue()).toBe(text);
    expect(await chapters(page).count()).toBe(10);
    await context.close();
  });

  it('reads well at desktop and phone sizes, in both languages', async () => {
    for (const [lang, viewport, name] of [
      ['en', undefined, 'desktop'],
      ['en', PHONE, 'phone'],
      ['zh', PHONE, 'phone'],
    ] as const) {
      const { page } = await chromium.open(`?lang=${lang}&text=hello`, { viewport });
      await askToCrash(page, 'tokens');
      await readerText(page).fill('hello there');
      await expect.poll(() => failed(page).count()).toBe(1);
      await screenshotOf(page.getByTestId('chapter-tokens'), `figure-failed-${lang}-${name}`);
      await page.context().close();
    }
  });
});
