import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, PHONE, screenshot, scrollsSideways } from './browser';

// The embedding lab, mounted by the workspace when the URL says view=lab.
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const LAB = '?view=lab';
const sentence = '&text=' + encodeURIComponent('The king said to the');

async function openLab(query: string, options: Parameters<typeof openApp>[2] = {}) {
  const opened = await openApp(browser, LAB + query, options);
  await opened.page.waitForSelector('[data-lab-ready]', { timeout: 30_000 });
  return opened;
}

const cosineWords = (page: Page) => page.locator('.lab-cosine li .lab-word').allInnerTexts();

describe('embedding lab', () => {
  it('ranks neighbours and draws the picture as the reader types', async () => {
    const { page, errors, offOrigin } = await openLab('&lang=en' + sentence);
    const input = page.getByRole('textbox', { name: 'Expression', exact: true });
    await input.fill('king - man + woman');
    await expect.poll(async () => (await cosineWords(page))[0]).toBe('queen');
    expect(await page.locator('.lab-dot li').count()).toBeGreaterThan(3);
    expect(await page.locator('[data-testid="lab-result-strip"] rect.cell').count()).toBe(64);
    // The picture: the three inputs, the result and the arrows between the running sums.
    expect(await page.locator('.lab-plane .lab-point.lab-input').count()).toBe(3);
    expect(await page.locator('.lab-plane .lab-point.lab-result').count()).toBe(1);
    expect(await page.locator('.lab-plane line.lab-arrow').count()).toBe(2);
    // Clicking a neighbour adds it to the expression.
    await page.locator('.lab-cosine li .lab-word').first().click();
    expect(await input.inputValue()).toBe('king - man + woman + queen');
    await screenshot(page, 'lab-desktop-en');
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });

  it('labels the picture without collisions, and gives a new expression a fresh view', async () => {
    const { page, errors } = await openLab('&lang=en');
    const input = page.getByRole('textbox', { name: 'Expression', exact: true });
    await input.fill('king - man + woman');
    const svg = page.locator('.lab-plane-svg');
    await expect.poll(() => page.locator('.lab-plane .lab-point.lab-result').count()).toBe(1);
    // Every label box is clear of every other label; the inputs and the result are always labelled.
    const boxes = await page
      .locator('.lab-plane .lab-point text')
      .evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().toJSON()));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1))
        expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    }
    expect(await page.locator('.lab-plane .lab-point.lab-input text').count()).toBe(3);
    expect(await page.locator('.lab-plane .lab-point.lab-result text').count()).toBe(1);
    // Hover a point to read it; leave it and the readout goes back to the hint.
    const readout = page.locator('.lab-plane .lab-readout');
    const hint = await readout.innerText();
    await page.locator('.lab-plane .lab-point.lab-result circle').hover();
    await expect.poll(() => readout.innerText()).toContain('king - man + woman');
    await page.mouse.move(1, 1);
    await expect.poll(() => readout.innerText()).toBe(hint);
    // Zoom far in, then change the expression: the new result must be inside the picture.
    const corner = (await svg.boundingBox())!;
    await page.mouse.move(corner.x + 10, corner.y + 10);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
    await input.fill('father - man + woman');
    await expect.poll(() => page.locator('.lab-plane .lab-point.lab-result').getAttribute('aria-label')).toContain('father - man + woman');
    await expect
      .poll(async () => {
        // Measured again: typing in the box may have scrolled the page.
        const frame = (await svg.boundingBox())!;
        const dot = (await page.locator('.lab-plane .lab-point.lab-result circle').boundingBox())!;
        return (
          dot.x >= frame.x && dot.y >= frame.y && dot.x + dot.width <= frame.x + frame.width && dot.y + dot.height <= frame.y + frame.height
        );
      })
      .toBe(true);
    expect(errors).toEqual([]);
  });

  it('explains a bad expression and a word that is not one token, without crashing', async () => {
    const { page, errors } = await openLab('&lang=en');
    const input = page.getByRole('textbox', { name: 'Expression', exact: true });
    await input.fill('king - - man');
    await expect.poll(() => page.locator('.lab-error').innerText()).toContain('A word is missing');
    await input.fill('1e999*king');
    await expect.poll(() => page.locator('.lab-error').innerText()).toContain('1e999');
    await input.fill('king + 😀');
    await expect.poll(() => page.locator('.lab-error').innerText()).toContain('😀');
    await input.fill('king - xyzzyqq');
    await expect.poll(() => page.locator('.lab-error').innerText()).toContain('not a single token');
    await input.fill('');
    await expect.poll(() => page.locator('.lab-error').innerText()).toContain('Type an expression');
    expect(await page.locator('.lab-cosine').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('injects the result and shows the prediction before and after', async () => {
    const { page, errors } = await openLab('&lang=en' + sentence + '&lab.expr=' + encodeURIComponent('king - man + woman'));
    await page.waitForSelector('.shift-table tbody tr');
    // The default position is the first input word found in the sentence: "king" at position 1.
    expect(await page.locator('.lab-positions [aria-checked="true"]').innerText()).toBe('king');
    const rows = await page.locator('.shift-table tbody tr').count();
    expect(rows).toBeGreaterThan(3);
    const header = await page.locator('.shift-table thead').innerText();
    expect(header).toContain('Before');
    expect(header).toContain('After');
    await page.locator('.lab-positions button', { hasText: 'said' }).click();
    await expect.poll(() => page.url()).toContain('lab.inject=2');
    // The ✕ chip has a name a screen reader can say, and switches injection off.
    await page.getByRole('radio', { name: 'Inject nowhere (off)' }).click();
    await expect.poll(() => page.locator('.lab-injection .shift-table').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('an empty word box asks for a word instead of showing the space token’s neighbours', async () => {
    const { page, errors } = await openLab('&lang=en' + sentence);
    const moveWord = page.getByLabel('Word to move');
    await expect.poll(() => page.getByRole('region', { name: 'Nearest to the moved vector' }).count()).toBe(1);
    await moveWord.fill('');
    await expect.poll(() => page.locator('.lab-directions').getByText('Type a word here.').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Nearest to the moved vector' }).count()).toBe(0);
    expect(await moveWord.inputValue()).toBe('');
    // A cleared half of a word pair stays cleared and is named as missing, rather than snapping back to the default.
    const dotTo = page.getByLabel('The same for two rows of W_e: to');
    await dotTo.fill('');
    await expect.poll(() => page.locator('.lab-word-dot').getByText('Type a word here.').count()).toBe(1);
    expect(await dotTo.inputValue()).toBe('');
    expect(errors).toEqual([]);
  });

  it('restores the lab from the URL after a reload', async () => {
    const { page } = await openLab('&lang=en' + sentence);
    await page.getByRole('textbox', { name: 'Expression', exact: true }).fill('2*queen - king');
    await page.getByLabel('Include the input words').check();
    await page.getByRole('radio', { name: 'Chosen directions' }).click();
    await expect.poll(() => page.url()).toContain('lab.axes=pairs');
    await page.reload();
    await page.waitForSelector('[data-lab-ready]');
    expect(await page.getByRole('textbox', { name: 'Expression', exact: true }).inputValue()).toBe('2*queen - king');
    expect(await page.getByLabel('Include the input words').isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Chosen directions' }).getAttribute('aria-checked')).toBe('true');
    expect(await page.locator('.lab-cosine .is-input').count()).toBeGreaterThan(0);
  });

  it('lets the keyboard move a dot-product arrow and flips the sign', async () => {
    const { page } = await openLab('&lang=en');
    const a = page.getByRole('slider', { name: 'Arrow a' });
    await a.focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowLeft');
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => page.locator('.lab-sign').innerText()).toContain('Negative');
    // The arrows are lab state too: the link brings them back.
    await expect.poll(() => new URL(page.url()).searchParams.get('lab.vec')).toBe('-2,-3,0.5,2');
    const again = await page.context().newPage();
    await again.goto(page.url());
    await again.waitForSelector('[data-model-ready]');
    await expect.poll(() => again.locator('.lab-sign').innerText()).toContain('Negative');
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`fits a phone without sideways scrolling (${lang})`, async () => {
      const { page, errors } = await openLab(`&lang=${lang}` + sentence, { viewport: PHONE, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
      await page.waitForSelector('.lab-plane');
      await screenshot(page, `lab-phone-${lang}`);
      expect(await scrollsSideways(page)).toBe(false);
      expect(errors).toEqual([]);
    });
  }

  it('reads in Chinese on a desktop', async () => {
    const { page } = await openLab('&lang=zh' + sentence);
    await page.waitForSelector('.lab-plane');
    expect(await page.getByText('余弦相似度最高的词').count()).toBe(1);
    await screenshot(page, 'lab-desktop-zh');
  });
});
