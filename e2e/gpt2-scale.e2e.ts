import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { modelFromFiles } from '../src/core/bundle';
import { analyse } from '../src/core/expressionAnalysis';
import { forward } from '../src/core/gpt';
import { unembeddingMatrix } from '../src/core/model';
import { topK } from '../src/core/topk';
import { lastLogits, type Trace } from '../src/core/trace';
import { fmt, tokenLabel } from '../src/viz/format';
import { OVERVIEW_HEIGHT, sampledRow } from '../src/viz/vocabMatrix';
import { readModelDir } from '../scripts/lib/model-dir';
import { writeGpt2ShapedCheckpoint } from '../scripts/test-checkpoint/gpt2-shaped';
import {
  browserForTests,
  describeOnScreens,
  openFolder,
  screenshot,
  screenshotOf,
  scrollsSideways,
  settled,
  showChapter,
  showEverything,
  showPart,
  type Screen,
} from './browser';

// Every view at GPT-2's scale, on a desktop and a phone, with three GPT-2-shaped checkpoints: gpt2-medium's
// 24 layers of 16 heads at a tiny width, GPT-2's own width of 768 numbers per token in one layer, and
// GPT-2's context of 1,024 tokens with its 12 heads, read with a text of several hundred tokens.

const TEXT = 'The king said that the queen';
const EXPRESSION = 'king - man + woman';
const DEEP = { nLayer: 24, nHead: 16, nEmbd: 64, nPositions: 64 };
const WIDE = { nLayer: 1, nHead: 12, nEmbd: 768, nPositions: 16 };
const LONG = { nLayer: 1, nHead: 12, nEmbd: 96, nPositions: 1024 };
// About 420 tokens of GPT-2's vocabulary, and 2.4 kB in the page's address.
const LONG_TEXT = 'The king said to the queen that he would go to the old city and see the people who lived there. '.repeat(20).trim();
const GELU_STEP = 16;
const WEIGHTS_STEP = 10;

const chromium = browserForTests();
let root: string;
let deep: string;
let wide: string;
let wideWte: Float32Array;
let wideWu: Float32Array;
let wideTrace: Trace;
let wideTopIds: number[];
let wideLabVector: Float32Array;
let long: string;
let longTrace: Trace;
let longLabels: string[];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gpt2-scale-e2e-'));
  deep = join(root, 'deep');
  wide = join(root, 'wide');
  writeGpt2ShapedCheckpoint(deep, DEEP);
  writeGpt2ShapedCheckpoint(wide, WIDE);
  long = join(root, 'long');
  writeGpt2ShapedCheckpoint(long, LONG);
  // The numbers the page should show, from the same files in Node.
  const loaded = modelFromFiles(readModelDir(wide));
  wideWte = loaded.model.params.wte.data;
  wideWu = unembeddingMatrix(loaded.model).data;
  wideTrace = forward(loaded.model, loaded.tokenizer.encode(TEXT));
  wideTopIds = topK(lastLogits(wideTrace), 10).map((r) => r.index); // the rows W_u's picture ticks
  const lab = analyse(loaded, EXPRESSION, false, false);
  if (lab.kind !== 'ok') throw new Error(`${EXPRESSION} gives no vector on the wide checkpoint: ${lab.kind}`);
  wideLabVector = lab.vector;
  const longModel = modelFromFiles(readModelDir(long));
  longTrace = forward(longModel.model, longModel.tokenizer.encode(LONG_TEXT));
  longLabels = Array.from(longTrace.ids, (id) => tokenLabel(longModel.tokenizer, id));
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

async function openModel(screen: Screen, dir: string, name: string, query = '', text = TEXT): Promise<{ page: Page; errors: string[] }> {
  // Parts are drawn as they come near, as for a reader; each checkpoint has a test that then draws every part (showEverything).
  const opened = await chromium.openAsReader(`?lang=en${query}&text=${encodeURIComponent(text)}`, screen.options);
  await openFolder(opened.page, dir);
  await expect.poll(() => opened.page.getByTestId('model-name').textContent(), { timeout: 60_000 }).toBe(name);
  return opened;
}

/** Whether a part of the page reaches past the viewport's right edge. */
async function pastRightEdge(part: Locator): Promise<boolean> {
  return part.evaluate((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1);
}

/** Whether a part of the page reaches past the viewport's right edge, or scrolls sideways inside itself. */
async function overflows(part: Locator): Promise<boolean> {
  return (await pastRightEdge(part)) || (await part.evaluate((el) => el.scrollWidth > el.clientWidth + 1));
}

/** Point at real column `c` of a strip of `cols` columns (or tap it on a phone); returns how many columns share a pixel. */
async function pointAt(screen: Screen, page: Page, cells: Locator, c: number, cols: number, row = 0, rows = 1): Promise<number> {
  await cells.scrollIntoViewIfNeeded();
  const box = await cells.boundingBox();
  if (!box) throw new Error('the cells are not on screen');
  const x = box.x + ((c + 0.5) * box.width) / cols;
  const y = box.y + ((row + 0.5) * box.height) / rows;
  if (screen.name === 'phone') await page.touchscreen.tap(x, y);
  else await page.mouse.move(x, y);
  return Math.ceil(cols / box.width);
}

/**
 * Scroll the lens's box to its far right and check that its first column, the layer names under their
 * heading, stays where it was, opaque and on top of the guesses sliding under it. A phone's box must scroll.
 * Saves a screenshot of the scrolled box as `screenshotName`.
 */
async function expectHeadingsStayPut(screen: Screen, lens: Locator, box: Locator, screenshotName: string): Promise<void> {
  const scrolls = await box.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  if (screen.name === 'phone') expect(scrolls).toBe(true); // 24 layers' names and five guesses are wider than 390px
  if (!scrolls) return;
  const headings = [lens.getByRole('columnheader', { name: 'Layer', exact: true }), ...(await lens.getByRole('rowheader').all())];
  const lefts = () => Promise.all(headings.map((h) => h.evaluate((el) => el.getBoundingClientRect().left)));
  const firstGuess = lens.getByRole('cell').first();
  const guessLeft = () => firstGuess.evaluate((el) => el.getBoundingClientRect().left);
  const before = { headings: await lefts(), guess: await guessLeft() };
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth, behavior: 'instant' }));
  await expect.poll(guessLeft).toBeLessThan(before.guess);
  expect(await lefts()).toEqual(before.headings);
  // What the reader sees at the middle of a heading is the heading, not a guess showing through it.
  for (const heading of headings.slice(0, 3)) {
    // Up or down onto the screen first, where the page can be asked what is there; never sideways, which would move the box.
    await heading.evaluate((el) => {
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) window.scrollBy({ top: r.top - window.innerHeight / 2, behavior: 'instant' });
    });
    expect(
      await heading.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('th') === el;
      }),
    ).toBe(true);
  }
  await screenshotOf(box, screenshotName);
}

/**
 * A whole-matrix picture (W_e or W_u) of a 768-column matrix: it says which columns it draws, draws
 * them at a whole number of screen pixels each, and the readout under the pointer names a real row and
 * column and the core's value there. `marked` are the rows it ticks, drawn on whichever line they fall.
 */
async function expectSampledColumns(
  screen: Screen,
  page: Page,
  picture: Locator,
  name: string,
  matrix: Float32Array,
  marked: readonly number[],
): Promise<void> {
  const note = picture.getByTestId('matrix-columns-note');
  await expect
    .poll(() => note.textContent())
    .toMatch(/^Too many columns to give each a pixel: 1 in (\d+) of the 768 is drawn, columns 0, \1, \d+, …, \d+, /);
  const [, step, last] = (/1 in (\d+) .*, …, (\d+),/.exec((await note.textContent()) ?? '') ?? []).map(Number);
  const shownCols = Math.ceil(768 / step);
  expect(last).toBe((shownCols - 1) * step);
  // One bitmap column per drawn column, scaled up by a whole number, and the figure not shrunk to fit.
  const drawn = await picture.getByRole('img').evaluate(async (svg) => {
    const image = svg.querySelector('image')!;
    const bitmap = new Image();
    bitmap.src = image.getAttribute('href') ?? '';
    await bitmap.decode();
    return {
      bitmapW: bitmap.naturalWidth,
      imageW: image.getBoundingClientRect().width,
      svgW: svg.getBoundingClientRect().width,
      svgAttrW: Number(svg.getAttribute('width')),
    };
  });
  expect(drawn.bitmapW).toBe(shownCols);
  expect(drawn.svgW).toBe(drawn.svgAttrW);
  expect(Number.isInteger(drawn.imageW / shownCols) && drawn.imageW >= shownCols).toBe(true);

  // The 6th drawn column, on the middle line of pixels.
  const line = OVERVIEW_HEIGHT / 2;
  const perPixel = await pointAt(screen, page, picture.getByTestId('matrix-frame'), 5, shownCols, line, OVERVIEW_HEIGHT);
  expect(perPixel).toBe(1);
  const readout = picture.getByTestId('matrix-readout');
  const pattern = new RegExp(`^${name}\\[(\\d+), (\\d+)\\] = (\\S+)`); // indices as the formulas write them: no separators
  await expect.poll(() => readout.textContent()).toMatch(pattern);
  const [, id, c, value] = pattern.exec((await readout.textContent()) ?? '') ?? [];
  const row = Number(id);
  expect(Number(c)).toBe(5 * step); // the real column, not the drawn one's place
  expect([sampledRow(line, matrix.length / 768, OVERVIEW_HEIGHT), ...marked]).toContain(row);
  expect(value).toBe(fmt(matrix[row * 768 + Number(c)]));
}

describeOnScreens('24 layers of 16 heads', (screen) => {
  it('lets the reader pick a layer, then see its heads, in the stepper, the attention chapter, the lens and the ablation panel', async () => {
    const { page, errors } = await openModel(screen, deep, 'deep', `&step=${WEIGHTS_STEP}`);
    const stepper = await showPart(page, 'stepper');
    await expect.poll(() => stepper.getByTestId('layer-picker').getByRole('button').count()).toBe(24);
    expect(await stepper.getByTestId('head-picker').getByRole('button').count()).toBe(16);
    for (const picker of await page.getByTestId(/^(layer|head)-picker$/).all()) expect(await overflows(picker)).toBe(false);
    await screen.press(stepper.getByTestId('layer-picker').getByRole('button', { name: 'Layer 24', exact: true }));
    await screen.press(stepper.getByTestId('head-picker').getByRole('button', { name: 'Head 16', exact: true }));
    await expect.poll(() => stepper.getByTestId('cell-label').textContent()).toContain('Layer 24');
    await settled(page);
    await screenshotOf(stepper, `gpt2-scale-deep-stepper-${screen.name}`);
    // The 367 stages' map still spans the panel after a screenshot of a panel taller than the screen, which
    // lays the page out again at another size for a moment.
    const map = stepper.getByTestId('stage-map');
    expect(
      await map
        .locator('svg')
        .evaluate((svg, width) => Number(svg.getAttribute('width')) >= width - 1, await map.evaluate((el) => el.clientWidth)),
    ).toBe(true);

    const attention = await showChapter(page, 'attention');
    for (const picker of await attention.getByTestId(/^(layer|head)-picker$/).all()) expect(await overflows(picker)).toBe(false);
    await screen.press(attention.getByTestId('layer-picker').getByRole('button', { name: 'Layer 20', exact: true }));
    await expect.poll(() => attention.getByTestId('attention-maps').getByRole('img').count()).toBe(16); // one layer's heads
    await settled(page);
    await screenshotOf(attention.getByRole('figure').first(), `gpt2-scale-deep-attention-${screen.name}`);

    // The residual stream after each of the 49 steps, one row each.
    const layers = await showChapter(page, 'layers');
    await settled(page);
    await screenshotOf(layers.getByRole('figure').first(), `gpt2-scale-deep-layers-${screen.name}`);

    await showPart(page, 'deeper');
    const lens = page.getByTestId('logit-lens');
    await lens.scrollIntoViewIfNeeded();
    await expect.poll(() => lens.getByRole('row').count()).toBe(1 + 25); // the header, the embedding and 24 blocks
    // Its five guesses scroll inside the table's own box on a phone, under the layer names; the box itself fits.
    const lensBox = page.getByTestId('side-scroll').filter({ has: lens });
    expect(await pastRightEdge(lensBox)).toBe(false);
    await screenshotOf(lens, `gpt2-scale-deep-lens-${screen.name}`);
    await expectHeadingsStayPut(screen, lens, lensBox, `gpt2-scale-deep-lens-scrolled-${screen.name}`);

    const ablation = page.getByTestId('deeper').getByRole('region', { name: 'Switch parts of the model off' });
    await ablation.scrollIntoViewIfNeeded();
    await screen.press(ablation.getByTestId('layer-picker').getByRole('button', { name: 'Layer 24', exact: true }));
    expect(await ablation.getByTestId(/^ablate-h/).count()).toBe(16); // one layer's heads, not all 384
    await screen.press(ablation.getByTestId('ablate-h23.15'));
    await expect.poll(() => ablation.getByTestId('ablation-compare').count()).toBe(1);
    expect(await overflows(ablation.getByTestId('layer-picker'))).toBe(false);
    expect(await overflows(ablation.getByTestId('ablation-heads'))).toBe(false); // the 16 heads wrap instead of scrolling
    // 24 whole layers of each kind are numbered buttons, named in full.
    expect(await ablation.getByRole('button', { name: 'Attention 24', exact: true }).textContent()).toBe('24');
    expect(await ablation.getByRole('button', { name: 'MLP 24', exact: true }).textContent()).toBe('24');
    await screenshotOf(ablation, `gpt2-scale-deep-ablation-${screen.name}`);

    await showEverything(page); // the parts this test did not read, drawn for this model too
    expect(await scrollsSideways(page)).toBe(false);
    expect(errors).toEqual([]);
  });
});

describeOnScreens('768 numbers per token', (screen) => {
  it('samples the embedding strips visibly, and reads any real column’s exact value', async () => {
    const { page, errors } = await openModel(screen, wide, 'wide');
    const embedding = await showChapter(page, 'embedding');
    const strip = embedding.getByTestId('strip-tok');
    const note = strip.getByTestId('sample-note');
    await expect
      .poll(() => note.textContent())
      .toMatch(/^Too many to draw one by one: 1 in (\d+) of the 768 numbers is drawn, columns 0, \1, /);
    const step = Number(/1 in (\d+)/.exec((await note.textContent()) ?? '')?.[1]);
    expect(await strip.locator('rect[data-c]').count()).toBe(768 / step);
    const id = Number(/token id ([\d,]+)/.exec((await strip.textContent()) ?? '')?.[1].replace(/,/g, ''));

    // A column the picture does not draw, read under the pointer, then one step right with the keys.
    const column = 5 * step + Math.floor(step / 2);
    const perPixel = await pointAt(screen, page, strip.getByTestId('heatmap-cells'), column, 768);
    const readout = strip.getByTestId('strip-readout');
    const read = async () => {
      const match = /^channel (\d+) = (.+)$/.exec((await readout.textContent()) ?? '');
      return match ? { c: Number(match[1]), value: match[2] } : null;
    };
    await expect.poll(read).not.toBeNull();
    const under = (await read())!;
    expect(Math.abs(under.c - column)).toBeLessThanOrEqual(perPixel); // the pointer lands on a whole pixel
    expect(under.value).toBe(fmt(wideWte[id * 768 + under.c]));
    if (screen.name === 'desktop') {
      await strip.getByRole('img').focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(read).toEqual({ c: under.c + 1, value: fmt(wideWte[id * 768 + under.c + 1]) });
    }
    await screenshotOf(embedding.getByRole('figure').first(), `gpt2-scale-wide-embedding-${screen.name}`);
    expect(await scrollsSideways(page)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('samples the columns of W_e’s and W_u’s whole pictures visibly, and reads the real cell under the pointer', async () => {
    const { page, errors } = await openModel(screen, wide, 'wide');
    const embedding = await showChapter(page, 'embedding');
    const we = embedding.getByTestId('we-matrix');
    await expectSampledColumns(screen, page, we, 'W_e', wideWte, [...wideTrace.ids]);
    await screenshotOf(we, `gpt2-scale-wide-we-${screen.name}`);
    const unembedding = await showChapter(page, 'unembedding');
    const wu = unembedding.getByTestId('wu-whole-matrix');
    await expectSampledColumns(screen, page, wu, 'W_u', wideWu, wideTopIds);
    await screenshotOf(wu, `gpt2-scale-wide-wu-${screen.name}`);
    expect(await scrollsSideways(page)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('samples the stepper’s 3072 MLP columns and the layers chapter, and reads the real neuron under the pointer', async () => {
    const { page, errors } = await openModel(screen, wide, 'wide', `&step=${GELU_STEP}`);
    const stepper = await showPart(page, 'stepper');
    await expect.poll(() => stepper.getByTestId('stage-name').textContent()).toMatch(/GELU/);
    const note = stepper.getByTestId('sample-note');
    await expect.poll(() => note.textContent()).toMatch(/1 in (\d+) of the 3,072 numbers is drawn, columns 0, \1, /);
    const T = wideTrace.ids.length;
    const neuron = 1000;
    const perPixel = await pointAt(screen, page, stepper.getByTestId('heatmap-cells'), neuron, 3072, T - 1, T);
    await expect.poll(() => stepper.getByTestId('cell-label').textContent()).toMatch(/Neuron \d+$/);
    const shown = Number(/Neuron (\d+)$/.exec((await stepper.getByTestId('cell-label').textContent()) ?? '')?.[1]);
    expect(Math.abs(shown - neuron)).toBeLessThanOrEqual(perPixel); // the pointer lands on a whole pixel
    expect(await stepper.getByTestId('cell-value').textContent()).toBe(fmt(wideTrace.blocks[0].gelu.data[(T - 1) * 3072 + shown]));
    await settled(page);
    await screenshotOf(stepper, `gpt2-scale-wide-stepper-${screen.name}`);

    const layers = await showChapter(page, 'layers');
    await expect.poll(() => layers.getByTestId('sample-note').count()).toBe(3); // the stream and both layer-norm strips
    await screenshotOf(layers.getByRole('figure').first(), `gpt2-scale-wide-layers-${screen.name}`);
    const mlp = await showChapter(page, 'mlp');
    await expect.poll(() => mlp.getByTestId('sample-note').textContent()).toMatch(/of the 3,072 numbers/);
    await screenshotOf(mlp.getByRole('figure').first(), `gpt2-scale-wide-mlp-${screen.name}`);
    await showEverything(page);
    await settled(page);
    await screenshot(page, `gpt2-scale-wide-page-${screen.name}`);
    expect(await scrollsSideways(page)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('samples the lab’s result vector, and reads a column it does not draw', async () => {
    const { page, errors } = await openModel(screen, wide, 'wide', `&view=lab&lab.expr=${encodeURIComponent(EXPRESSION)}`);
    const strip = page.getByTestId('lab-result-strip');
    await expect
      .poll(() => strip.getByTestId('sample-note').textContent(), { timeout: 30_000 })
      .toMatch(/^Too many to draw one by one: 1 in (\d+) of the 768 numbers is drawn, columns 0, \1, /);
    const step = Number(/1 in (\d+)/.exec((await strip.getByTestId('sample-note').textContent()) ?? '')?.[1]);
    const column = 3 * step + 1;
    const perPixel = await pointAt(screen, page, strip.getByTestId('heatmap-cells'), column, 768);
    const readout = strip.getByTestId('strip-readout');
    await expect.poll(() => readout.textContent()).toMatch(/^component \d+ = /);
    const [, c, value] = /^component (\d+) = (.+)$/.exec((await readout.textContent()) ?? '') ?? [];
    expect(Math.abs(Number(c) - column)).toBeLessThanOrEqual(perPixel);
    expect(value).toBe(fmt(wideLabVector[Number(c)]));
    await screenshotOf(strip, `gpt2-scale-wide-lab-${screen.name}`);
    expect(await scrollsSideways(page)).toBe(false);
    expect(errors).toEqual([]);
  });
});

describeOnScreens('1,024 positions and a text of several hundred tokens', (screen) => {
  it('draws chapter 5’s maps in blocks that fit their boxes, says so, and reads the exact strongest weight of a block', async () => {
    const { page, errors } = await openModel(screen, long, 'long', '', LONG_TEXT);
    const T = longTrace.ids.length;
    expect(T).toBeGreaterThan(300);
    const attention = await showChapter(page, 'attention');
    const note = attention.getByTestId('pool-note');
    await expect
      .poll(() => note.textContent())
      .toMatch(/^([\d,]+) tokens are too many for a cell each: each cell here is a block of (\d+) × \2 token pairs/);
    const [, tokens, block] = /^([\d,]+) tokens .* block of (\d+) ×/.exec((await note.textContent()) ?? '') ?? [];
    expect(Number(tokens.replace(/,/g, ''))).toBe(T);
    const k = Number(block);
    const blocks = Math.ceil(T / k);

    // Twelve maps, each within its box: no sideways scrolling, and square, not T pixels tall.
    const maps = attention.getByTestId('attention-maps').getByRole('img');
    await expect.poll(() => maps.count()).toBe(12);
    for (const map of await maps.all()) {
      const fit = await map.evaluate((svg) => {
        const box = svg.closest('[data-testid="side-scroll"]')!;
        const { width, height } = svg.getBoundingClientRect();
        return { scrolls: box.scrollWidth > box.clientWidth + 1, width, height };
      });
      expect(fit.scrolls).toBe(false);
      expect(fit.height).toBeLessThanOrEqual(fit.width + 8);
      expect(fit.height).toBeLessThan(400);
    }
    expect(await overflows(attention.getByTestId('attention-maps'))).toBe(false);

    // Head 1, a previous-token pair: the block under the pointer names its strongest (query, key), and the weight is the trace's.
    const head = 0;
    const weights = longTrace.blocks[0].weights.data;
    const weightAt = (r: number, c: number) => weights[(head * T + r) * T + c];
    const query = Math.floor(T * 0.6);
    const [i, j] = [Math.floor(query / k), Math.floor((query - 1) / k)];
    const map = maps.nth(head);
    await pointAt(screen, page, map.getByTestId('heatmap-cells'), j, blocks, i, blocks);
    const readout = attention.getByTestId('attention-readout');
    const focused = async () => {
      const focus = map.getByTestId('cell-focus');
      if ((await focus.count()) === 0) return null;
      return { r: Number(await focus.getAttribute('data-r')), c: Number(await focus.getAttribute('data-c')) };
    };
    const focusedBlock = async () => {
      const at = await focused();
      return at && [Math.floor(at.r / k), Math.floor(at.c / k)];
    };
    /** The readout names block (bi, bj)'s strongest pair, with the trace's weight there. */
    const expectStrongestOf = async (bi: number, bj: number) => {
      await expect.poll(focusedBlock).toEqual([bi, bj]);
      const { r, c } = (await focused())!;
      let strongest = 0;
      for (let q = bi * k; q < Math.min(T, (bi + 1) * k); q++) {
        for (let key = bj * k; key < Math.min(T, (bj + 1) * k); key++) strongest = Math.max(strongest, weightAt(q, key));
      }
      expect(weightAt(r, c)).toBeGreaterThanOrEqual(strongest - 1e-6);
      await expect
        .poll(() => readout.textContent())
        .toBe(`Head ${head + 1}: “${longLabels[r]}” gives “${longLabels[c]}” weight ${fmt(weightAt(r, c))}.`);
    };
    await expectStrongestOf(i, j);
    if (screen.name === 'desktop') {
      // The keys move from the block under the pointer by one block.
      await map.focus();
      await page.keyboard.press('ArrowLeft');
      await expectStrongestOf(i, j - 1);
    }
    await screenshotOf(map, `gpt2-scale-long-map-${screen.name}`); // the focused block's outline, close up

    // The lines below list the selected token and the keys it reads, not all of the tokens.
    const lines = attention.getByRole('img', { name: 'Where the selected token looks (line thickness = weight)' });
    await expect.poll(() => attention.getByTestId('lines-note').textContent()).toMatch(/tokens are too many to list/);
    expect((await lines.boundingBox())!.height).toBeLessThan(600); // at most 25 rows of 22px, not 440
    await settled(page);
    await screenshotOf(attention.getByRole('figure').first(), `gpt2-scale-long-attention-${screen.name}`);
    await showEverything(page); // every other view at several hundred tokens
    expect(await scrollsSideways(page)).toBe(false);
    expect(errors).toEqual([]);
  });
});
