import { expect, it } from 'vitest';
import { resolve } from 'node:path';
import { describeOnScreens, readerText, screenshotOf, scrollsSideways, browserForTests, showChapter } from './browser';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { nextTokenAfter, singleTokenId } from '../src/core/nextToken';
import { CONTEXT_PAIR } from '../src/content/contextPair';
import { layoutPairColumns } from '../src/viz/contextPair';
import { formatPercent, tokenLabel } from '../src/viz/format';
import { PAIR_TOP_K } from '../src/app/explainer/figures/ContextPairFigure';

// Chapter 5's pair of prompts: both columns, each row's token and percentage as a forward pass in Node gives
// them from the same model files the page loads, on a desktop and on a phone.
const loaded = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));
const { tokenizer } = loaded;
const compared = CONTEXT_PAIR.words.map((w) => singleTokenId(tokenizer, w)!) as [number, number];
const columns = layoutPairColumns(
  CONTEXT_PAIR.prompts.map((p) => nextTokenAfter(loaded, p).probs),
  compared,
  PAIR_TOP_K,
);
/** Each column's rows as the page should show them: the token's label and its probability to one decimal. */
const expectedRows = columns.map((c) => c.rows.map((r) => `${tokenLabel(tokenizer, r.id)} ${formatPercent(r.prob)}`));

const chromium = browserForTests();

describeOnScreens('the context pair', (screen) => {
  it('shows both prompts with the next tokens and percentages a Node forward pass gives, and opens a prompt in the text box', async () => {
    const { page, errors } = await chromium.openAsReader('?lang=en&text=The%20king%20said%20that', screen.options);
    const figure = (await showChapter(page, 'attention')).getByTestId('context-pair');
    await figure.scrollIntoViewIfNeeded();
    const shown = figure.getByTestId('context-pair-column');
    await expect.poll(() => shown.count()).toBe(2);

    for (const [c, prompt] of CONTEXT_PAIR.prompts.entries()) {
      const column = shown.nth(c);
      expect(await column.getByTestId('context-pair-prompt').textContent()).toBe(`“${prompt}”`);
      const rows = await column
        .getByRole('listitem')
        .evaluateAll((items) =>
          items.map(
            (li) =>
              `${li.querySelector('[data-testid="token-chip"]')?.textContent} ${li.querySelector('[data-testid="context-pair-percent"]')?.textContent}`,
          ),
        );
      expect(rows).toEqual(expectedRows[c]);
      // Both compared words are marked in both columns.
      for (const which of ['0', '1']) await expect.poll(() => column.locator(`li[data-compared="${which}"]`).count()).toBe(1);
      // The differing words are highlighted.
      expect((await column.locator('mark').allTextContents()).length).toBeGreaterThan(0);
    }

    const verdict = (await figure.getByTestId('context-pair-verdict').textContent()) ?? '';
    expect(verdict).toContain(formatPercent(columns[0].compared[0]));
    expect(verdict).toContain(formatPercent(columns[1].compared[1]));
    expect(verdict).toContain('the order flips');
    await screenshotOf(figure, `context-pair-${screen.name}`);

    const open = shown.nth(1).getByRole('button', { name: 'Open this prompt' });
    await screen.press(open);
    await expect.poll(() => readerText(page).inputValue()).toBe(CONTEXT_PAIR.prompts[1]);
    await expect.poll(() => shown.nth(1).getByRole('button').textContent()).toContain('In the text box');
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('text'))).toBe(CONTEXT_PAIR.prompts[1]);

    expect(await scrollsSideways(page)).toBe(false);
    expect(errors).toEqual([]);
  });
});

it('shows the pair in Chinese while the text box is empty', async () => {
  const { page, errors } = await chromium.openAsReader('?lang=zh&text=');
  const figure = (await showChapter(page, 'attention')).getByTestId('context-pair');
  await figure.scrollIntoViewIfNeeded();
  await expect.poll(() => figure.getByTestId('context-pair-column').count()).toBe(2);
  const first = await figure.getByTestId('context-pair-column').first().getByTestId('context-pair-percent').allTextContents();
  expect(first).toEqual(expectedRows[0].map((row) => row.slice(row.lastIndexOf(' ') + 1)));
  expect(await figure.getByTestId('context-pair-verdict').textContent()).toContain('这两个词元的先后却颠倒了');
  await screenshotOf(figure, 'context-pair-zh-empty');
  expect(errors).toEqual([]);
});
