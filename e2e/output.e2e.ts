import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  bodyRows,
  computeNote,
  dataRows,
  nameOf,
  PHONE,
  readerText,
  screenshot,
  screenshotOf,
  scrollsSideways,
  settled,
  browserForTests,
  showChapter,
  showPart,
} from './browser';
import { buildStages } from '../src/viz/stages';
import { resolve } from 'node:path';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { forward } from '../src/core/gpt';
import { nextStep } from '../src/app/output/generation';

// The output figures (chapters 8-10 and the experiments): sampling controls that never rerun the
// model, generation that a shared link reproduces, ablation before/after, and phone layout.

const chromium = browserForTests();

const forwardCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('inside-gpt:forward').length);
// The text box, not the address bar: the URL is written a moment after the state changes.
const readText = (page: Page) => readerText(page).inputValue();
/** The tokens this run of the generation panel has added, as chips. */
const generatedChips = (page: Page) => page.getByTestId('generated-run').getByTestId('generated-chip');
const START = 'The king said to the queen that';

const shipped = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));

/** The first seed whose run from `text`, at temperature 0.8, re-spells a token within `steps` steps. */
function respellingSeed(text: string, steps: number): number {
  const { model, tokenizer } = shipped;
  const endOfText = { id: tokenizer.idOf('<|endoftext|>')!, stop: false };
  for (let seed = 1; seed <= 500; seed++) {
    let ids = tokenizer.encode(text);
    let pending = 0;
    for (let i = 0; i < steps; i++) {
      const trace = forward(model, ids, { logitRows: 'last' });
      const settings = { temperature: 0.8, topK: null, topP: null };
      const step = nextStep({ ids, trace, droppedTokens: 0 }, tokenizer, settings, seed, model.config.nPositions, pending, endOfText);
      if (step.kind === 'text' && step.respelled) return seed;
      if (step.kind !== 'text' && step.kind !== 'pending') break;
      ids = step.ids;
      pending = step.kind === 'pending' ? pending + 1 : 0;
    }
  }
  throw new Error('no seed in 1..500 re-spells a token');
}

describe('output figures', () => {
  it('moving the sampling sliders changes the chart without a new forward pass', async () => {
    const { page, errors } = await chromium.openAsReader(`?lang=en&text=${encodeURIComponent(START)}`);
    const figure = (await showChapter(page, 'softmax')).getByRole('region', { name: nameOf('outSoftmaxTitle') });
    await figure.scrollIntoViewIfNeeded();
    // The chapters around it are drawn too as they come near: count the passes once they have been.
    await settled(page);
    const before = await forwardCount(page);
    const probsShown = () => figure.locator('[data-prob]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-prob'))));
    const atT1 = await probsShown();

    await figure.getByRole('slider', { name: 'Temperature' }).fill('0.3');
    await expect.poll(async () => (await probsShown())[0]).toBeGreaterThan(atT1[0]);
    await figure.getByLabel('Top-k').last().fill('3');
    // Every row but the top 3 is marked, in words, as removed by top-k.
    await expect.poll(() => figure.getByRole('listitem').filter({ hasText: 'removed by top-k' }).count()).toBe(atT1.length - 3);
    await expect.poll(() => page.getByTestId('kept-count').textContent()).toContain('3 of');
    await figure.getByLabel('Top-p').last().fill('0.5');
    await figure.getByLabel('Temperature').last().fill('0');
    await expect.poll(() => figure.getByText('greedy decoding').count()).toBe(1);
    await expect.poll(async () => (await probsShown())[0]).toBe(1);

    await figure.getByLabel('Temperature').last().fill('-4');
    await expect.poll(() => figure.getByRole('status').textContent()).toContain('between 0 and 5');
    await figure.getByLabel('Top-k').last().fill('lots');
    await expect.poll(() => figure.getByRole('status').textContent()).toContain('not a number');

    expect(await forwardCount(page)).toBe(before);
    await screenshot(page, 'output-softmax-desktop');
    expect(errors).toEqual([]);
  });

  it('generates tokens into the text, and the shared settings reproduce them', async () => {
    // out.eot=continue: a run that drew the end-of-text token would stop short of the count (end-of-text.e2e.ts tests that).
    const query = `?lang=en&out.seed=1234&out.t=0.8&out.k=40&out.eot=continue&text=${encodeURIComponent(START)}`;
    const run = async () => {
      const { page, errors } = await chromium.openAsReader(query);
      await showChapter(page, 'generation');
      await page.getByTestId('generate-count').fill('5');
      await page.getByTestId('generate-n').click();
      await expect.poll(() => page.getByTestId('generate-n').isEnabled(), { timeout: 20_000 }).toBe(true);
      await expect.poll(() => generatedChips(page).count()).toBe(5);
      const text = await readText(page);
      return { page, errors, text };
    };
    const first = await run();
    expect(first.text?.startsWith(START)).toBe(true);
    expect(first.text!.length).toBeGreaterThan(START.length);
    expect(new URL(first.page.url()).searchParams.get('out.seed')).toBe('1234');
    // The run is one step back in the browser's history: Back brings the text before it back, Forward the run's text.
    // (The address follows the run's last tokens after a pause, as it follows typing: a reader's Back comes later.)
    await expect.poll(() => new URL(first.page.url()).searchParams.get('text')).toBe(first.text);
    await first.page.goBack();
    await expect.poll(() => readText(first.page)).toBe(START);
    await first.page.goForward();
    await expect.poll(() => readText(first.page)).toBe(first.text);
    const second = await run();
    expect(second.text).toBe(first.text);

    // Generate one more from the generated text: it continues, and Stop halts a longer run.
    await second.page.getByTestId('generate-one').click();
    await expect.poll(() => readText(second.page)).not.toBe(first.text);
    await second.page.getByTestId('generate-count').fill('60');
    await second.page.getByTestId('generate-n').click();
    await second.page.getByTestId('generate-stop').click();
    await expect.poll(() => second.page.getByTestId('generate-n').isEnabled()).toBe(true);
    expect(await generatedChips(second.page).count()).toBeLessThan(60);
    await screenshot(second.page, 'output-generation-desktop');
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it('writes every generated token into the text box, even the ones the tokenizer would split differently', async () => {
    // A seed with which the shipped model chooses tokens the text reads back as other tokens (" H" then
    // "isher", say), found here in Node with the panel's own step; such tokens used to wait outside the text box.
    const seed = respellingSeed(START, 20);
    const { page, errors } = await chromium.openAsReader(
      `?lang=en&out.seed=${seed}&out.t=0.8&out.eot=continue&text=${encodeURIComponent(START)}`,
    );
    await showChapter(page, 'generation');
    await page.getByTestId('generate-count').fill('24');
    await page.getByTestId('generate-n').click();
    await expect.poll(() => generatedChips(page).count(), { timeout: 60_000 }).toBe(24);
    await expect.poll(() => page.getByTestId('generate-n').isEnabled()).toBe(true);
    // The re-spelling this run is about did happen, and the page says so.
    expect(await page.getByTestId('generation-respelled').count()).toBe(1);
    // At most the bytes of one unfinished character may wait; everything else is text, in the address too.
    expect(await page.getByTestId('generation-pending').getByTestId('generated-chip').count()).toBeLessThanOrEqual(3);
    const text = await readText(page);
    expect(text.length).toBeGreaterThan(START.length + 24);
    await expect.poll(() => new URL(page.url()).searchParams.get('text')).toBe(text);
    // The panel shows the end of the sequence, with this run's tokens marked.
    expect(await page.getByTestId('sequence-tail').getByTestId('generated-chip').count()).toBeGreaterThan(20);
    expect(errors).toEqual([]);
  });

  it('keeps keyboard focus through a run: Generate hands it to Stop, and Stop hands it back', async () => {
    // Generate and Stop are each disabled while they have focus, which used to drop focus to the page.
    const { page, errors } = await chromium.openAsReader(`?lang=en&text=${encodeURIComponent(START)}`);
    await showChapter(page, 'generation');
    await page.getByTestId('generate-count').fill('64');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
    await page.getByTestId('generate-n').focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('generate-stop');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('generate-n').isEnabled()).toBe(true);
    await expect.poll(focused).toBe('generate-n');
    // A run that ends by itself hands focus back too.
    await page.getByTestId('generate-count').fill('2');
    await page.getByTestId('generate-n').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => generatedChips(page).count()).toBe(2);
    await expect.poll(focused).toBe('generate-n');
    // The run's tokens are read out as a whole once it is over.
    expect(await page.getByTestId('generated-run').getAttribute('role')).toBe('status');
    expect(await page.getByTestId('generated-run').getAttribute('aria-busy')).toBe('false');
    expect(errors).toEqual([]);
  });

  it('stops at the context length and says why', async () => {
    const long = Array.from({ length: 200 }, () => 'the').join(' ');
    const { page, errors } = await chromium.openAsReader(`?lang=en&text=${encodeURIComponent(long)}`);
    await showChapter(page, 'generation');
    await expect.poll(() => page.getByTestId('context-full').count()).toBe(1);
    // There is no room for another token, so the buttons are off and the text stays as it is.
    expect(await page.getByTestId('generate-one').isDisabled()).toBe(true);
    expect(await page.getByTestId('generate-n').isDisabled()).toBe(true);
    // And they look it: greyed out, where a button that works is drawn in full.
    const opacity = (testId: string) => page.getByTestId(testId).evaluate((b) => Number(getComputedStyle(b).opacity));
    for (const testId of ['generate-one', 'generate-n', 'generate-stop']) expect(await opacity(testId)).toBeLessThan(0.6);
    const languageSwitch = page.getByRole('button', { name: nameOf('switchLanguage') });
    expect(await languageSwitch.evaluate((b) => Number(getComputedStyle(b).opacity))).toBe(1);
    expect(await readText(page)).toBe(long);
    expect(errors).toEqual([]);
  });

  it('keeps what the reader types into the seed and count boxes, and says what a count must be', async () => {
    const { page, errors } = await chromium.openAsReader('?lang=en');
    await showChapter(page, 'generation');
    const seed = page.getByTestId('generation-seed');
    // The default seed is shown as the box's placeholder, so emptying the box key by key leaves it empty.
    expect(await seed.getAttribute('placeholder')).toBe('42');
    await seed.fill('12');
    await expect.poll(() => new URL(page.url()).searchParams.get('out.seed')).toBe('12');
    await seed.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    expect(await seed.inputValue()).toBe('');
    await expect.poll(() => new URL(page.url()).searchParams.has('out.seed')).toBe(false);
    await page.keyboard.type('7');
    expect(await seed.inputValue()).toBe('7');
    await expect.poll(() => new URL(page.url()).searchParams.get('out.seed')).toBe('7');
    expect(await seed.getAttribute('aria-invalid')).toBe('false');
    // A seed that is not a whole number is marked, and the box points at the message that says which seed is used.
    await seed.fill('abc');
    await expect.poll(() => seed.getAttribute('aria-invalid')).toBe('true');
    const seedMessage = await seed.evaluate((box) => document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent);
    expect(seedMessage).toContain('abc');
    await seed.fill('7');

    const count = page.getByTestId('generate-count');
    const generateN = page.getByTestId('generate-n');
    const message = page.getByText('Type a whole number of tokens, from 1 to 64.');
    for (const typed of ['3.7', '1e999', '0', '65', 'ten']) {
      await count.fill('5');
      await expect.poll(() => message.count()).toBe(0);
      await count.fill(typed);
      expect(await count.inputValue()).toBe(typed);
      await expect.poll(() => message.count()).toBe(1);
      expect(await count.getAttribute('aria-invalid')).toBe('true');
      expect(await generateN.isDisabled()).toBe(true);
    }
    // An emptied box is being retyped: Generate waits, with no message.
    await count.fill('');
    await expect.poll(() => message.count()).toBe(0);
    expect(await generateN.isDisabled()).toBe(true);
    // Spaces, leading zeros and a Chinese keyboard's full-width digits are the same count.
    for (const [typed, n] of [
      [' 007 ', 7],
      ['１０', 10],
    ] as const) {
      await count.fill(typed);
      await expect.poll(() => generateN.textContent()).toBe(`Generate ${n}`);
      expect(await message.count()).toBe(0);
    }
    expect(errors).toEqual([]);
  });

  it('the every-position view highlights the probability of the real next token', async () => {
    const { page, errors } = await chromium.openAsReader(`?lang=en&text=${encodeURIComponent(START)}`);
    // The page's own pass is counted once it is shown; let the figures settle so the count before the toggle is final.
    await expect.poll(() => computeNote(page).count()).toBe(1);
    await showChapter(page, 'unembedding');
    await page.getByTestId('every-position-toggle').waitFor();
    await settled(page);
    const before = await forwardCount(page);
    await page.getByTestId('every-position-toggle').click();
    const rows = dataRows(page.getByTestId('every-position'));
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    // Every position but the last has a real next token, and its probability is shown.
    expect(await page.getByTestId('every-position').getByTestId('actual-prob').count()).toBe((await rows.count()) - 1);
    // The all-positions pass runs because the toggle asked for it (React's StrictMode may run a
    // memo twice); switching the view off runs nothing.
    const afterToggle = await forwardCount(page);
    expect(afterToggle).toBeGreaterThan(before);
    await page.getByTestId('every-position-toggle').click();
    await expect.poll(() => page.getByTestId('every-position').count()).toBe(0);
    expect(await forwardCount(page)).toBe(afterToggle);
    expect(errors).toEqual([]);
  });

  it('ablation shows the prediction before and after, and the URL keeps the choice', async () => {
    const { page, errors } = await chromium.openAsReader(`?lang=en&text=${encodeURIComponent(START)}`);
    await showPart(page, 'deeper');
    await page.getByTestId('ablate-h0.0').click();
    await page.getByTestId('ablate-m1').click();
    await expect.poll(() => bodyRows(page.getByTestId('ablation-compare')).count()).toBeGreaterThan(3);
    await expect.poll(() => new URL(page.url()).searchParams.get('out.ablate')).toBe('h0.0,m1');
    // Layers and heads count from 1 on screen, as in the stepper.
    expect(await page.getByTestId('ablate-h0.0').innerText()).toBe('L1H1');
    expect(await page.getByTestId('ablate-m1').innerText()).toBe('MLP 2');
    // A screen reader hears "pressed" for a switch that is on; each switch's description says that means off.
    const description = (testId: string) =>
      page.getByTestId(testId).evaluate((b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent);
    for (const testId of ['ablate-h0.0', 'ablate-a0', 'ablate-m1']) expect(await description(testId)).toBe('Pressed means switched off.');
    const deltas = await page.getByTestId('ablation-compare').getByTestId('shift-delta').allTextContents();
    expect(deltas.some((d) => d !== '0.00')).toBe(true);
    await page.getByTestId('ablation-compare').scrollIntoViewIfNeeded();
    await screenshot(page, 'output-ablation-desktop');
    expect(errors).toEqual([]);
  });

  it('the logit lens and parameter counter read the loaded model', async () => {
    // The stepper's first stage inside the second block (layer 1, 0-based): it reads block 1's output.
    const step = buildStages(2).findIndex((s) => s.layer === 1);
    const { page, errors } = await chromium.openAsReader(`?lang=en&step=${step}&text=${encodeURIComponent(START)}`);
    const lens = (await showPart(page, 'deeper')).getByTestId('logit-lens');
    await expect.poll(() => bodyRows(lens).count()).toBeGreaterThan(1);
    // The row the stepper is at is marked as the current step, for a screen reader as well as by colour.
    const current = lens.locator('tr[aria-current="step"]');
    expect(await current.count()).toBe(1);
    expect(await current.getByRole('rowheader').textContent()).toBe('After block 1');
    // The stepper shows the same row of the lens in one line, with the same top guess as the table.
    const line = (await showPart(page, 'stepper')).getByTestId('stepper-lens');
    expect(await line.getByTestId('stepper-lens-where').textContent()).toBe('Reading the stream after layer 1, token 6 would predict:');
    const tableTop = await current.getByTestId('lens-token').first().textContent();
    expect(await line.getByTestId('lens-token').first().textContent()).toBe(tableTop);
    await page.getByTestId('params-model').selectOption('gpt2');
    await expect.poll(() => page.getByTestId('params-total').textContent()).toContain('124,439,808');
    await page.getByTestId('params-model').selectOption('gpt3');
    await expect.poll(() => page.getByTestId('params-total').textContent()).toContain('175,221,817,344');
    // The lesson's own tally, and what it leaves out, reconcile with the total.
    expect(await page.getByTestId('lesson-tally-total').textContent()).toBe('175,181,291,520');
    expect(await page.getByTestId('lesson-tally').textContent()).toContain('174,604,259,328');
    await page.getByTestId('params-model').selectOption('gpt3-tied');
    await expect.poll(() => page.getByTestId('params-total').textContent()).toContain('174,604,259,328');
    expect(errors).toEqual([]);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`fits a phone without sideways scrolling (${lang})`, async () => {
      // Every part drawn at once (the default): the check is of the whole page, with an ablation and the every-position view on.
      const { page, errors } = await chromium.open(`?lang=${lang}&out.ablate=h1.1&text=${encodeURIComponent(START)}`, {
        viewport: PHONE,
      });
      await page.getByTestId('every-position-toggle').click();
      await screenshot(page, `output-phone-${lang}`);
      expect(await scrollsSideways(page)).toBe(false);
      expect(errors).toEqual([]);
    });
  }

  it('keeps the ablation panel’s box titles inside their boxes, and its tokens whole, on a phone', async () => {
    // With L4H2 off, ␣herself is a row of the table on the default text.
    const { page, errors } = await chromium.openAsReader('?lang=en&out.ablate=h3.1', { viewport: PHONE });
    const panel = (await showPart(page, 'deeper')).getByRole('region', { name: nameOf('outAblationTitle') });
    const table = panel.getByTestId('ablation-compare');
    await expect.poll(() => bodyRows(table).count()).toBeGreaterThan(3);
    expect(await table.getByRole('rowheader').allInnerTexts()).toContain('␣herself');
    const cut = await table
      .locator('.token-chip')
      .evaluateAll((chips) => chips.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent));
    expect(cut).toEqual([]);
    const crossing = await panel.locator('fieldset').evaluateAll((sets) =>
      sets
        .filter((set) => {
          const legend = set.querySelector('legend')!.getBoundingClientRect();
          const borderBottom = set.getBoundingClientRect().top + parseFloat(getComputedStyle(set).borderTopWidth);
          return legend.top < borderBottom;
        })
        .map((set) => set.querySelector('legend')!.textContent),
    );
    expect(crossing).toEqual([]);
    await screenshotOf(panel, 'ablation-phone-en');
    expect(errors).toEqual([]);
  });

  it('keeps each of the logit lens’s headings on one line on a phone (zh)', async () => {
    // On this text the third and fourth columns' guesses are short, and "第 3 名" broke after its number.
    const { page, errors } = await chromium.openAsReader(`?lang=zh&text=${encodeURIComponent('The queen said that')}`, { viewport: PHONE });
    const lens = (await showPart(page, 'deeper')).getByTestId('logit-lens');
    const headingLines = await lens.locator('thead th').evaluateAll((ths) =>
      ths.map((th) => {
        const text = document.createRange();
        text.selectNodeContents(th);
        return new Set(Array.from(text.getClientRects(), (r) => Math.round(r.bottom))).size;
      }),
    );
    expect(headingLines).toEqual([1, 1, 1, 1, 1, 1]);
    expect(errors).toEqual([]);
  });
});
