import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { bodyRows, nameOf, ON_DESKTOP, ON_PHONE, screenshotOf, scrollsSideways, settled, browserForTests, showChapter } from './browser';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { rankAnalogies } from '../src/core/analogyRanking';
import { COMPARED_ANALOGIES, COMPARED_TOP } from '../src/app/lab/startingEmbedding';

// W_e before and after training, side by side: the left column read from starting-embedding.json, the right
// one computed in the page from the loaded W_e. The expected answers are computed here in Node from the same files.
const { model, tokenizer } = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));
const shipped = rankAnalogies(model.params.wte, tokenizer, COMPARED_ANALOGIES, COMPARED_TOP);
const king = shipped.find((a) => a.expression === 'king - man + woman')!;

const chromium = browserForTests();

const TEXT = '&text=' + encodeURIComponent('The king said to the');
const words = (list: Locator) => list.getByRole('listitem').getByTestId('we-change-word').allInnerTexts();

for (const [screen, lang, beforeTitle, afterTitle] of [
  [ON_DESKTOP, 'en', 'W_e before training (co-occurrence only)', 'W_e as shipped (after training)'],
  [ON_PHONE, 'zh', '训练前的 W_e（只有共现统计）', '随模型发布的 W_e（训练后）'],
] as const) {
  describe(`W_e before and after training on a ${screen.name}`, () => {
    it('shows both columns in chapter 4, the live one agreeing with the core, and the same view in the lab', async () => {
      const { page, errors } = await chromium.openAsReader(`?lang=${lang}${TEXT}`, screen.options);
      const view = (await showChapter(page, 'embedding')).getByTestId('we-before-after');
      await view.scrollIntoViewIfNeeded();
      const before = view.getByTestId('we-before');
      const after = view.getByTestId('we-after');
      await expect.poll(() => words(before).then((w) => w.length)).toBe(COMPARED_TOP);
      await expect.poll(() => words(after)).toEqual(king.top.map((n) => n.word));
      expect(await before.getByRole('heading', { level: 4 }).innerText()).toBe(beforeTitle);
      expect(await after.getByRole('heading', { level: 4 }).innerText()).toBe(afterTitle);
      const table = view.getByRole('table');
      expect(await bodyRows(table).count()).toBe(COMPARED_ANALOGIES.length);
      // Every row has an answer on both sides: the file loaded and the page computed its own.
      const cells = await table.getByRole('cell').getByTestId('we-change-word').allInnerTexts();
      expect(cells).toHaveLength(2 * COMPARED_ANALOGIES.length);
      expect(cells.filter((_, i) => i % 2 === 1)).toEqual(shipped.map((a) => a.top[0].word));

      // Picking another row lists its answers on both sides.
      const pick = COMPARED_ANALOGIES.findIndex((q) => q.expression === 'took - take + give');
      const button = bodyRows(table).nth(pick).getByRole('button');
      await screen.press(button);
      await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => words(after)).toEqual(shipped[pick].top.map((n) => n.word));
      expect(await words(before)).toHaveLength(COMPARED_TOP);
      await page.addStyleTag({ content: '.chapter { content-visibility: visible !important; }' });
      await view.scrollIntoViewIfNeeded();
      await settled(page);
      await screenshotOf(view, `we-before-after-${screen.name}-${lang}`);
      expect(await scrollsSideways(page)).toBe(false);

      await page.getByTestId('view-lab').click();
      await page.waitForSelector('[data-lab-ready]');
      const lab = page.getByRole('region', { name: nameOf('embeddingLab') }).getByTestId('we-before-after');
      await lab.scrollIntoViewIfNeeded();
      await expect.poll(() => words(lab.getByTestId('we-after'))).toEqual(king.top.map((n) => n.word));
      await expect.poll(() => words(lab.getByTestId('we-before')).then((w) => w.length)).toBe(COMPARED_TOP);
      expect(await scrollsSideways(page)).toBe(false);
      expect(errors).toEqual([]);
    });

    it('says so kindly when the file cannot be loaded, and still shows the live column', async () => {
      const { page } = await chromium.openAsReader(`?lang=${lang}${TEXT}`, screen.options);
      await page.route('**/starting-embedding.json', (route) => route.fulfill({ status: 404, body: 'not here' }));
      await page.reload();
      await page.waitForSelector('[data-model-ready]');
      await showChapter(page, 'embedding');
      const view = page.getByTestId('chapter-embedding').getByTestId('we-before-after');
      await view.scrollIntoViewIfNeeded();
      await expect.poll(() => view.getByRole('status').innerText()).toContain('starting-embedding.json');
      expect(await view.getByRole('status').innerText()).toContain('HTTP 404');
      await expect.poll(() => words(view.getByTestId('we-after'))).toEqual(king.top.map((n) => n.word));
      expect(await words(view.getByTestId('we-before'))).toEqual([]);
      // The left column of every row says there is nothing to show.
      expect(await view.getByRole('cell', { name: '—', exact: true }).count()).toBe(COMPARED_ANALOGIES.length);
      // A chapter out of view is not painted (content-visibility: auto): drawn for the picture, as scripts/screenshots.ts does.
      await page.addStyleTag({ content: '.chapter { content-visibility: visible !important; }' });
      await view.scrollIntoViewIfNeeded();
      await settled(page);
      await screenshotOf(view, `we-before-after-missing-${screen.name}-${lang}`);
    });
  });
}
