import { describe, expect, inject, it } from 'vitest';
import { chapters, computeNote, PHONE, predictionRows, readerText, screenshot, scrollsSideways, settled, browserForTests } from './browser';

const chromium = browserForTests();

describe('app shell', () => {
  it('loads the model and predicts a next token for the text in the URL', async () => {
    const { page, errors, offOrigin } = await chromium.open('?lang=en&text=' + encodeURIComponent('The king said'));
    await expect.poll(() => predictionRows(page).count()).toBeGreaterThan(3);
    await screenshot(page, 'shell-desktop');
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });

  it('says how long this browser took for the pass, with the SIMD kernels', async () => {
    const { page, errors } = await chromium.openAsReader('?lang=en&text=' + encodeURIComponent('The king said'));
    const note = computeNote(page);
    // The page's first passes say that they also compiled the code; the passes after them do not.
    await expect
      .poll(() => note.textContent())
      .toMatch(
        /^Computed in this browser: 3 tokens through 4 layers in \d+\.\d\u00a0ms\. The first passes after the page loads also compile the code/,
      );
    // Chromium has WebAssembly SIMD; falling back to the scalar kernels here would be a silent slowdown.
    expect(await note.getAttribute('data-matrix-products')).toBe('simd');
    await readerText(page).fill('The king');
    await expect.poll(() => note.textContent()).toMatch(/^Computed in this browser: 2 tokens through 4 layers in /);
    await readerText(page).fill('The');
    await expect.poll(() => note.textContent()).toMatch(/^Computed in this browser: 1 token through 4 layers in \d+\.\d\u00a0ms\.$/);
    expect(errors).toEqual([]);
  });

  it('shows a friendly prompt for empty text', async () => {
    const { page } = await chromium.open('?lang=en&text=hello');
    await readerText(page).fill('');
    await expect.poll(() => page.getByText('Type some English').count()).toBeGreaterThan(0);
    // The text box is described by its messages, so a screen reader reads them with it.
    const described = await readerText(page).evaluate(
      (box) => document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(described).toContain('Type some English');
    // Clearing the text must not bring the default sentence back once the URL catches up.
    await expect.poll(() => new URL(page.url()).searchParams.get('text')).toBe('');
    await settled(page);
    expect(await readerText(page).inputValue()).toBe('');
    // The chapters stay readable; their figures wait for text.
    expect(await chapters(page).count()).toBe(10);
    expect(await page.getByText('This figure is computed from your text').count()).toBe(9);
  });

  it('takes typing while the model is still loading, and keeps it', async () => {
    const context = await chromium.browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/models/tiny/model.safetensors', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(inject('baseUrl') + '?lang=en&text=');
    const box = readerText(page);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Loading the model');
    await box.fill('The queen said');
    release();
    await page.waitForSelector('[data-model-ready]', { timeout: 30_000 });
    expect(await box.inputValue()).toBe('The queen said');
    await expect.poll(() => predictionRows(page).count()).toBeGreaterThan(3);
    await context.close();
  });

  it('explains a corrupt model file instead of crashing', async () => {
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    await page.route('**/models/tiny/model.safetensors', (route) => route.fulfill({ status: 200, body: Buffer.from([9, 9, 9]) }));
    await page.goto(inject('baseUrl') + '?lang=en');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/could not be loaded.*model\.safetensors: the file is only 3 bytes/);
    await context.close();
  });

  it('fits a phone without sideways scrolling', async () => {
    const { page } = await chromium.open('?lang=zh', { viewport: PHONE });
    await screenshot(page, 'shell-phone-zh');
    expect(await scrollsSideways(page)).toBe(false);
  });
});
