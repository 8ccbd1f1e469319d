import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  bodyRows,
  DESKTOP,
  nameOf,
  PHONE,
  readerText,
  screenshotOf,
  scrollsSideways,
  settled,
  browserForTests,
  showChapter,
  showPart,
} from './browser';
import { buildStages, type StageKind } from '../src/viz/stages';
import { getUi } from '../src/content/chapters';
import { t } from '../src/app/i18n';

// What the reader needs on screen to follow what they see: the logit lens introduced where the stepper
// first shows it and labelled with the stream it reads, ⟨XX⟩ bytes explained, touch hints and readable
// attention maps on a phone, the temperature within reach of the generation panel, and the details a
// new reader's first look caught: what is wider than a phone says so, labels are big enough to read,
// names and formulas stay whole on their line, columns line up, ␣ looks the same in both languages,
// and a tap leaves no focus ring.

const chromium = browserForTests();

const L = 4; // the shipped model's layers
const stages = buildStages(L);
const stepOf = (kind: StageKind, layer: number | null = null) => stages.findIndex((s) => s.kind === kind && s.layer === layer);
const q = (params: Record<string, string>) => '?' + new URLSearchParams(params).toString();
const TEXT = 'The king said to the queen that';
const CHINESE = '你好 world';

/** Jump the stepper through the URL, as a shared link or the Back button would. */
async function goToStep(page: Page, step: number) {
  await page.evaluate((index) => {
    const url = new URL(location.href);
    url.searchParams.set('step', String(index));
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  }, step);
  await expect.poll(() => page.getByTestId('stage-of').textContent()).toMatch(new RegExp(`^\\D*${step + 1}\\D`));
}

async function lensChips(page: Page): Promise<string[]> {
  return page.getByTestId('stepper-lens').getByTestId('lens-token').allTextContents();
}

describe('the stepper’s logit lens', () => {
  for (const lang of ['en', 'zh'] as const) {
    const ui = getUi(lang);
    const sentence = (where: string) => t(ui, 'stepperLens', lang, { where, t: 6 });

    it(`is introduced where it appears and names the stream it reads at every stage (${lang})`, async () => {
      const { page, errors } = await chromium.openAsReader(q({ lang, text: TEXT, step: '0' }));
      await showPart(page, 'stepper');
      const lens = page.getByTestId('stepper-lens');
      const where = page.getByTestId('stepper-lens-where');
      // Before the embedding x0 exists there is no stream to read.
      await expect.poll(() => page.getByTestId('stage-name').textContent()).toBe(ui.stageTokens);
      expect(await lens.count()).toBe(0);
      await goToStep(page, stepOf('tokEmb'));
      expect(await lens.count()).toBe(0);
      await goToStep(page, stepOf('x0'));
      expect(await page.getByTestId('stepper-lens-intro').textContent()).toBe(ui.stepperLensIntro);
      expect(await where.textContent()).toBe(sentence(ui.stepperLensEmbedding));
      const atEmbedding = await lensChips(page);
      expect(atEmbedding).toHaveLength(3);
      // Layer 1 reads x0 until its attention is added in; its GELU comes after that, so the lens there
      // reads the stream after layer 1's attention, and never calls it the embedding.
      await goToStep(page, stepOf('q', 0));
      expect(await where.textContent()).toBe(sentence(ui.stepperLensEmbedding));
      expect(await lensChips(page)).toEqual(atEmbedding);
      await goToStep(page, stepOf('gelu', 0));
      const atGelu = sentence(t(ui, 'stepperLensAfterAttention', lang, { l: 1 }));
      expect(await where.textContent()).toBe(atGelu);
      expect(atGelu).not.toContain(ui.stepperLensEmbedding);
      expect(atGelu).not.toContain(ui.outLensEmbedding);
      const afterAttention = await lensChips(page);
      await goToStep(page, stepOf('resid1', 0));
      expect(await where.textContent()).toBe(atGelu);
      expect(await lensChips(page)).toEqual(afterAttention);
      // After the block, the stepper's line and the chapter's table read the same stream.
      await goToStep(page, stepOf('resid2', 0));
      expect(await where.textContent()).toBe(sentence(t(ui, 'stepperLensAfterLayer', lang, { l: 1 })));
      await showPart(page, 'deeper');
      const table = page.getByTestId('logit-lens');
      await bodyRows(table).nth(1).getByTestId('lens-token').first().waitFor();
      const tableRow = (await bodyRows(table).nth(1).getByTestId('lens-token').allTextContents()).slice(0, 3);
      expect(await lensChips(page)).toEqual(tableRow);
      await goToStep(page, stepOf('gelu', 2));
      expect(await where.textContent()).toBe(sentence(t(ui, 'stepperLensAfterAttention', lang, { l: 3 })));
      await goToStep(page, stepOf('probs'));
      expect(await where.textContent()).toBe(sentence(ui.stepperLensFinal));
      await screenshotOf(page.getByTestId('stepper'), `reader-aids-lens-${lang}`);
      expect(errors).toEqual([]);
    });
  }
});

describe('⟨XX⟩ bytes', () => {
  for (const lang of ['en', 'zh'] as const) {
    const ui = getUi(lang);
    it(`are explained wherever tokens of a Chinese text show them, and nowhere for English (${lang})`, async () => {
      const { page, errors } = await chromium.openAsReader(q({ lang, text: TEXT, step: String(stepOf('x0')) }));
      const stepper = await showPart(page, 'stepper');
      const tokens = await showChapter(page, 'tokens');
      await expect.poll(() => tokens.getByTestId('token-chip').count()).toBeGreaterThan(0);
      expect(await tokens.getByTestId('byte-note').count()).toBe(0);
      const attention = await showChapter(page, 'attention');
      expect(await attention.getByTestId('byte-note').count()).toBe(0);

      await readerText(page).fill(CHINESE);
      // 你 and 好 are three bytes each; our vocabulary has neither whole, so some tokens are bytes.
      await expect.poll(() => stepper.getByTestId('byte-note').textContent()).toBe(ui.byteNote);
      expect(await stepper.getByTestId('token-select').textContent()).toMatch(/⟨[0-9A-F]{2}⟩/);
      await expect.poll(() => tokens.getByTestId('byte-note').textContent()).toBe(ui.byteNote);
      expect(await attention.getByTestId('byte-note').textContent()).toBe(ui.byteNote);
      const deeper = await showPart(page, 'deeper');
      expect(
        await deeper
          .getByRole('region', { name: nameOf('outLensTitle') })
          .getByTestId('byte-note')
          .textContent(),
      ).toBe(ui.byteNote);
      await screenshotOf(stepper, `reader-aids-bytes-${lang}`);
      expect(errors).toEqual([]);
    });
  }
});

describe('hints and attention maps on a phone', () => {
  const hints = (page: Page) =>
    Promise.all([page.getByTestId('stepper-hint').textContent(), page.getByTestId('attention-readout').textContent()]);
  /** Draw the stepper and chapter 5, whose hints these are. */
  const showHints = async (page: Page) => {
    await showPart(page, 'stepper');
    await showChapter(page, 'attention');
  };

  for (const lang of ['en', 'zh'] as const) {
    const ui = getUi(lang);
    it(`say what a tap does, and each map is wide enough for its token labels (${lang})`, async () => {
      const { page, errors } = await chromium.openAsReader(q({ lang, text: TEXT }), { viewport: PHONE, touch: true });
      await showHints(page);
      expect(await hints(page)).toEqual([ui.stepperHintTouch, ui.attentionCellHintTouch]);
      for (const hint of await hints(page)) expect(hint).not.toMatch(/←|→|Tab/);
      const maps = page.getByTestId('attention-maps').getByRole('img');
      await maps.first().scrollIntoViewIfNeeded();
      await settled(page);
      // One map per row: the second sits under the first, at the same left edge.
      const [first, second] = [(await maps.nth(0).boundingBox())!, (await maps.nth(1).boundingBox())!];
      expect(second.x).toBeCloseTo(first.x, 0);
      expect(second.y).toBeGreaterThan(first.y + first.height);
      // Every row and column is labelled with its whole token, in type big enough to read.
      const rowLabels = maps.nth(1).getByTestId('row-label');
      expect(await rowLabels.allTextContents()).toEqual(['The', '␣king', '␣said', '␣to', '␣the', '␣queen', '␣that']);
      expect(await maps.nth(1).getByTestId('col-label').count()).toBe(7);
      const sizes = await rowLabels.evaluateAll((els) => els.map((el) => Number(el.getAttribute('font-size'))));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      // A tap reads a cell and names both of its tokens.
      const hit = (await maps.nth(1).getByTestId('heatmap-cells').boundingBox())!;
      await page.touchscreen.tap(hit.x + (1.5 * hit.width) / 7, hit.y + (3.5 * hit.height) / 7);
      await expect
        .poll(() => page.getByTestId('attention-readout').textContent())
        .toMatch(lang === 'en' ? /^Head 2: “␣to” gives “␣king” weight \d\.\d{4}\.$/ : /“␣to”.*“␣king”/);
      expect(await scrollsSideways(page)).toBe(false);
      await screenshotOf(page.getByRole('figure', { name: nameOf('attentionHeads') }), `reader-aids-attention-phone-${lang}`);
      expect(errors).toEqual([]);
    });
  }

  it('drop the keyboard on a narrow window without touch, and keep it on a desktop', async () => {
    const en = getUi('en');
    const narrow = await chromium.openAsReader(q({ lang: 'en', text: TEXT }), { viewport: PHONE });
    await showHints(narrow.page);
    expect(await hints(narrow.page)).toEqual([en.stepperHintTouch, en.attentionCellHintTouch]);
    const desktop = await chromium.openAsReader(q({ lang: 'en', text: TEXT }), { viewport: DESKTOP });
    await showHints(desktop.page);
    expect(await hints(desktop.page)).toEqual([en.stepperHint, en.attentionCellHint]);
    // Two maps side by side on a desktop.
    const maps = desktop.page.getByTestId('attention-maps').getByRole('img');
    const [first, second] = [(await maps.nth(0).boundingBox())!, (await maps.nth(1).boundingBox())!];
    expect(second.y).toBeCloseTo(first.y, 0);
    expect(second.x).toBeGreaterThan(first.x + first.width);
    expect([...narrow.errors, ...desktop.errors]).toEqual([]);
  });

  it('a text too long for labels on a phone is read by tapping a cell', async () => {
    const en = getUi('en');
    const long = 'the king said to the queen that he would go to the old city and see the people who lived there '.repeat(2);
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: long }), { viewport: PHONE, touch: true });
    await showChapter(page, 'attention');
    const map = page.getByTestId('attention-maps').getByRole('img').nth(0);
    await map.scrollIntoViewIfNeeded();
    await expect.poll(() => map.getByTestId('row-label').count()).toBe(0);
    expect(await page.getByTestId('attention-readout').textContent()).toBe(en.attentionCellHintTouch);
    const hit = (await map.getByTestId('heatmap-cells').boundingBox())!;
    const T = Number(await map.locator('rect[data-r]').last().getAttribute('data-r')) + 1;
    await page.touchscreen.tap(hit.x + (0.5 * hit.width) / T, hit.y + (2.5 * hit.height) / T);
    await expect
      .poll(() => page.getByTestId('attention-readout').textContent())
      .toMatch(/^Head 1: “␣said” gives “the” weight \d\.\d{4}\.$/);
    expect(errors).toEqual([]);
  });
});

describe('long tokens’ row labels on the attention maps', () => {
  const LONG_WORDS = 'The government administration announced that international organizations were responsible';
  for (const [screen, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`are cut at their end, inside the map, and keep their ␣ (${screen})`, async () => {
      const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: LONG_WORDS }), { viewport, touch: screen === 'phone' });
      await showChapter(page, 'attention');
      const map = page.getByTestId('attention-maps').getByRole('img').nth(0);
      await map.scrollIntoViewIfNeeded();
      await settled(page);
      const labels = await map.evaluate((svg) => {
        const left = svg.getBoundingClientRect().left;
        return [...svg.querySelectorAll('[data-testid="row-label"]')].map((el) => ({
          text: el.textContent ?? '',
          inside: el.getBoundingClientRect().left >= left - 0.5,
        }));
      });
      const columns = await map.getByTestId('col-label').allTextContents();
      expect(labels.length).toBeGreaterThan(8);
      expect(labels.filter((l) => l.text.endsWith('…')).length).toBeGreaterThan(0); // the text has tokens too long for the room
      for (const [i, label] of labels.entries()) {
        expect(label.inside, `row label “${label.text}” starts left of its map`).toBe(true);
        expect([...label.text][0]).toBe([...columns[i]][0]); // a cut label keeps its first character, ␣ included
      }
      await screenshotOf(map, `reader-aids-long-row-labels-${screen}`);
      expect(errors).toEqual([]);
    });
  }
});

describe('the generation panel’s temperature', () => {
  for (const lang of ['en', 'zh'] as const) {
    const ui = getUi(lang);
    it(`is chapter 9’s setting, shown and set in the panel itself (${lang})`, async () => {
      const { page, errors } = await chromium.openAsReader(q({ lang, text: TEXT, 'out.seed': '7', 'out.eot': 'continue' }));
      // The stepper's token picker tells when the figures have caught up with the text box (below).
      await showPart(page, 'stepper');
      await showChapter(page, 'softmax');
      await showChapter(page, 'generation');
      const panel = page.getByRole('region', { name: nameOf('outGenerationTitle') });
      const softmax = page.getByRole('region', { name: nameOf('outSoftmaxTitle') });
      const panelField = panel.getByLabel(ui.temperature).last();
      const chapterField = softmax.getByLabel(ui.temperature).last();
      await panelField.scrollIntoViewIfNeeded();
      expect(await panel.getByRole('slider', { name: ui.temperature }).count()).toBe(1);
      expect(await panel.getByTestId('generation-temperature').textContent()).toContain(
        t(ui, 'outGenTemperatureHelp', lang, { k: ui.outOff, p: ui.outOff }),
      );
      // Chapter 9 sets it: the panel shows the same number.
      await chapterField.fill('0.3');
      await expect.poll(() => panelField.inputValue()).toBe('0.3');
      // The panel sets it: chapter 9 follows, greedy decoding says so, and the address keeps it.
      await panelField.fill('0');
      await expect.poll(() => chapterField.inputValue()).toBe('0');
      await expect.poll(() => softmax.getByText(ui.outGreedyNote).count()).toBe(1);
      await expect.poll(() => new URL(page.url()).searchParams.get('out.t')).toBe('0');
      // A temperature it cannot use is reported in the panel too.
      await panelField.fill('9');
      await expect
        .poll(() => panel.getByRole('status').first().textContent())
        .toBe(t(ui, 'outProblemTemperatureClamped', lang, { value: '9', to: '5' }));
      await panelField.fill('0');
      // At temperature 0 the run is greedy, so another seed gives the same tokens.
      const text = readerText(page);
      const generate = async (seed: string) => {
        await text.fill(TEXT);
        // The figures follow the text box a moment later: start from the pass over TEXT itself.
        await expect.poll(() => page.getByTestId('token-select').getByRole('option').count()).toBe(7);
        await panel.getByTestId('generation-seed').fill(seed);
        await panel.getByTestId('generate-count').fill('4');
        await panel.getByTestId('generate-n').click();
        await expect
          .poll(async () => (await panel.getByTestId('generate-n').isEnabled()) && (await text.inputValue()) !== TEXT, { timeout: 20_000 })
          .toBe(true);
        expect(await panel.getByTestId('generated-run').getByTestId('generated-chip').count()).toBe(4);
        return text.inputValue();
      };
      const first = await generate('7');
      expect(first.length).toBeGreaterThan(TEXT.length);
      expect(await generate('8')).toBe(first);
      await screenshotOf(panel, `reader-aids-generation-${lang}`);
      expect(errors).toEqual([]);
    });
  }

  it('fits a phone', async () => {
    const en = getUi('en');
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: TEXT, 'out.t': '0.7' }), { viewport: PHONE, touch: true });
    await showChapter(page, 'generation');
    const panel = page.getByRole('region', { name: nameOf('outGenerationTitle') });
    const field = panel.getByLabel(en.temperature).last();
    await field.scrollIntoViewIfNeeded();
    expect(await field.inputValue()).toBe('0.7');
    expect(await field.isVisible()).toBe(true);
    const slider = (await panel.getByRole('slider', { name: en.temperature }).boundingBox())!;
    expect(slider.width).toBeGreaterThan(100);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshotOf(panel, 'reader-aids-generation-phone');
    expect(errors).toEqual([]);
  });
});

describe('what is wider than a phone', () => {
  /** A sideways-scrolling box: how far its content overflows it, the sides it fades out on, and the hint under it. */
  const sideScroll = (box: Locator) =>
    box.evaluate((el) => {
      const next = el.nextElementSibling;
      return {
        overflow: el.scrollWidth - el.clientWidth,
        hiddenSides: el.getAttribute('data-hidden-sides'),
        mask: getComputedStyle(el).maskImage,
        hint: next?.getAttribute('data-testid') === 'scroll-hint' ? next.textContent : null,
      };
    });

  /** The box fades out on its right and says to scroll; scrolled to its end, it fades out on its left. */
  async function expectScrollHint(box: Locator, hint: string, what: string) {
    expect(await box.count(), what).toBe(1);
    await box.scrollIntoViewIfNeeded();
    await settled(box.page());
    const start = await sideScroll(box);
    expect(start.overflow, what).toBeGreaterThan(0);
    expect(start.hiddenSides, what).toBe('right');
    expect(start.mask, what).toMatch(/gradient/);
    expect(start.hint, what).toBe(hint);
    await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(async () => `${what}: ${(await sideScroll(box)).hiddenSides}`).toBe(`${what}: left`);
  }

  const formulaBox = (part: Locator, testId: string) => part.getByTestId('side-scroll').filter({ has: part.page().getByTestId(testId) });

  for (const lang of ['en', 'zh'] as const) {
    const ui = getUi(lang);
    it(`fades at the edge and says to scroll sideways: formulas, the 256 neurons, the residual stream and W_u on a phone (${lang})`, async () => {
      // Every part drawn at once (the default): this reads nearly all of them (chapters 4, 6, 7 and 8, the
      // stepper and the deeper section), which is half a second faster than drawing them one by one as they come near.
      const { page, errors } = await chromium.open(q({ lang, text: TEXT }), { viewport: PHONE, touch: true });
      await expectScrollHint(formulaBox(page.getByTestId('chapter-embedding'), 'dot-formula'), ui.scrollForRest, 'dot product');
      const neurons = page.getByRole('img', { name: t(ui, 'allNeurons', lang, { n: 256 }), exact: true });
      await expectScrollHint(
        page.getByTestId('chapter-mlp').getByTestId('side-scroll').filter({ has: neurons }),
        ui.scrollForRest,
        'neurons',
      );
      // Drawn matrices too: W_u's sampled rows are wider than a phone.
      await expectScrollHint(formulaBox(page.locator('body'), 'wu-matrix'), ui.scrollForRest, 'W_u');
      // The residual stream scrolls on its own, and its norms stay beside it, each level with its row.
      const stream = page.getByRole('img', { name: ui.residualStream, exact: true });
      await expectScrollHint(
        page.getByTestId('chapter-layers').getByTestId('side-scroll').filter({ has: stream }),
        ui.scrollForRest,
        'stream',
      );
      const cells = (await stream.getByTestId('heatmap-cells').boundingBox())!;
      const normRows = await page
        .getByTestId('chapter-layers')
        .locator('.norm-row')
        .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect()).map((r) => (r.top + r.bottom) / 2));
      const cellH = cells.height / normRows.length;
      normRows.forEach((centre, i) => expect(Math.abs(centre - (cells.y + (i + 0.5) * cellH))).toBeLessThan(cellH / 4));
      // A table that can wrap its cells fits the phone instead.
      const params = formulaBox(page.locator('body'), 'params-table');
      await params.scrollIntoViewIfNeeded();
      expect(await sideScroll(params)).toMatchObject({ overflow: 0, hiddenSides: 'none', hint: null });
      const stepper = page.getByTestId('stepper');
      for (const kind of ['weights', 'resid1', 'gelu', 'resid2'] as const) {
        await goToStep(page, stepOf(kind, 0));
        await expectScrollHint(formulaBox(stepper, 'formula-numbers'), ui.scrollForRest, kind);
      }
      // GELU's own formula is wider than a phone too.
      await goToStep(page, stepOf('gelu', 0));
      await expectScrollHint(stepper.getByTestId('side-scroll').first(), ui.scrollForRest, 'GELU');
      await screenshotOf(stepper.locator('.formula-numbers'), `reader-aids-scroll-hint-${lang}`);
      expect(await scrollsSideways(page)).toBe(false);
      expect(errors).toEqual([]);
    });
  }

  it('neither fades nor hints where everything fits, on a desktop', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: TEXT }), { viewport: DESKTOP });
    const dot = formulaBox(await showChapter(page, 'embedding'), 'dot-formula');
    await dot.scrollIntoViewIfNeeded();
    await settled(page);
    expect(await sideScroll(dot)).toEqual({ overflow: 0, hiddenSides: 'none', mask: 'none', hint: null });
    // The residual stream beside its column of norms (once 5px too wide for its box here, so it hid its last channel).
    const layers = await showChapter(page, 'layers');
    const stream = layers
      .getByTestId('side-scroll')
      .filter({ has: page.getByRole('img', { name: getUi('en').residualStream, exact: true }) });
    await stream.scrollIntoViewIfNeeded();
    await settled(page);
    expect(await sideScroll(stream)).toEqual({ overflow: 0, hiddenSides: 'none', mask: 'none', hint: null });
    expect(errors).toEqual([]);
  });
});

describe('a tap on an attention map', () => {
  it('leaves no focus ring on a phone, while the keyboard still gets one', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: TEXT }), { viewport: PHONE, touch: true });
    await showChapter(page, 'attention');
    const map = page.getByTestId('attention-maps').getByRole('img').nth(1);
    await map.scrollIntoViewIfNeeded();
    await settled(page);
    const outline = () =>
      page.evaluate(() => [document.activeElement?.getAttribute('aria-label'), getComputedStyle(document.activeElement!).outlineStyle]);
    const hit = (await map.getByTestId('heatmap-cells').boundingBox())!;
    await page.touchscreen.tap(hit.x + hit.width / 4, hit.y + (3 * hit.height) / 4);
    await expect.poll(outline).toEqual(['Head 2', 'none']);
    await screenshotOf(page.getByTestId('attention-maps'), 'reader-aids-tapped-map');
    // Back to the head's button and forward again with the keyboard: now the ring shows where focus is.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(outline).toEqual(['Head 2', 'solid']);
    expect(errors).toEqual([]);
  });
});

describe('the stepper’s MLP rows', () => {
  for (const [name, options] of [
    ['desktop', { viewport: DESKTOP }],
    ['phone', { viewport: PHONE, touch: true }],
  ] as const) {
    it(`are labelled in type big enough to read, on a ${name}`, async () => {
      const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: TEXT }), options);
      await showPart(page, 'stepper');
      for (const kind of ['fc', 'gelu'] as const) {
        await goToStep(page, stepOf(kind, 0));
        const labels = page.getByTestId('stage-heatmap').getByTestId('row-label');
        await expect.poll(() => labels.count()).toBe(7);
        const sizes = await labels.evaluateAll((els) => els.map((el) => Number(el.getAttribute('font-size'))));
        expect(Math.min(...sizes), kind).toBeGreaterThanOrEqual(11);
      }
      expect(errors).toEqual([]);
    });
  }
});

describe('names and formulas on their line', () => {
  it('keeps “GPT-2” whole in the Chinese header on a phone', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'zh', text: TEXT }), { viewport: PHONE, touch: true });
    // Each "GPT-2" in the header, hyphen and all, as a range of text: one line box has all of it.
    const lines = await page.locator('.app-header').evaluate((header) => {
      const found: number[] = [];
      const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/GPT-\u2060?2/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          found.push(new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size);
        }
      }
      return found;
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((n) => n === 1)).toBe(true);
    expect(errors).toEqual([]);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`keeps every formula in the chapters’ text on one line, within its column, on a phone (${lang})`, async () => {
      // Every chapter drawn at once (the default): this reads the formulas of all ten together.
      const { page, errors } = await chromium.open(q({ lang, text: TEXT }), { viewport: PHONE, touch: true });
      const broken = await page.evaluate(() =>
        [...document.querySelectorAll('.chapter-text .katex')]
          .filter((katex) => !katex.closest('.katex-display'))
          .filter((katex) => {
            const html = katex.querySelector('.katex-html')!;
            const lines = new Set([...html.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            const column = katex.closest('p, li')!.getBoundingClientRect();
            const box = katex.getBoundingClientRect();
            return lines.size !== 1 || box.right > column.right + 1 || box.left < column.left - 1;
          })
          .map((katex) => katex.querySelector('annotation')?.textContent),
      );
      expect(broken).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

describe('chapter 4’s two top-5 lists', () => {
  it('start level with each other, under headings of different lengths, on a desktop', async () => {
    const { page, errors } = await chromium.openAsReader(q({ lang: 'en', text: TEXT }), { viewport: DESKTOP });
    const chapter = await showChapter(page, 'embedding');
    const top = async (testId: string, part: string) => (await chapter.getByTestId(testId).locator(part).first().boundingBox())!.y;
    await chapter.getByTestId('we-after').scrollIntoViewIfNeeded();
    await settled(page);
    // The left heading takes two lines here and the right one one.
    const lines = (testId: string) =>
      chapter
        .getByTestId(testId)
        .locator('h4')
        .evaluate((heading) => {
          const range = document.createRange();
          range.selectNodeContents(heading);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
    expect([await lines('we-before'), await lines('we-after')]).toEqual([2, 1]);
    expect(await top('we-before', 'li')).toBeCloseTo(await top('we-after', 'li'), 0);
    expect(errors).toEqual([]);
  });
});

describe('the token pickers', () => {
  it('draw ␣ in Chinese just as in English', async () => {
    /** The width of ␣ in each token picker's own type, set where the picker is, so in the page's language. */
    const spaceWidths = async (lang: 'en' | 'zh') => {
      const { page } = await chromium.openAsReader(q({ lang, text: TEXT }), { viewport: PHONE, touch: true });
      const ui = getUi(lang);
      const pickers = [
        (await showPart(page, 'stepper')).getByTestId('token-select'),
        (await showChapter(page, 'embedding')).getByRole('combobox', { name: ui.otherToken, exact: true }),
        (await showPart(page, 'deeper')).getByTestId('lens-position'),
      ];
      return Promise.all(
        pickers.map((picker) =>
          picker.evaluate((select) => {
            const probe = document.createElement('span');
            probe.style.font = getComputedStyle(select).font;
            // Out of the flow, so its width is the glyph's, not a share of the row the picker sits in.
            probe.style.position = 'absolute';
            probe.textContent = '␣';
            select.after(probe);
            const width = probe.getBoundingClientRect().width;
            probe.remove();
            return Math.round(width * 10) / 10;
          }),
        ),
      );
    };
    const en = await spaceWidths('en');
    expect(await spaceWidths('zh')).toEqual(en);
  });
});

describe('a window that changes width', () => {
  /** Scroll a chapter's heading to the top of the screen, as a reader who has scrolled there, and return where it is. */
  async function readAt(page: Page, id: string): Promise<Locator> {
    const heading = (await showChapter(page, id)).getByRole('heading', { level: 2 });
    await page.mouse.wheel(0, (await heading.boundingBox())!.y);
    await expect.poll(async () => Math.abs((await heading.boundingBox())!.y)).toBeLessThan(2);
    await settled(page);
    return heading;
  }

  /** Once the page has held the reader's place while the figures redrew at the new width (src/app/explainer/holdJump.ts), and after. */
  async function newLayoutSettled(page: Page): Promise<void> {
    await page.waitForFunction(() => document.documentElement.dataset.holdingJump === 'resize');
    await page.waitForFunction(() => document.documentElement.dataset.holdingJump === undefined);
    await settled(page);
  }

  it('keeps the reader’s place when a desktop window narrows to a phone’s width, and when a phone turns', async () => {
    // Every chapter drawn, as after a reader has scrolled through them: the place is then far down a long page.
    const { page, errors } = await chromium.open(q({ lang: 'en', text: TEXT }));
    const attention = await readAt(page, 'attention');
    await page.setViewportSize(PHONE);
    await newLayoutSettled(page);
    expect(Math.abs((await attention.boundingBox())!.y)).toBeLessThan(2);

    const mlp = await readAt(page, 'mlp');
    await page.setViewportSize({ width: PHONE.height, height: PHONE.width });
    await newLayoutSettled(page);
    expect(Math.abs((await mlp.boundingBox())!.y)).toBeLessThan(2);

    // Halfway down a paragraph, the place is that paragraph: chapter 7's heading stays just above the screen, not
    // screens away, though the paragraph reflows.
    const layers = await readAt(page, 'layers');
    await page.mouse.wheel(0, 120);
    await expect.poll(async () => (await layers.boundingBox())!.y).toBeLessThan(-100);
    await settled(page);
    await page.setViewportSize(PHONE);
    await newLayoutSettled(page);
    const { y } = (await layers.boundingBox())!;
    expect(y).toBeLessThan(0);
    expect(y).toBeGreaterThan(-PHONE.height);
    expect(errors).toEqual([]);
  });
});
