import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { modelFromFiles } from '../src/core/bundle';
import { configToJson, parameterCounts } from '../src/core/checkpoint';
import type { GPTConfig } from '../src/core/config';
import { forward } from '../src/core/gpt';
import { lastProbs } from '../src/core/trace';
import { tokenLabel } from '../src/viz/format';
import { readModelDir } from '../scripts/lib/model-dir';
import { writeGpt2ShapedCheckpoint } from '../scripts/test-checkpoint/gpt2-shaped';
import { serveStatic } from '../scripts/lib/staticServer';
import {
  bodyRows,
  computeNote,
  openFolder,
  PHONE,
  predictionRows,
  readerText,
  scrollsSideways,
  browserForTests,
  showChapter,
  showEverything,
  showPart,
} from './browser';

// Opening a model from disk: the GPT-2-shaped test checkpoint (GPT-2's vocabulary, 12 layers, random
// weights) through the folder picker, a cancelled open, and each kind of bad folder, which must leave
// the tiny model running and the reader's text as it was.

const TEXT = 'The king said that the queen';
const chromium = browserForTests();
let root: string;
let good: string;
let expectedTop: string;
let checkpointParameters: number;
const bad: Record<string, string> = {};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'open-model-e2e-'));
  good = join(root, 'gpt2-shaped');
  writeGpt2ShapedCheckpoint(good);
  // What the page should predict, from the same files in Node.
  const loaded = modelFromFiles(readModelDir(good));
  const probs = lastProbs(forward(loaded.model, loaded.tokenizer.encode(TEXT), { logitRows: 'last' }));
  expectedTop = tokenLabel(loaded.tokenizer, probs.indexOf(Math.max(...probs)));
  checkpointParameters = parameterCounts(loaded.model).reduce((sum, t) => sum + t.count, 0);

  const variant = (name: string, change: (dir: string) => void) => {
    const dir = join(root, name);
    mkdirSync(dir);
    for (const file of ['config.json', 'model.safetensors', 'vocab.json', 'merges.txt']) copyFileSync(join(good, file), join(dir, file));
    change(dir);
    bad[name] = dir;
  };
  variant('no-merges', (dir) => rmSync(join(dir, 'merges.txt')));
  variant('empty-vocab', (dir) => writeFileSync(join(dir, 'vocab.json'), ''));
  variant('llama', (dir) =>
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ architectures: ['LlamaForCausalLM'], model_type: 'llama', hidden_size: 4096 }),
    ),
  );
  variant('wrong-width', (dir) => {
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, n_embd: 96 }));
  });
  variant('truncated', (dir) => {
    const bytes = readFileSync(join(dir, 'model.safetensors'));
    writeFileSync(join(dir, 'model.safetensors'), bytes.subarray(0, bytes.length - 4096));
  });
  variant('gpt2-xl', (dir) => {
    const xl: GPTConfig = { ...loaded.model.config, nPositions: 1024, nEmbd: 1600, nLayer: 48, nHead: 25 };
    writeFileSync(join(dir, 'config.json'), configToJson(xl));
    writeFileSync(join(dir, 'model.safetensors'), headerOnly(xl));
  });
}, 600_000);

afterAll(async () => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A safetensors file with GPT-2 XL's header and none of its 3 GB of F16 data. */
function headerOnly(config: GPTConfig): Uint8Array {
  const C = config.nEmbd;
  const shapes: [string, number[]][] = [
    ['wte.weight', [config.vocabSize, C]],
    ['wpe.weight', [config.nPositions, C]],
    ['ln_f.weight', [C]],
    ['ln_f.bias', [C]],
  ];
  for (let l = 0; l < config.nLayer; l++) {
    for (const [name, shape] of [
      ['ln_1.weight', [C]],
      ['ln_1.bias', [C]],
      ['attn.c_attn.weight', [C, 3 * C]],
      ['attn.c_attn.bias', [3 * C]],
      ['attn.c_proj.weight', [C, C]],
      ['attn.c_proj.bias', [C]],
      ['ln_2.weight', [C]],
      ['ln_2.bias', [C]],
      ['mlp.c_fc.weight', [C, 4 * C]],
      ['mlp.c_fc.bias', [4 * C]],
      ['mlp.c_proj.weight', [4 * C, C]],
      ['mlp.c_proj.bias', [C]],
    ] as [string, number[]][]) {
      shapes.push([`h.${l}.${name}`, shape]);
    }
  }
  const header: Record<string, unknown> = {};
  let offset = 0;
  for (const [name, shape] of shapes) {
    const bytes = 2 * shape.reduce((a, b) => a * b, 1);
    header[name] = { dtype: 'F16', shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 8);
  return out;
}

/** What the reader sees at the top of the page (header, model bar, text and prediction), under test-results/. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: resolve(import.meta.dirname, '../test-results', `${name}.png`) });
}

const modelName = (page: Page) => page.getByTestId('model-name').textContent();
const problem = (page: Page) => page.getByTestId('model-problem');

/** Open a bad folder and read the message; the tiny model, its prediction and the text must stay. */
async function messageFor(page: Page, dir: string, kind: string): Promise<string> {
  await openFolder(page, dir);
  await expect.poll(() => problem(page).getAttribute('data-problem'), { timeout: 30_000 }).toBe(kind);
  const message = (await problem(page).locator('p').textContent()) ?? '';
  expect(await modelName(page)).toBe('tiny');
  expect(await readerText(page).inputValue()).toBe(TEXT);
  expect(await predictionRows(page).count()).toBeGreaterThan(3);
  return message;
}

/** The pass workers (model/passWorker.worker.ts) the page starts from now on, and whether each still runs. */
function passWorkers(page: Page): { state: 'running' | 'closed' }[] {
  const found: { state: 'running' | 'closed' }[] = [];
  page.on('worker', (worker) => {
    if (!worker.url().includes('passWorker')) return;
    const entry = { state: 'running' as 'running' | 'closed' };
    found.push(entry);
    worker.on('close', () => (entry.state = 'closed'));
  });
  return found;
}

/** Open the GPT-2-shaped folder on a page isolated or not, and check its passes run in a worker and predict as in Node. */
async function predictsInWorker(page: Page, errors: string[], isolated: boolean): Promise<void> {
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(isolated);
  const workers = passWorkers(page);
  await openFolder(page, good);
  await expect.poll(() => modelName(page), { timeout: 30_000 }).toBe('gpt2-shaped');
  await expect.poll(() => workers.map((w) => w.state)).toEqual(['running']);
  await expect.poll(() => predictionRows(page).first().getByTestId('token-chip').textContent(), { timeout: 10_000 }).toBe(expectedTop);
  expect(errors).toEqual([]);
}

describe('opening a model from disk', () => {
  it('says what is wrong with each bad folder, and keeps the tiny model and the text', async () => {
    const { page, errors } = await chromium.openAsReader(`?lang=en&text=${encodeURIComponent(TEXT)}`);
    expect(await modelName(page)).toBe('tiny');
    const topBefore = await predictionRows(page).first().textContent();
    const stillRunning = 'The page still runs ‘tiny’, and your text is as you left it.';
    expect(await messageFor(page, bad['no-merges'], 'missing')).toBe(
      'Not opened: merges.txt is not among the files you chose. A GPT-2 folder holds config.json, model.safetensors, vocab.json and merges.txt; choose the folder, or all four files at once. ' +
        stillRunning,
    );
    expect(await messageFor(page, bad.llama, 'notGpt2')).toMatch(/^Not opened: its config\.json describes a ‘llama’ model, not GPT-2/);
    expect(await messageFor(page, bad['wrong-width'], 'shapes')).toMatch(
      /^Not opened: the weights in model\.safetensors do not have the shapes/,
    );
    await problem(page).getByText('Technical details').click();
    expect(await problem(page).locator('code').textContent()).toBe(
      'model.safetensors: config.json says n_embd 96 but wte.weight has 48 columns',
    );
    expect(await messageFor(page, bad.truncated, 'truncated')).toMatch(
      /^Not opened: model\.safetensors is cut short\. Its header describes (\d{1,3}(,\d{3})+) bytes, but the file has (\d{1,3}(,\d{3})+)\./,
    );
    // A file that cannot be read is named in the headline, not only in the technical details.
    expect(await messageFor(page, bad['empty-vocab'], 'unreadable')).toBe(
      'Not opened: ‘vocab.json’ could not be read as part of a GPT-2 model. ' + stillRunning,
    );
    expect(await messageFor(page, bad['gpt2-xl'], 'tooBig')).toMatch(
      /^Not opened: this model has 1\.56B parameters, 6\.23 GB as 32-bit floats, more than this page asks a browser for \(\d\.\d+ GB\)\./,
    );
    await screenshot(page, 'open-model-too-big-desktop');
    await problem(page).getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => problem(page).count()).toBe(0);
    expect(await predictionRows(page).first().textContent()).toBe(topBefore);
    expect(errors).toEqual([]);
  });

  it('takes files dropped onto the page', async () => {
    const { page, errors } = await chromium.openAsReader(`?lang=en&text=${encodeURIComponent(TEXT)}`);
    const config = readFileSync(join(good, 'config.json'), 'utf8');
    // A config.json alone, dropped anywhere: the page names the three files it still needs.
    await page.evaluate((text) => {
      const dropped = new DataTransfer();
      dropped.items.add(new File([text], 'config.json', { type: 'application/json' }));
      const target = document.querySelector('main') ?? document.body;
      target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dropped }));
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dropped }));
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dropped }));
    }, config);
    await expect.poll(() => problem(page).getAttribute('data-problem'), { timeout: 30_000 }).toBe('missing');
    expect(await problem(page).locator('p').textContent()).toMatch(
      /^Not opened: model\.safetensors, vocab\.json and merges\.txt are not among the files you chose\./,
    );
    expect(await readerText(page).inputValue()).toBe(TEXT);
    expect(errors).toEqual([]);
  });

  it('can be cancelled while model.safetensors is read, and nothing changes', async () => {
    const { page, errors } = await chromium.openAsReader(`?lang=en&text=${encodeURIComponent(TEXT)}`);
    // Every read of a piece of a file waits a little, so the open is still going when Cancel is pressed.
    await page.evaluate(() => {
      const read = Blob.prototype.arrayBuffer;
      Blob.prototype.arrayBuffer = function (this: Blob) {
        return new Promise((done) => setTimeout(done, 150)).then(() => read.call(this));
      };
    });
    await openFolder(page, good);
    const progress = page.getByTestId('model-progress');
    await expect
      .poll(() => progress.textContent(), { timeout: 30_000 })
      .toMatch(/Reading model\.safetensors: .+ of 11(\.\d+)? MB, [1-9]\d* of 148 tensors/);
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => progress.count()).toBe(0);
    expect(await modelName(page)).toBe('tiny');
    expect(await problem(page).count()).toBe(0);
    expect(await readerText(page).inputValue()).toBe(TEXT);
    expect(errors).toEqual([]);
  });

  for (const [size, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`opens the GPT-2-shaped folder through the picker and predicts with it (${size})`, async () => {
      const { page, errors, offOrigin } = await chromium.open(`?lang=en&view=lab&step=5&text=${encodeURIComponent(TEXT)}`, { viewport });
      const workers = passWorkers(page);
      await openFolder(page, good);
      await expect.poll(() => modelName(page), { timeout: 30_000 }).toBe('gpt2-shaped');
      // Its passes run off the page's thread, in a worker started for it.
      await expect.poll(() => workers.map((w) => w.state)).toEqual(['running']);
      expect(await page.getByTestId('model-bar').textContent()).toContain('12 layers, 48 numbers per token, 50,257 tokens');
      await expect.poll(() => predictionRows(page).first().getByTestId('token-chip').textContent(), { timeout: 10_000 }).toBe(expectedTop);
      await expect.poll(() => computeNote(page).textContent()).toMatch(/ tokens through 12 layers in /);
      expect(await readerText(page).inputValue()).toBe(TEXT);
      await expect.poll(() => new URL(page.url()).searchParams.get('model')).toBe('gpt2-shaped');
      // The view and the stepper's stage are the reader's, kept across the change of model.
      expect(new URL(page.url()).searchParams.get('view')).toBe('lab');
      expect(new URL(page.url()).searchParams.get('step')).toBe('5');
      expect(await page.getByTestId('view-lab').getAttribute('aria-pressed')).toBe('true');
      expect(await scrollsSideways(page)).toBe(false);
      // The lab's before-and-after table records the tiny model's starting W_e only, so it says so instead.
      await expect
        .poll(() => page.getByTestId('we-before-after').first().textContent())
        .toContain('gpt2-shaped was not trained here and ships no record of its W_e before training');
      await screenshot(page, `open-model-${size}`);
      // Back to the tiny model: its own prediction again, and the address no longer names a model.
      await page.getByRole('button', { name: 'Back to the tiny model' }).click();
      await expect.poll(() => modelName(page)).toBe('tiny');
      await expect.poll(() => workers.map((w) => w.state)).toEqual(['closed']);
      await expect.poll(() => new URL(page.url()).searchParams.get('model')).toBe(null);
      await expect.poll(() => page.getByTestId('we-before-after').first().textContent()).toContain('before training');
      await expect.poll(() => page.getByTestId('we-before').first().textContent()).toContain('queen');
      expect(errors).toEqual([]);
      expect(offOrigin).toEqual([]);
    });
  }

  it('shares the weights with its worker on this cross-origin isolated page, so a device with room for them once (not twice) still runs the passes there', async () => {
    const bytes = 4 * checkpointParameters;
    // The page asks for at most a quarter of what the device reports: here 1.5 times the weights.
    const deviceMemoryGb = (6 * bytes) / 2 ** 30;
    const { page, errors } = await chromium.openAsReader(`?lang=en&text=${encodeURIComponent(TEXT)}`, {
      initScript: `Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => ${deviceMemoryGb} })`,
    });
    await predictsInWorker(page, errors, true);
  });

  /** The build served as a static host serves it, with or without the headers of its _headers file. */
  async function predictsOnStaticHost(readHeadersFile: boolean): Promise<void> {
    const { server, url } = await serveStatic(inject('distDir'), { readHeadersFile });
    try {
      const { page, errors } = await chromium.openAsReader(`?lang=en&text=${encodeURIComponent(TEXT)}`, { baseUrl: url });
      await predictsInWorker(page, errors, readHeadersFile);
    } finally {
      // The page's keep-alive connections would hold close() open until its context ends, after the test.
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  }

  it('gives its worker a copy of the weights on a host that does not isolate the page', () => predictsOnStaticHost(false));

  it('shares the weights with its worker on a static host that reads the build’s _headers file', () => predictsOnStaticHost(true));

  it('runs the chapters and the deeper section on the GPT-2-shaped model: its tokens beside the tiny model’s, one layer’s heads at a time, its own parameter count', async () => {
    const { page, errors } = await chromium.openAsReader(`?lang=en&text=${encodeURIComponent(TEXT)}`);
    await openFolder(page, good);
    await expect.poll(() => modelName(page), { timeout: 30_000 }).toBe('gpt2-shaped');
    expect(await page.getByTestId('other-model-chapters').textContent()).toMatch(/^With ‘gpt2-shaped’ open, every figure/);
    // GPT-2's vocabulary beside GPT-2's would be the same twice: the tiny model's tokens are the comparison.
    const tokens = await showChapter(page, 'tokens');
    await expect.poll(() => tokens.textContent()).toContain('The tokens of ‘gpt2-shaped’');
    expect(await tokens.textContent()).toContain('The tiny model’s tokens');
    expect(await tokens.textContent()).toContain('the tiny model’s vocabulary: 8,192 tokens');

    const deeper = await showPart(page, 'deeper');
    const ablation = deeper.getByRole('region', { name: 'Switch parts of the model off' });
    await ablation.getByTestId('layer-picker').getByRole('button', { name: 'Layer 7', exact: true }).click();
    expect(await ablation.getByTestId(/^ablate-h/).count()).toBe(12); // one layer's heads, not all 144
    await ablation.getByTestId('ablate-h6.2').click();
    await expect.poll(() => ablation.getByTestId('ablation-compare').count()).toBe(1);
    await ablation.getByTestId('layer-picker').getByRole('button', { name: 'Layer 1', exact: true }).click();
    expect(await ablation.getByTestId('ablation-off-elsewhere').textContent()).toBe('Also off, in other layers: L7H3');
    await expect.poll(() => new URL(page.url()).searchParams.get('out.ablate')).not.toBe(null);

    const counter = deeper.getByRole('region', { name: 'Where the parameters are' });
    const chosen = counter.getByTestId('params-model').locator('option:checked');
    expect(await chosen.textContent()).toBe('The open model, ‘gpt2-shaped’ (from its checkpoint)');
    expect(await counter.getByTestId('params-total').textContent()).toContain(checkpointParameters.toLocaleString('en-US'));
    // Every chapter and the stepper drawn for this model too, and none of them wider than the page.
    await showEverything(page);
    expect(await scrollsSideways(page)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('does arithmetic on the GPT-2-shaped model’s own W_e, injects the result, and generates from it, in its worker', async () => {
    const lab = `?lang=en&view=lab&lab.expr=${encodeURIComponent('king - man + woman')}&out.t=0&out.eot=continue&text=${encodeURIComponent(TEXT)}`;
    const { page, errors } = await chromium.openAsReader(lab);
    await openFolder(page, good);
    await expect.poll(() => modelName(page), { timeout: 30_000 }).toBe('gpt2-shaped');
    // Its 50,257 rows are searched (the weights are random, so which words come first says nothing), and the
    // result is drawn whole: 48 numbers.
    const nearest = page.getByRole('region', { name: 'Nearest by cosine similarity' }).getByRole('button');
    await expect.poll(() => nearest.count()).toBeGreaterThan(3);
    expect(await page.getByTestId('lab-result-strip').locator('rect[data-c]').count()).toBe(48);
    // Injected in place of “king”, the pass in the worker gives a prediction after it beside the one before.
    const injected = page.getByRole('region', { name: 'Feed the result into the model' }).getByRole('table');
    await expect.poll(() => bodyRows(injected).count(), { timeout: 20_000 }).toBeGreaterThan(3);
    expect((await injected.getByRole('columnheader').allInnerTexts()).join(' ')).toMatch(/Before.*After/);

    // At temperature 0 the first token generated is the model's most likely next token, as computed in Node.
    await page.getByTestId('view-read').click();
    await showChapter(page, 'generation');
    const generate = page.getByTestId('generate-one');
    await generate.scrollIntoViewIfNeeded();
    await generate.click();
    await expect.poll(() => readerText(page).inputValue(), { timeout: 20_000 }).not.toBe(TEXT);
    const generated = page.getByTestId('generated-run').getByTestId('generated-chip');
    await expect.poll(() => generated.count()).toBe(1);
    expect(await generated.first().textContent()).toBe(expectedTop);
    expect(errors).toEqual([]);
  });

  it('opens a link made with another model on the tiny model, and says which model made it (Chinese, phone)', async () => {
    const { page, errors } = await chromium.openAsReader(`?lang=zh&model=gpt2-shaped&text=${encodeURIComponent(TEXT)}`, {
      viewport: PHONE,
    });
    expect(await modelName(page)).toBe('tiny');
    expect(await page.getByTestId('model-link-note').textContent()).toBe(
      '这个链接是在模型“gpt2-shaped”上生成的。链接总是用“tiny”打开，所以这里的数字可能和发送者看到的不同；打开“gpt2-shaped”的文件，就能看到他们看到的结果。',
    );
    await expect.poll(() => new URL(page.url()).searchParams.get('model')).toBe(null);
    expect(await messageFor(page, bad['gpt2-xl'], 'tooBig')).toMatch(
      /^打开失败：这个模型有 15\.6 亿个参数，按 32 位浮点数存放需要 6\.23 GB/,
    );
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'open-model-zh-phone');
    expect(errors).toEqual([]);
  });

  it('opens a folder from an address on another server, only after saying what it will fetch, and names a server it cannot reach', async () => {
    const { server, url, requests } = await serveWithCors(root);
    try {
      const { page, errors, offOrigin } = await chromium.openAsReader(`?lang=en&text=${encodeURIComponent(TEXT)}`);
      // Folded away until the reader asks for it.
      expect(await page.getByTestId('model-url').isVisible()).toBe(false);
      await page.getByText('Open another model: GPT-2 from your computer or the web').click();
      const form = page.getByTestId('model-url');
      await form.getByLabel('Or the address of a folder on the web').fill('gpt2-shaped');
      await form.getByRole('button', { name: 'Open from the address' }).click();
      await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/^That is not a web address/);
      // The page's own site is not outside it, and the question says so.
      const ownSite = new URL(page.url()).origin;
      await form.getByLabel('Or the address of a folder on the web').fill(`${ownSite}/models/tiny/`);
      await form.getByRole('button', { name: 'Open from the address' }).click();
      expect(await page.getByTestId('model-url-ask').locator('p').textContent()).toContain(
        `from ${new URL(ownSite).host}, this page’s own site,`,
      );
      expect(await page.getByTestId('model-url-ask').textContent()).not.toContain('outside its own site');
      await form.getByLabel('Or the address of a folder on the web').fill(`${url}gpt2-shaped/config.json`);
      await form.getByRole('button', { name: 'Open from the address' }).click();
      const ask = page.getByTestId('model-url-ask');
      expect(await ask.textContent()).toContain(
        `This fetches config.json, vocab.json, merges.txt and model.safetensors from ${new URL(url).host}. It is the only request this page ever makes outside its own site`,
      );
      expect(await ask.locator('code').textContent()).toBe(`${url}gpt2-shaped/`);
      expect(requests).toEqual([]); // nothing is fetched before the reader confirms
      await ask.getByRole('button', { name: 'Fetch them' }).click();
      await expect.poll(() => modelName(page), { timeout: 30_000 }).toBe('gpt2-shaped');
      await expect.poll(() => predictionRows(page).first().getByTestId('token-chip').textContent(), { timeout: 10_000 }).toBe(expectedTop);
      // The weights came in ranges, never whole; every off-origin request went to the address typed.
      const weights = requests.filter((r) => r.path.endsWith('model.safetensors') && r.method === 'GET');
      expect(weights.length).toBeGreaterThan(2);
      expect(weights.every((r) => r.range !== undefined)).toBe(true);
      expect(offOrigin.length).toBeGreaterThan(0);
      expect(offOrigin.every((u) => u.startsWith(url))).toBe(true);

      // A server that is gone: the page names it and keeps running the model it has.
      const gone = await serveWithCors(root);
      gone.server.close();
      await form.getByLabel('Or the address of a folder on the web').fill(`${gone.url}gpt2-shaped/`);
      await form.getByRole('button', { name: 'Open from the address' }).click();
      await page.getByTestId('model-url-ask').getByRole('button', { name: 'Fetch them' }).click();
      await expect.poll(() => problem(page).getAttribute('data-problem'), { timeout: 30_000 }).toBe('unreachable');
      expect(await problem(page).locator('p').textContent()).toBe(
        `Not opened: the page could not fetch the files from ${new URL(gone.url).host}. Either the server did not answer, or it does not let other sites read its files (CORS). The page still runs ‘gpt2-shaped’, and your text is as you left it.`,
      );
      expect(await readerText(page).inputValue()).toBe(TEXT);
      expect(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
    } finally {
      server.close();
    }
  }, 180_000);
});

/** A second local server, on its own port, that serves `dir` with CORS headers and byte ranges, as Hugging Face does. */
function serveWithCors(
  dir: string,
): Promise<{ server: Server; url: string; requests: { method: string; path: string; range?: string }[] }> {
  const requests: { method: string; path: string; range?: string }[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    requests.push({ method: req.method!, path, range: req.headers.range });
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Range');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range, Content-Length');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    let body: Buffer;
    try {
      body = readFileSync(join(dir, path));
    } catch {
      res.writeHead(404).end();
      return;
    }
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (!range) {
      res.writeHead(200, { 'Content-Length': body.length }).end(body);
      return;
    }
    const [begin, last] = [Number(range[1]), Math.min(Number(range[2]), body.length - 1)];
    res.writeHead(206, { 'Content-Range': `bytes ${begin}-${last}/${body.length}`, 'Content-Length': last - begin + 1 });
    res.end(body.subarray(begin, last + 1));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests })),
  );
}
