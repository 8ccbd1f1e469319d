import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chapters, nameOf, PHONE, readerText, screenshotOf, browserForTests, showChapter } from './browser';
import { modelFromFiles, type LoadedModel } from '../src/core/bundle';
import { DEFAULT_SETTINGS, sampleToken, tokenRng } from '../src/core/sampling';
import { lastLogits } from '../src/core/trace';
import { runText } from '../src/app/model/runText';
import { END_OF_TEXT } from '../src/core/tokenizer/index.ts';

// "<|endoftext|>" as the issue found it: in the address, typed into the text box, and drawn by the
// model during generation. None of them may take the page down, and the text must survive a reload.

const chromium = browserForTests();

const readText = (page: Page) => readerText(page).inputValue();

/** The page is up: the text box, all ten chapters, and chapter 3's two tokenizations. */
async function expectPageWhole(page: Page, text: string) {
  await expect.poll(() => readText(page)).toBe(text);
  expect(await chapters(page).count()).toBe(10);
  await showChapter(page, 'tokens');
  const gpt2 = page.getByTestId('gpt2-tokens');
  await gpt2.scrollIntoViewIfNeeded();
  await expect.poll(() => gpt2.getByTestId('token-chip').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  // Both tokenizers read the typed characters as characters, so GPT-2's special id 50256 never appears.
  expect(await gpt2.getByTestId('token-chip').evaluateAll((chips) => chips.some((c) => c.textContent?.includes('50256')))).toBe(false);
}

describe('the end-of-text token', () => {
  it('in the address: the page opens, and opens again on reload', async () => {
    const { page, errors } = await chromium.open('?lang=en&text=%3C%7Cendoftext%7C%3E');
    await expectPageWhole(page, '<|endoftext|>');
    await page.reload();
    await page.waitForSelector('[data-model-ready]');
    await expectPageWhole(page, '<|endoftext|>');
    expect(errors).toEqual([]);
  });

  it('typed into the text box: the page stays up, and the address keeps the text', async () => {
    const { page, errors } = await chromium.open('?lang=en&text=');
    await readerText(page).pressSequentially('The end.<|endoftext|>');
    await expectPageWhole(page, 'The end.<|endoftext|>');
    await expect.poll(() => new URL(page.url()).searchParams.get('text')).toBe('The end.<|endoftext|>');
    await page.reload();
    await page.waitForSelector('[data-model-ready]');
    await expectPageWhole(page, 'The end.<|endoftext|>');
    expect(errors).toEqual([]);
  });

  it('drawn by the model: the run stops on a visible marker, or leaves the token out and goes on', async () => {
    const text = 'He went home.';
    const seed = await seedThatEndsTheText(text);
    const { page, errors } = await chromium.open(`?lang=en&text=${encodeURIComponent(text)}&out.seed=${seed}`);
    const panel = page.getByRole('region', { name: nameOf('outGenerationTitle') });
    await panel.scrollIntoViewIfNeeded();
    await page.getByTestId('generate-one').click();
    await expect.poll(() => panel.getByTestId('end-of-text-marker').count()).toBe(1);
    expect(await panel.getByTestId('generation-ended').textContent()).toContain('the token that ends a text');
    await screenshotOf(panel, 'generation-end-of-text-desktop');
    expect(await readText(page)).toBe(text);
    await expectPageWhole(page, text);

    // Going on instead: the same seed draws the token, which is left out and replaced by another.
    await panel.scrollIntoViewIfNeeded();
    await page.getByTestId('generation-stop-at-end').uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('out.eot')).toBe('continue');
    await page.getByTestId('generate-one').click();
    await expect.poll(() => panel.getByTestId('generation-end-left-out').count()).toBe(1);
    expect(await panel.getByTestId('end-of-text-marker').count()).toBe(0);
    const longer = await readText(page);
    expect(longer.startsWith(text) && longer.length > text.length).toBe(true);
    expect(longer).not.toContain(END_OF_TEXT);
    await expectPageWhole(page, longer);
    expect(errors).toEqual([]);

    // In Chinese, on a phone: the same stop, said in Chinese.
    const zh = await chromium.open(`?lang=zh&text=${encodeURIComponent(text)}&out.seed=${seed}`, { viewport: PHONE });
    const zhPanel = zh.page.getByRole('region', { name: nameOf('outGenerationTitle') });
    await zhPanel.scrollIntoViewIfNeeded();
    await zh.page.getByTestId('generate-one').click();
    await expect.poll(() => zhPanel.getByTestId('generation-ended').count()).toBe(1);
    expect(await zhPanel.getByTestId('generation-ended').textContent()).toContain('表示文本结束的词元');
    await screenshotOf(zhPanel, 'generation-end-of-text-zh-phone');
    expect(zh.errors).toEqual([]);
  });
});

/**
 * A seed for which "Generate one" after `text` draws "<|endoftext|>", found with the app's own core on
 * the very files the test server serves. The seed 29 comes first; a retrained model may need
 * another one, and after a full stop the token gets about 1% of the mass, so a few thousand seeds hold one.
 */
async function seedThatEndsTheText(text: string): Promise<number> {
  const loaded = await servedModel();
  const endOfText = loaded.tokenizer.idOf(END_OF_TEXT);
  if (endOfText === undefined) throw new Error(`the served vocabulary has no ${END_OF_TEXT}`);
  const result = runText(loaded, text, { logitRows: 'last' });
  if (result.kind !== 'ok') throw new Error('no tokens');
  const logits = lastLogits(result.trace);
  const candidates = [29, ...Array.from({ length: 20_000 }, (_, i) => i)];
  const seed = candidates.find((s) => sampleToken(logits, DEFAULT_SETTINGS, tokenRng(s, result.ids.length)) === endOfText);
  if (seed === undefined) throw new Error(`no seed up to 20,000 draws ${END_OF_TEXT} after ${JSON.stringify(text)}`);
  return seed;
}

async function servedModel(): Promise<LoadedModel> {
  const base = new URL('models/tiny/', inject('baseUrl'));
  const get = async (name: string) => {
    const res = await fetch(new URL(name, base));
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
    return res;
  };
  const [config, weights, vocab, merges] = await Promise.all([
    get('config.json').then((r) => r.text()),
    get('model.safetensors').then((r) => r.arrayBuffer()),
    get('vocab.json').then((r) => r.text()),
    get('merges.txt').then((r) => r.text()),
  ]);
  return modelFromFiles({ config, safetensors: new Uint8Array(weights), vocab, merges });
}
