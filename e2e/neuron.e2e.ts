import { expect, it } from 'vitest';
import { resolve } from 'node:path';
import { describeOnScreens, scrollsSideways, browserForTests, showChapter } from './browser';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { readNeuron } from '../src/core/neuron';
import { tokenLabel } from '../src/viz/format';

// Chapter 6's neuron reader: pick a neuron, read what it writes, on a desktop and on a phone. The expected
// tokens are computed here in Node from the same model files the page loads.
const { model, tokenizer } = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));

const chromium = browserForTests();

describeOnScreens('the neuron reader', (screen) => {
  it('reads the picked neuron’s top written tokens, and refuses a neuron the layer does not have', async () => {
    const { page, errors } = await chromium.openAsReader('?lang=en&text=The%20king%20said%20that&layer=1', screen.options);
    const figure = await showChapter(page, 'mlp');
    await figure.scrollIntoViewIfNeeded();
    const buttons = figure.getByTestId('top-neurons').getByRole('button');
    await expect.poll(() => buttons.count()).toBeGreaterThan(1);
    const second = buttons.nth(1);
    const neuron = Number(((await second.textContent()) ?? '').replace(/\D/g, ''));
    await screen.press(second);
    await expect.poll(() => second.getAttribute('aria-pressed')).toBe('true');

    const layer = 1; // the link's layer=1 counts from 0: the second layer
    const expected = readNeuron(model, layer, neuron, 6).up.map((r) => tokenLabel(tokenizer, r.index));
    const writes = figure.getByTestId('neuron-writes-up');
    await expect.poll(() => writes.textContent()).toContain(`${expected[0]} (+`);
    // Each token in a chip of its own, so that punctuation (":", "),") is not read as part of the list.
    expect(await writes.getByTestId('neuron-token').allTextContents()).toEqual(expected);

    // Neurons are numbered from 0 and layers from 1 here, and the figure says so.
    expect(await figure.getByTestId('gelu-caption').textContent()).toContain('neurons from 0');
    const input = figure.getByRole('textbox', { name: 'Read neuron number' });
    await input.fill('99999');
    await expect.poll(() => figure.getByTestId('neuron-out-of-range').textContent()).toContain('from 0 to');
    expect(await figure.getByTestId('neuron-out-of-range').textContent()).toContain(`still neuron ${neuron}’s`);
    // Leaving the box keeps what was typed, and its message, until the reader changes it.
    await input.blur();
    expect(await input.inputValue()).toBe('99999');
    expect(await figure.getByTestId('neuron-out-of-range').count()).toBe(1);
    expect(await writes.getByTestId('neuron-token').allTextContents()).toEqual(expected);
    // Another neuron picked from the list replaces it, and it does not come back with the neuron it was typed over.
    const first = buttons.nth(0);
    const firstNeuron = Number(((await first.textContent()) ?? '').replace(/\D/g, ''));
    await screen.press(first);
    await expect.poll(() => input.inputValue()).toBe(String(firstNeuron));
    expect(await figure.getByTestId('neuron-out-of-range').count()).toBe(0);
    await screen.press(second);
    await expect.poll(() => input.inputValue()).toBe(String(neuron));
    expect(await figure.getByTestId('neuron-out-of-range').count()).toBe(0);
    await input.fill('5');
    const five = readNeuron(model, layer, 5, 6).up.map((r) => tokenLabel(tokenizer, r.index));
    await expect.poll(() => writes.textContent()).toContain(`${five[0]} (+`);
    expect(await scrollsSideways(page)).toBe(false);
    expect(errors).toEqual([]);
  });
});
