import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  computeNote,
  PHONE,
  predictionRows,
  readerText,
  screenshot,
  scrollsSideways,
  settled,
  browserForTests,
  showChapter,
  showPart,
} from './browser';
import { buildStages } from '../src/viz/stages';
import { getUi } from '../src/content/chapters';
import { chapterIds } from '../src/content/chapters';
import { DEFAULT_TEXT } from '../src/app/state/text';

/** Jump the stepper as a shared link or the Back button would: through the URL and a popstate event. */
async function goToStep(page: Page, step: number) {
  await page.evaluate((index) => {
    const url = new URL(location.href);
    url.searchParams.set('step', String(index));
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  }, step);
}

const chromium = browserForTests();

const en = getUi('en');
const L = 4; // the bundled model's layers; the page's own "Stage i of n" label is checked against this
const stages = buildStages(L);
const N = stages.length;
const q = (params: Record<string, string>) => '?' + new URLSearchParams(params).toString();
const unminus = (s: string) => s.replace(/\u2212/g, '-');

/** The stepper's heading: a click on it puts focus inside the stepper without pressing anything. */
const stepperTitle = (page: Page) => page.getByTestId('stepper').getByRole('heading', { level: 2 });

/** Chapter 5's small map of head `h` (counted from 1, as its label counts). */
const headMap = (page: Page, h: number) => page.getByTestId('chapter-attention').getByRole('img', { name: `Head ${h}`, exact: true });

async function stageOf(page: Page): Promise<string> {
  return (await page.getByTestId('stage-of').textContent()) ?? '';
}

/** Move the mouse over cell (r, c) of the stepper's heatmap and return the readout's value. */
async function hoverCell(page: Page, r: number, c: number): Promise<string> {
  const hit = page.getByTestId('stage-heatmap').getByTestId('heatmap-cells');
  const box = (await hit.boundingBox())!;
  const cell = page.getByTestId('stage-heatmap').locator(`rect[data-r="${r}"][data-c="${c}"]`);
  const w = Number(await cell.getAttribute('width'));
  const h = Number(await cell.getAttribute('height'));
  await hit.scrollIntoViewIfNeeded();
  const box2 = (await hit.boundingBox())!;
  void box;
  await page.mouse.move(box2.x + c * w + w / 2, box2.y + r * h + h / 2);
  await expect.poll(() => page.getByTestId('cell-label').textContent()).toContain(`token ${r}`);
  return (await page.getByTestId('cell-value').textContent()) ?? '';
}

/** The formula with numbers as the reader sees it: KaTeX's visible half (its MathML half repeats the TeX source), found by KaTeX's own class. */
async function formulaText(page: Page): Promise<string> {
  return unminus((await page.getByTestId('formula-numbers').locator('.katex-html').textContent()) ?? '');
}

describe('explainer', () => {
  it('recomputes tokens and predictions as the reader types', async () => {
    const { page, errors, offOrigin } = await chromium.openAsReader(q({ lang: 'en', text: 'The king said', step: '0' }));
    const chips = (await showPart(page, 'stepper')).getByTestId('token-chip');
    await expect.poll(() => chips.count()).toBe(3);
    const before = await predictionRows(page).allTextContents();
    await readerText(page).fill('The old man walked slowly to the river and');
    await expect.poll(() => chips.count()).toBeGreaterThan(6);
    await expect.poll(() => predictionRows(page).allTextContents()).not.toEqual(before);
    await expect.poll(() => page.getByTestId('stepper').getByTestId('token-chip').first().getAttribute('aria-label')).toContain('The');
    await screenshot(page, 'explainer-desktop');
    // A reload straight after typing, before the address bar has caught up with the text, keeps what was typed.
    await readerText(page).fill('The old man walked slowly to the sea');
    await page.reload();
    await page.waitForSelector('[data-model-ready]');
    expect(await readerText(page).inputValue()).toBe('The old man walked slowly to the sea');
    await expect
      .poll(() => page.evaluate(() => new URLSearchParams(location.search).get('text')))
      .toBe('The old man walked slowly to the sea');
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });

  it('steps through every stage in order with the Next button and the → key, and Back undoes a step', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: 'The cat sat', step: '0' }));
    await showPart(page, 'stepper');
    const passes = () => page.evaluate(() => performance.getEntriesByName('inside-gpt:forward').length);
    const passesBefore = await passes();
    for (let i = 0; i < N; i++) {
      const s = stages[i];
      const name = s.layer === null ? en[s.label] : `Layer ${s.layer + 1} · ${en[s.label]}`;
      await expect.poll(() => stageOf(page)).toBe(`Stage ${i + 1} of ${N}`);
      expect(await page.getByTestId('stage-name').textContent()).toBe(name);
      if (i === N - 1) break;
      if (i % 2 === 0) await page.getByRole('button', { name: en.next, exact: true }).click();
      else {
        // The keys belong to the stepper once the reader has clicked into it (not to the whole page).
        await stepperTitle(page).click();
        await page.keyboard.press('ArrowRight');
      }
    }
    await expect(page.getByRole('button', { name: en.next, exact: true }).isDisabled()).resolves.toBe(true);
    // Stepping only reads the trace: the model ran for the text and never again.
    expect(await passes()).toBe(passesBefore);
    await page.goBack();
    await expect.poll(() => stageOf(page)).toBe(`Stage ${N - 1} of ${N}`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => stageOf(page)).toBe(`Stage ${N - 2} of ${N}`);
    expect(errors).toEqual([]);
  });

  it('makes the stepper’s token chips one Tab stop, moved along with the arrows, read out on focus and picked with Enter', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: 'The king said to the queen', step: '0' }));
    const chips = (await showPart(page, 'stepper')).getByTestId('token-chip');
    await expect.poll(() => chips.count()).toBe(6);
    // One Tab stop: the selected chip, the last token. The keyboard comes onto it from the control before the row.
    expect(await chips.evaluateAll((gs) => gs.map((g) => g.getAttribute('tabindex')))).toEqual(['-1', '-1', '-1', '-1', '-1', '0']);
    await chips.nth(5).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
    const chipName = async (i: number) => chips.nth(i).getAttribute('aria-label');
    expect(await focused()).toBe(await chipName(5));
    const label = page.getByTestId('cell-label');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe(await chipName(4));
    await expect.poll(() => label.textContent()).toContain('token 4');
    await page.keyboard.press('Home');
    expect(await focused()).toBe(await chipName(0));
    await expect.poll(() => label.textContent()).toContain('token 0');
    // The arrows moved focus, not the pass: still the first stage.
    expect(await stageOf(page)).toBe(`Stage 1 of ${N}`);
    // Tab leaves the row, and Shift+Tab comes back to the chip the keys left it on.
    await page.keyboard.press('Tab');
    expect(await chips.evaluateAll((gs) => gs.includes(document.activeElement as SVGGElement))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe(await chipName(0));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => chips.nth(1).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => chips.nth(1).getAttribute('tabindex')).toBe('0');
    // After a click on a chip the arrows are the stepper's again, as its hint says.
    await chips.nth(3).click();
    await expect.poll(() => chips.nth(3).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stageOf(page)).toBe(`Stage 2 of ${N}`);
    expect(errors).toEqual([]);
  });

  it('makes one history entry of a drag along the scrubber, so Back returns to where the drag began', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: 'The cat sat', step: '2' }));
    await showPart(page, 'stepper');
    const slider = page.getByRole('slider', { name: en.stage, exact: true });
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    const entries = () => page.evaluate(() => history.length);
    const before = await entries();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + (2.5 / N) * box.width, y);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + (i / 20) * box.width, y);
    await page.mouse.up();
    await expect.poll(() => stageOf(page)).toBe(`Stage ${N} of ${N}`);
    expect(await entries()).toBe(before + 1);
    await page.goBack();
    await expect.poll(() => stageOf(page)).toBe(`Stage 3 of ${N}`);
    expect(errors).toEqual([]);
  });

  it('shows the hovered cell’s value in the formula', async () => {
    const text = 'The king said to the queen';
    const picks: [string, number, number][] = [
      ['x0', 2, 5],
      ['ln1', 3, 17],
      ['k', 4, 2],
      ['weights', 4, 1],
      ['attnOut', 5, 9],
      ['gelu', 1, 40],
      ['resid2', 2, 3],
      ['lnF', 5, 0],
    ];
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text, step: '0' }));
    await showPart(page, 'stepper');
    for (const [kind, r, c] of picks) {
      const stage = stages.find((s) => s.kind === kind && (s.layer === null || s.layer === 1))!;
      await goToStep(page, stage.index);
      await expect.poll(() => stageOf(page)).toBe(`Stage ${stage.index + 1} of ${N}`);
      const value = unminus(await hoverCell(page, r, c));
      expect(value, kind).toMatch(/^-?\d+\.\d{4}$/);
      await expect.poll(() => formulaText(page)).toContain(value);
      expect((await formulaText(page)).trim().endsWith(value), kind).toBe(true);
    }
    await screenshot(page, 'explainer-formula');
    expect(errors).toEqual([]);
  });

  it('reads every head’s weights in chapter 5 by keyboard, and a row of them sums to 1', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: 'The king said to the queen' }));
    const figure = await showChapter(page, 'attention');
    const readout = figure.getByTestId('attention-readout');
    const map = headMap(page, 2);
    // A short text gets token labels on every small map.
    await expect.poll(() => map.getByTestId('row-label').count()).toBe(6);
    // Arriving by keyboard reads the selected token's row (the last, "␣queen") at once.
    await map.focus();
    await expect.poll(() => readout.textContent()).toMatch(/^Head 2: “␣queen” gives “The” weight \d\.\d{4}\.$/);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    expect(await readout.textContent()).toBe('Head 2: “The” may not look at the later “␣king”: weight 0.0000 (masked).');
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    // Row 3 ("␣to") looks at tokens 0..3; its weights are a softmax, so they add up to 1.
    let sum = 0;
    for (let c = 0; c <= 3; c++) {
      const text = (await readout.textContent()) ?? '';
      expect(text).toMatch(/^Head 2: “␣to” gives “.+” weight \d\.\d{4}\.$/);
      sum += Number(text.match(/weight (\d\.\d{4})/)![1]);
      await page.keyboard.press('ArrowRight');
    }
    expect(Math.abs(sum - 1)).toBeLessThan(3e-4);
    // Leaving the map lets go of the cell.
    await page.keyboard.press('Tab');
    await expect.poll(() => readout.textContent()).toBe(en.attentionCellHint);
    expect(errors).toEqual([]);
  });

  it('reads the tapped cell of a head map on a touch phone, and the tapped value of W_e', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: 'The king said to the queen' }), {
      viewport: PHONE,
      touch: true,
    });
    const figure = await showChapter(page, 'attention');
    const map = headMap(page, 2);
    await map.scrollIntoViewIfNeeded();
    await settled(page);
    const hit = map.getByTestId('heatmap-cells');
    const box = (await hit.boundingBox())!;
    // Row 3 ("␣to"), column 1 ("␣king") of a 6 × 6 map.
    await page.touchscreen.tap(box.x + (1.5 * box.width) / 6, box.y + (3.5 * box.height) / 6);
    await expect
      .poll(() => figure.getByTestId('attention-readout').textContent())
      .toMatch(/^Head 2: “␣to” gives “␣king” weight \d\.\d{4}\.$/);
    await showChapter(page, 'embedding');
    const we = page.getByTestId('we-matrix');
    await we.scrollIntoViewIfNeeded();
    await settled(page);
    const frame = (await we.getByTestId('matrix-frame').boundingBox())!;
    // The middle of column 0: the picture's 64 columns are a whole number of pixels each.
    await page.touchscreen.tap(frame.x + frame.width / 128, frame.y + 3);
    await expect.poll(() => we.getByTestId('matrix-readout').textContent()).toMatch(/^W_e\[\d+, 0\] = −?\d\.\d{4} {2}\(row of “.+”\)$/);
    // The stepper's own picture of W_e, where its keyboard hint is hidden on a touch screen but the readout is not.
    await goToStep(page, 1);
    await showPart(page, 'stepper');
    const stepperWe = page.getByTestId('stepper-we-matrix');
    await stepperWe.scrollIntoViewIfNeeded();
    await settled(page);
    const stepperFrame = (await stepperWe.getByTestId('matrix-frame').boundingBox())!;
    await page.touchscreen.tap(stepperFrame.x + stepperFrame.width / 128, stepperFrame.y + 3);
    await expect.poll(() => stepperWe.getByTestId('matrix-readout').textContent()).toMatch(/^W_e\[\d+, 0\] = /);
    expect(await stepperWe.getByTestId('matrix-readout').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('draws all of W_e at the token-embedding stage, ticking the row the selected token looks up', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', step: '1' }));
    const matrix = (await showPart(page, 'stepper')).getByTestId('stepper-we-matrix');
    await expect.poll(() => matrix.count()).toBe(1);
    // The formula looks the selected token up as W_e[id, c]; the tick names the same row.
    const id = (await formulaText(page)).match(/\[(\d+),/)![1];
    expect(await matrix.getByTestId('row-mark-label').textContent()).toBe(`${id}: ␣${DEFAULT_TEXT.split(' ').at(-1)}`);
    await goToStep(page, 2);
    await expect.poll(() => matrix.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('skips drawing chapters out of view, yet a jump to one far down stays where it lands', async () => {
    // Every chapter drawn at once (the default): this is about the chapters the browser skips while they are
    // out of view (content-visibility), and a longer text changing the height of every one of them.
    const { page, errors } = await chromium.open(q({ lang: 'en', text: 'The king said to the queen' }), {
      viewport: PHONE,
      touch: true,
    });
    const chapter = page.getByTestId('chapter-softmax');
    await expect.poll(() => chapter.evaluate((el) => getComputedStyle(el).contentVisibility)).toBe('auto');
    // A longer text changes every figure's height while most chapters are out of view.
    await readerText(page).fill(
      'the king said to the queen that he would go to the old city and see the people who lived there '.repeat(4),
    );
    // The figures follow the text a moment later: wait until the pass over the long text is the one shown.
    await expect.poll(async () => Number((await computeNote(page).textContent())?.match(/(\d+) tokens/)?.[1])).toBeGreaterThan(60);
    await settled(page);
    const map = headMap(page, 2);
    await map.scrollIntoViewIfNeeded();
    const landed = (await map.boundingBox())!.y;
    // Chapters drawn as they come into view must not push the map away from where the jump put it.
    await settled(page);
    expect((await map.boundingBox())!.y).toBe(landed);
    expect(errors).toEqual([]);
  });

  it('gives the figures their full width back after the window narrows and widens again', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', step: '1' }));
    await showPart(page, 'stepper');
    const heatmapWidth = async () => (await page.getByTestId('stage-heatmap').boundingBox())!.width;
    await expect.poll(heatmapWidth).toBeGreaterThan(700);
    const wide = await heatmapWidth();
    await page.setViewportSize({ width: 800, height: 900 });
    await expect.poll(heatmapWidth).toBeLessThan(wide - 200);
    await settled(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(heatmapWidth).toBe(wide);
    expect(errors).toEqual([]);
  });

  it('switches the language', async () => {
    const { page } = await chromium.openAsReader(q({ lang: 'en', text: 'The king' }));
    await showPart(page, 'stepper');
    await expect.poll(() => stepperTitle(page).textContent()).toBe(en.stepThrough);
    await page.getByRole('button', { name: en.switchLanguage }).click();
    const zh = getUi('zh');
    await expect.poll(() => stepperTitle(page).textContent()).toBe(zh.stepThrough);
    await expect.poll(() => page.getByTestId('chapter-tokens').getByRole('heading', { level: 2 }).textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(page.url()).toContain('lang=zh');
  });

  it('restores text, step, language and token from a shared link', async () => {
    const text = 'The queen said that the king';
    const { page, errors } = await chromium.openAsReader(q({ lang: 'zh', text, step: '20', tok: '2', head: '1' }));
    await showPart(page, 'stepper');
    const zh = getUi('zh');
    expect(await readerText(page).inputValue()).toBe(text);
    await expect.poll(() => stageOf(page)).toBe(zh.stageOf.replace('{i}', '21').replace('{n}', String(N)));
    expect(await page.getByTestId('token-select').inputValue()).toBe('2');
    expect(await page.getByTestId('app').getAttribute('lang')).toBe('zh-Hans');
    expect(await page.getByTestId('cell-label').textContent()).toContain('词元 2');
    expect(errors).toEqual([]);
  });

  it('jumps the stepper from the overview diagram and opens the lab', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: 'The king' }));
    // The stepper is drawn when the jump brings it near.
    await (await showChapter(page, 'flow')).getByTestId('flow-mlp').click();
    await expect.poll(() => page.getByTestId('stage-name').textContent()).toBe(`Layer 1 · ${en.stageLn2}`);
    // The page holds the stepper where the jump put it until the reader moves the page (holdJump.ts): the
    // reader scrolls on with the wheel, and chapter 4, with the lab's link, is drawn as it comes near.
    await page.mouse.wheel(0, 100);
    await (await showChapter(page, 'embedding')).getByTestId('open-lab').click();
    await expect.poll(() => page.url()).toContain('view=lab');
    await expect.poll(() => page.getByTestId('stepper').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('takes → held down through the whole pass, with animations on, without a React error', async () => {
    // Each step used to reset the hovered cell from an effect; 50 quick steps piled those renders
    // up into React's "maximum update depth" error.
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: 'The king said to the queen', step: '0' }), {
      reducedMotion: 'no-preference',
    });
    await showPart(page, 'stepper');
    await stepperTitle(page).click();
    for (let i = 0; i < N; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => stageOf(page)).toBe(`Stage ${N} of ${N}`);
    await settled(page);
    expect(errors).toEqual([]);
  });

  it('plays on space only while focus is in the stepper, so space still scrolls the page elsewhere', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: 'The cat sat', step: '0' }));
    const play = page.getByTestId('play');
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    // Scrolled to by the page's own script, which leaves the focus where the click put it.
    await showPart(page, 'stepper');
    await page.keyboard.press(' ');
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    await stepperTitle(page).click();
    await page.keyboard.press(' ');
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press(' ');
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
  });

  it('shows a byte token as its bytes, not as the replacement character', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: 'The 中 king', step: '0' }));
    const chips = (await showPart(page, 'stepper')).getByTestId('token-chip');
    await expect.poll(() => chips.count()).toBeGreaterThan(3);
    const labels = await chips.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(
      labels.some((l) => /⟨[0-9A-F]{2}⟩/.test(l)),
      labels.join(' | '),
    ).toBe(true);
    expect(
      labels.some((l) => l.includes('\uFFFD')),
      labels.join(' | '),
    ).toBe(false);
    expect(errors).toEqual([]);
  });

  it('shows GPT-2’s tokens for comparison, loaded from our own origin', async () => {
    const { page, offOrigin } = await chromium.openAsReader(q({ lang: 'en', text: 'The smartphone podcast' }));
    const gpt2 = (await showChapter(page, 'tokens')).getByTestId('gpt2-tokens');
    await gpt2.scrollIntoViewIfNeeded();
    await expect.poll(() => gpt2.getByTestId('token-chip').count(), { timeout: 15_000 }).toBeGreaterThan(2);
    expect(await gpt2.textContent()).toContain('50,257');
    expect(offOrigin).toEqual([]);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`fits a 390px phone without sideways scrolling in every chapter (${lang})`, async () => {
      // Every part drawn at once (the default): the first check is of the whole page, and the ones after
      // of every chapter in turn, and of the requests all of them make.
      const { page, errors, offOrigin } = await chromium.open(
        q({ lang, text: 'The king said to the queen that the old man', step: String(stages.find((s) => s.kind === 'fc')!.index) }),
        { viewport: PHONE },
      );
      expect(await scrollsSideways(page)).toBe(false);
      await page.getByTestId('stepper').scrollIntoViewIfNeeded();
      await screenshot(page, `explainer-phone-${lang}`);
      for (const id of chapterIds) {
        await page.getByTestId(`chapter-${id}`).scrollIntoViewIfNeeded();
        expect(await scrollsSideways(page), id).toBe(false);
      }
      for (const kind of ['tokens', 'weights', 'probs'] as const) {
        const stage = stages.find((s) => s.kind === kind)!;
        await goToStep(page, stage.index);
        await expect.poll(() => stageOf(page)).toContain(String(stage.index + 1));
        expect(await scrollsSideways(page), kind).toBe(false);
      }
      expect(errors).toEqual([]);
      expect(offOrigin).toEqual([]);
    });
  }
});
