import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE, predictionRows, readerText, screenshotOf, browserForTests } from './browser';
import { ADDRESS_BUDGET_BYTES } from '../src/app/state/linkText';
import { getUi } from '../src/content/chapters';

// Texts too long for the page address, served by Vite's preview server (which refuses a request line
// of 16 kB with HTTP 431): the link keeps the end of the text within the byte budget and the page says
// so; a reload of the same tab brings the whole text back from the tab's storage.

const chromium = browserForTests();

const readText = (page: Page) => readerText(page).inputValue();
const linkText = (page: Page) => new URL(page.url()).searchParams.get('text');
const topPrediction = (page: Page) => predictionRows(page).first().textContent();

/** Paste `long`, check the address and the warning, reload this tab, then open the link elsewhere. */
async function pasteReloadAndShare(long: string, lang: 'en' | 'zh', name: string) {
  const { page, errors } = await chromium.openAsReader(`?lang=${lang}&text=hi`, { viewport: PHONE });
  await readerText(page).fill(long);
  await expect.poll(() => linkText(page), { timeout: 10_000 }).not.toBe('hi');
  const address = page.url();
  expect(address.length - new URL(address).origin.length).toBeLessThanOrEqual(ADDRESS_BUDGET_BYTES);
  const kept = linkText(page)!;
  expect(long.endsWith(kept) && kept.length < long.length).toBe(true);
  await expect.poll(() => page.getByTestId('link-cut').count()).toBe(1);
  await screenshotOf(page.getByTestId('text-input'), `link-cut-${name}-phone`);
  const prediction = await topPrediction(page);

  const response = await page.reload();
  expect(response?.status()).toBe(200);
  await page.waitForSelector('[data-model-ready]');
  expect(await readText(page)).toBe(long);
  expect(await page.getByTestId('opened-cut').count()).toBe(0);

  // Another tab has no storage of this one: the link alone gives the end of the text, and says so.
  const elsewhere = await chromium.openAsReader(address.slice(new URL(address).origin.length));
  expect(await readText(elsewhere.page)).toBe(kept);
  await expect.poll(() => elsewhere.page.getByTestId('opened-cut').count()).toBe(1);
  await screenshotOf(elsewhere.page.getByTestId('text-input'), `opened-cut-${name}-desktop`);
  expect([...errors, ...elsewhere.errors]).toEqual([]);
  return { page, kept, prediction, elsewhere: elsewhere.page };
}

describe('a text too long for the address', () => {
  it('long Chinese: the link keeps its end in budget, the tab keeps all of it', async () => {
    const long = '國王對王后說他會去城裡看看那裡的人們。'.repeat(106); // 2,014 characters, 18 kB encoded
    const { page } = await pasteReloadAndShare(long, 'zh', 'zh');
    // 128 tokens are about 43 of these characters, all within the end the link keeps.
    expect(await page.getByTestId('link-cut').textContent()).toContain('模型读取的内容都在这一部分里');
    expect(await page.getByTestId('link-cut').textContent()).toContain('当前标签页会保留完整的文字');
  });

  it('long English: the link keeps everything the model reads, so it predicts the same', async () => {
    const long = 'The king said to the queen that he would go to the old city and see the people who lived there. '.repeat(50); // about 4,900
    const { page, prediction, elsewhere } = await pasteReloadAndShare(long, 'en', 'en');
    expect(await page.getByTestId('link-cut').textContent()).toContain('That part holds everything the model reads');
    expect(await topPrediction(elsewhere)).toBe(prediction);

    // A history entry over the long text, then Back and Forward: the tab gives the whole text back each time.
    await page.getByRole('button', { name: getUi('en').switchLanguage }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('zh');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
    await expect.poll(() => readText(page)).toBe(long);
    await expect.poll(() => page.getByTestId('link-cut').count()).toBe(1);
    await page.goForward();
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('zh');
    await expect.poll(() => readText(page)).toBe(long);
    expect(await page.getByTestId('opened-cut').count()).toBe(0);
  });

  it('emoji: the cut never splits one', async () => {
    const family = '👨‍👩‍👧';
    const long = `${family} `.repeat(600);
    const { kept } = await pasteReloadAndShare(long, 'en', 'emoji');
    expect(kept.startsWith(family) || kept.startsWith(' ')).toBe(true);
  });
});
