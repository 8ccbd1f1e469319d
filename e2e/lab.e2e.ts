import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  bodyRows,
  nameOf,
  type OpenOptions,
  PHONE,
  readerText,
  screenshot,
  screenshotOf,
  scrollsSideways,
  browserForTests,
} from './browser';
import { resolve } from 'node:path';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { labWordLabel } from '../src/app/lab/analysis';
import { EXAMPLES, LESSON_EXAMPLE } from '../src/app/lab/examples';

// The embedding lab, mounted by the workspace when the URL says view=lab.
const chromium = browserForTests();

const LAB = '?view=lab';
const sentence = '&text=' + encodeURIComponent('The king said to the');

async function openLab(query: string, options: OpenOptions = {}) {
  const opened = await chromium.open(LAB + query, options);
  await opened.page.waitForSelector('[data-lab-ready]', { timeout: 30_000 });
  return opened;
}

const cosineList = (page: Page) => page.getByRole('region', { name: 'Nearest by cosine similarity' });
const cosineWords = (page: Page) => cosineList(page).getByRole('button').allInnerTexts();
const picture = (page: Page) => page.getByRole('group', { name: nameOf('labPicture') });
const injection = (page: Page) => page.getByRole('region', { name: 'Feed the result into the model' });

/**
 * A spot `distance` px from the centre of the picture's result dot, in the first of 16 directions where the spot is
 * inside the picture, off every point's dot and label, and more than `clear` px from any other point's centre: where a
 * pointer lands that misses the dot.
 */
async function spotNearResult(page: Page, distance: number, clear: number): Promise<{ x: number; y: number }> {
  const points = await picture(page).evaluate((svg) =>
    Array.from(svg.querySelectorAll('[data-testid^="lab-point-"]'), (g) => {
      const dot = g.querySelector('circle')!.getBoundingClientRect();
      const { left, top, right, bottom } = g.getBoundingClientRect();
      return {
        result: g.getAttribute('data-testid') === 'lab-point-result',
        x: dot.x + dot.width / 2,
        y: dot.y + dot.height / 2,
        left,
        top,
        right,
        bottom,
      };
    }),
  );
  const frame = (await picture(page).boundingBox())!;
  const target = points.find((p) => p.result)!;
  for (let i = 0; i < 16; i++) {
    const spot = { x: target.x + distance * Math.cos((i * Math.PI) / 8), y: target.y + distance * Math.sin((i * Math.PI) / 8) };
    const inside = spot.x > frame.x && spot.y > frame.y && spot.x < frame.x + frame.width && spot.y < frame.y + frame.height;
    const onAPoint = points.some((p) => spot.x >= p.left && spot.x <= p.right && spot.y >= p.top && spot.y <= p.bottom);
    const nearAnother = points.some((p) => !p.result && Math.hypot(p.x - spot.x, p.y - spot.y) <= clear);
    if (inside && !onAPoint && !nearAnother) return spot;
  }
  throw new Error('every spot near the result dot is on or near another point');
}

/** Where the result's dot sits in the picture, in px from its top left corner: what zooming or panning it moves. */
async function resultInPicture(page: Page): Promise<{ x: number; y: number }> {
  // Both read at once: the page may still be scrolling.
  return picture(page).evaluate((svg) => {
    const frame = svg.getBoundingClientRect();
    const dot = svg.querySelector('[data-testid="lab-point-result"] circle')!.getBoundingClientRect();
    return { x: Math.round(dot.x - frame.x), y: Math.round(dot.y - frame.y) };
  });
}

describe('embedding lab', () => {
  it('ranks neighbours and draws the picture as the reader types', async () => {
    const { page, errors, offOrigin } = await openLab('&lang=en' + sentence);
    const input = page.getByRole('textbox', { name: 'Expression', exact: true });
    await input.fill('king - man + woman');
    await expect.poll(async () => (await cosineWords(page))[0]).toBe('queen');
    expect(await page.getByRole('region', { name: 'Largest dot product' }).getByRole('listitem').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('lab-result-strip').locator('rect[data-c]').count()).toBe(64);
    // The picture: the three inputs, the result and the arrows between the running sums.
    expect(await picture(page).getByTestId('lab-point-input').count()).toBe(3);
    expect(await picture(page).getByTestId('lab-point-result').count()).toBe(1);
    expect(await picture(page).getByTestId('lab-arrow').count()).toBe(2);
    // Clicking a neighbour adds it to the expression.
    await cosineList(page).getByRole('button').first().click();
    expect(await input.inputValue()).toBe('king - man + woman + queen');
    await screenshot(page, 'lab-desktop-en');
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });

  it('labels the picture without collisions, and gives a new expression a fresh view', async () => {
    const { page, errors } = await openLab('&lang=en');
    const input = page.getByRole('textbox', { name: 'Expression', exact: true });
    await input.fill('king - man + woman');
    const svg = picture(page);
    await expect.poll(() => picture(page).getByTestId('lab-point-result').count()).toBe(1);
    // Every label box is clear of every other label; the inputs and the result are always labelled.
    const boxes = await page
      .getByTestId(/^lab-point-/)
      .locator('text')
      .evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().toJSON()));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1))
        expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    }
    expect(await picture(page).getByTestId('lab-point-input').locator('text').count()).toBe(3);
    expect(await picture(page).getByTestId('lab-point-result').locator('text').count()).toBe(1);
    // Hover a point to read it; leave it and the readout goes back to the hint.
    const readout = page.getByTestId('lab-readout');
    const hint = await readout.innerText();
    await picture(page).getByTestId('lab-point-result').locator('circle').hover();
    await expect.poll(() => readout.innerText()).toContain('king - man + woman');
    await page.mouse.move(1, 1);
    await expect.poll(() => readout.innerText()).toBe(hint);
    // The pointer 11px from the centre of the result's dot, which is 16px across, off its label too, still reads it.
    const spot = await spotNearResult(page, 11, 30);
    await page.mouse.move(spot.x, spot.y);
    await expect.poll(() => readout.innerText()).toContain('king - man + woman');
    await page.mouse.move(1, 1);
    await expect.poll(() => readout.innerText()).toBe(hint);
    // The wheel alone scrolls the page past the picture, which keeps its view; with Ctrl it zooms the picture.
    const corner = (await svg.boundingBox())!;
    await page.mouse.move(corner.x + 10, corner.y + 10);
    const view = await resultInPicture(page);
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled);
    expect(await resultInPicture(page)).toEqual(view);
    // Zoom far in, then change the expression: the new result must be inside the picture.
    await svg.scrollIntoViewIfNeeded();
    const frame = (await svg.boundingBox())!;
    await page.mouse.move(frame.x + 10, frame.y + 10);
    await page.keyboard.down('Control');
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    expect(await resultInPicture(page)).not.toEqual(view);
    await input.fill('father - man + woman');
    await expect.poll(() => picture(page).getByTestId('lab-point-result').getAttribute('aria-label')).toContain('father - man + woman');
    await expect
      .poll(async () => {
        // Measured again: typing in the box may have scrolled the page.
        const frame = (await svg.boundingBox())!;
        const dot = (await picture(page).getByTestId('lab-point-result').locator('circle').boundingBox())!;
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
    await expect.poll(() => page.getByTestId('lab-error').innerText()).toContain('A word is missing');
    // The box is described by what is wrong with it first, then by how to write an expression.
    const description = await input.evaluate((box) =>
      (box.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' | '),
    );
    expect(description.indexOf('A word is missing')).toBe(0);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('1e999*king');
    await expect.poll(() => page.getByTestId('lab-error').innerText()).toContain('1e999');
    await input.fill('king + 😀');
    await expect.poll(() => page.getByTestId('lab-error').innerText()).toContain('😀');
    await input.fill('king - xyzzyqq');
    await expect.poll(() => page.getByTestId('lab-error').innerText()).toContain('not a single token');
    await input.fill('');
    await expect.poll(() => page.getByTestId('lab-error').innerText()).toContain('Type an expression');
    expect(await cosineList(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('makes each example chip and each clicked neighbour a step in the history, so Back brings the expression before it back', async () => {
    const { page, errors } = await openLab('&lang=en');
    const input = page.getByRole('textbox', { name: 'Expression', exact: true });
    const typed = 'king - man + woman';
    await input.fill(typed);
    const chips = page.getByRole('group', { name: 'Examples' }).getByRole('button');
    const [first, second] = [EXAMPLES[1].expression, EXAMPLES[2].expression];
    await chips.filter({ hasText: first }).click();
    await chips.filter({ hasText: second }).click();
    await expect.poll(() => input.inputValue()).toBe(second);
    await expect.poll(async () => (await cosineWords(page)).length).toBeGreaterThan(0);
    await cosineList(page).getByRole('button').first().click();
    const added = await input.inputValue();
    expect(added.startsWith(`${second} + `)).toBe(true);
    for (const before of [second, first, typed]) {
      await page.goBack();
      await expect.poll(() => input.inputValue()).toBe(before);
    }
    await page.goForward();
    await expect.poll(() => input.inputValue()).toBe(first);
    expect(new URL(page.url()).searchParams.get('view')).toBe('lab');
    await page.getByTestId('lab-lesson-example').getByRole('button').click();
    await expect.poll(() => input.inputValue()).toBe(LESSON_EXAMPLE.expression);
    await page.goBack();
    await expect.poll(() => input.inputValue()).toBe(first);
    expect(errors).toEqual([]);
  });

  it('names the pieces the lesson’s Hitler and Mussolini split into, and its button types the example, which the lab cannot answer', async () => {
    const { page, errors } = await openLab('&lang=en');
    const note = page.getByTestId('lab-lesson-example');
    const loaded = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));
    for (const name of LESSON_EXAMPLE.names) {
      const pieces = loaded.tokenizer.encode(' ' + name).map((id) => `“${labWordLabel(loaded, id)}”`);
      expect(pieces.length).toBeGreaterThan(1);
      expect(await note.innerText()).toMatch(new RegExp(`“${name}”[^“]*${pieces.join(' + ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
    await note.getByRole('button', { name: 'Type the lesson’s example' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Expression', exact: true }).inputValue()).toBe(LESSON_EXAMPLE.expression);
    await expect.poll(() => page.getByTestId('lab-error').innerText()).toContain('“Hitler” is not a single token');
    expect(await cosineList(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('injects the result and shows the prediction before and after', async () => {
    const { page, errors } = await openLab('&lang=en' + sentence + '&lab.expr=' + encodeURIComponent('king - man + woman'));
    const table = injection(page).getByRole('table');
    await bodyRows(table).first().waitFor();
    // The default position is the first input word found in the sentence: "king" at position 1.
    expect(await page.getByRole('radiogroup', { name: 'Token to replace' }).getByRole('radio', { checked: true }).innerText()).toBe('king');
    const rows = await bodyRows(table).count();
    expect(rows).toBeGreaterThan(3);
    const header = (await table.getByRole('columnheader').allInnerTexts()).join(' ');
    expect(header).toContain('Before');
    expect(header).toContain('After');
    await page.getByRole('radiogroup', { name: 'Token to replace' }).getByRole('radio', { name: 'said' }).click();
    await expect.poll(() => page.url()).toContain('lab.inject=2');
    // The ✕ chip has a name a screen reader can say, and switches injection off.
    await page.getByRole('radio', { name: 'Inject nowhere (off)' }).click();
    await expect.poll(() => injection(page).getByRole('table').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('offers a sentence where the injection shows, and Back brings the reader’s own sentence again', async () => {
    const { page, errors } = await openLab('&lang=en' + sentence + '&lab.expr=' + encodeURIComponent('boy - man + woman'));
    const example = injection(page).getByTestId('inject-example');
    expect(await example.textContent()).toContain('‘He saw the king and’');
    await example.getByRole('button', { name: 'Use that sentence (Back brings yours back)' }).click();
    await expect.poll(() => readerText(page).inputValue()).toBe('He saw the king and');
    await expect.poll(() => new URL(page.url()).searchParams.get('lab.expr')).toBe('king - man + woman');
    await expect.poll(() => injection(page).getByTestId('inject-example').count()).toBe(0);
    const row = (word: string) => bodyRows(injection(page).getByRole('table')).filter({ hasText: word }).first();
    // ␣her rises: the change column shows a plus.
    await expect.poll(() => row('␣her').getByTestId('shift-delta').textContent()).toMatch(/^\+/);
    await page.goBack();
    await expect.poll(() => readerText(page).inputValue()).toBe('The king said to the');
    expect(errors).toEqual([]);
  });

  it('an empty word box asks for a word instead of showing the space token’s neighbours', async () => {
    const { page, errors } = await openLab('&lang=en' + sentence);
    const moveWord = page.getByLabel('Word to move');
    await expect.poll(() => page.getByRole('region', { name: 'Nearest to the moved vector' }).count()).toBe(1);
    await moveWord.fill('');
    await expect.poll(() => page.getByRole('region', { name: 'Directions' }).getByText('Type a word here.').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Nearest to the moved vector' }).count()).toBe(0);
    expect(await moveWord.inputValue()).toBe('');
    // A cleared half of a word pair stays cleared and is named as missing, rather than snapping back to the default.
    const dotTo = page.getByLabel('The same for two rows of W_e: to');
    await dotTo.fill('');
    await expect.poll(() => page.getByTestId('lab-word-dot').getByText('Type a word here.').count()).toBe(1);
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
    expect(await cosineList(page).getByText('input', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('lets the keyboard move a dot-product arrow and flips the sign', async () => {
    const { page } = await openLab('&lang=en');
    const a = page.getByRole('slider', { name: 'Arrow a' });
    await a.focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowLeft');
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => page.getByTestId('lab-sign').innerText()).toContain('Negative');
    // The arrows are lab state too: the link brings them back.
    await expect.poll(() => new URL(page.url()).searchParams.get('lab.vec')).toBe('-2,-3,0.5,2');
    const again = await page.context().newPage();
    await again.goto(page.url());
    await again.waitForSelector('[data-model-ready]');
    await expect.poll(() => again.getByTestId('lab-sign').innerText()).toContain('Negative');
  });

  it('draws two rows’ products from the top of their picture to its bottom, with no empty band', async () => {
    const { page, errors } = await openLab('&lang=en');
    const bars = page.getByTestId('lab-word-dot').getByRole('img');
    await bars.scrollIntoViewIfNeeded();
    // king · queen has products of both signs: the tallest reaches the top, the deepest the bottom.
    const gaps = await bars.evaluate((svg) => {
      const frame = svg.getBoundingClientRect();
      const rects = [...svg.querySelectorAll('rect')].map((r) => r.getBoundingClientRect());
      return { top: Math.min(...rects.map((r) => r.top)) - frame.top, bottom: frame.bottom - Math.max(...rects.map((r) => r.bottom)) };
    });
    expect(gaps.top).toBeLessThanOrEqual(3);
    expect(gaps.bottom).toBeLessThanOrEqual(3);
    await screenshotOf(page.getByTestId('lab-word-dot'), 'lab-word-dot');
    expect(errors).toEqual([]);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`fits a phone without sideways scrolling (${lang})`, async () => {
      const { page, errors } = await openLab(`&lang=${lang}` + sentence, {
        viewport: PHONE,
        touch: true,
        locale: lang === 'zh' ? 'zh-CN' : 'en-US',
      });
      await picture(page).waitFor();
      await screenshot(page, `lab-phone-${lang}`);
      expect(await scrollsSideways(page)).toBe(false);
      // The hint speaks of fingers, and one finger swiping up over the picture scrolls the page, which keeps its view.
      expect(await page.getByTestId('lab-readout').innerText()).toMatch(nameOf('labZoomHintTouch'));
      await picture(page).scrollIntoViewIfNeeded();
      const view = await resultInPicture(page);
      const scrolled = await page.evaluate(() => window.scrollY);
      const frame = (await picture(page).boundingBox())!;
      const [x, y] = [frame.x + frame.width / 2, frame.y + frame.height * 0.8];
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 15 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled + 50);
      expect(await resultInPicture(page)).toEqual(view);
      expect(errors).toEqual([]);
    });
  }

  it('reads in Chinese on a desktop', async () => {
    const { page } = await openLab('&lang=zh' + sentence);
    await picture(page).waitFor();
    expect(await page.getByText('余弦相似度最高的词').count()).toBe(1);
    await screenshot(page, 'lab-desktop-zh');
  });
});
