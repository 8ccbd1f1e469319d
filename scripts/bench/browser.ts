import { resolve } from 'node:path';
import { createServer } from 'vite';
import { modelFromFiles } from '../../src/core/bundle.ts';
import { readModelDir } from '../lib/model-dir.ts';
import { launchChromium } from '../lib/chromium.ts';
import { SHIPPED_MODEL_DIR } from '../train/paths.ts';
import { runGpt2Shaped, runTiny } from './cases.ts';

// The same forward passes in headless Chromium and in Node, side by side.
//
//   npm run bench:browser [-- --quick]
//
// Serves scripts/bench/index.html with Vite's dev server (so the page imports the core's TypeScript as
// it is, and nothing of this goes into the built app), opens it in Debian's Chromium (CHROMIUM_PATH
// overrides it), and times there: the shipped model at 128 tokens with fresh and with reused trace memory,
// and a random GPT-2-shaped model at 16, 64 and 256 tokens with reused memory. Then it times the same
// cases in this Node process, after the browser has closed, and prints one JSON object. --quick uses a
// 2-layer model of width 192 in place of GPT-2's shape, to check that everything runs.

const quick = process.argv.includes('--quick');
const unknown = process.argv.slice(2).filter((a) => a !== '--quick');
if (unknown.length > 0) {
  console.error(`bench:browser takes only --quick, not ${unknown.join(' ')}`);
  process.exit(2);
}

const root = resolve(import.meta.dirname, '../..');
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'warn',
  server: { host: '127.0.0.1', port: 0, watch: null },
  optimizeDeps: { noDiscovery: true, entries: [] },
});
await server.listen();
const browser = await launchChromium();
let chromium;
try {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(new URL('scripts/bench/index.html', server.resolvedUrls!.local[0]).href);
  await page
    .waitForFunction(() => window.insideGptBench !== undefined, null, { timeout: 120_000 })
    .catch((e: Error) => {
      throw new Error(`the bench page did not start: ${errors.join('; ') || e.message}`);
    });
  const tiny = await page.evaluate(() => window.insideGptBench!.tiny());
  const gpt2Shaped = await page.evaluate((q) => window.insideGptBench!.gpt2Shaped(q), quick);
  chromium = { version: browser.version(), tiny, gpt2Shaped };
} finally {
  await browser.close();
  await server.close();
}

const node = {
  version: process.version,
  tiny: runTiny(modelFromFiles(readModelDir(SHIPPED_MODEL_DIR)).model),
  gpt2Shaped: runGpt2Shaped(quick),
};

const gpt2Cases = chromium.gpt2Shaped.cases.map((c, i) => {
  const n = node.gpt2Shaped.cases[i];
  return {
    tokens: c.tokens,
    flops: c.flops,
    chromium_ms_median: c.forward_ms_median,
    chromium_gflops_per_s: c.gflops_per_s,
    node_ms_median: n.forward_ms_median,
    node_gflops_per_s: n.gflops_per_s,
    ratio_chromium_to_node: c.forward_ms_median / n.forward_ms_median,
    trace_memory_bytes: c.trace_memory_bytes,
  };
});

console.log(
  JSON.stringify(
    {
      chromium: `${chromium.version}, ${chromium.gpt2Shaped.matrix_products}`,
      node: `${node.version}, ${node.gpt2Shaped.matrix_products}`,
      tiny: {
        model: chromium.tiny.model,
        tokens: chromium.tiny.tokens,
        flops: chromium.tiny.flops,
        chromium_fresh_memory_ms_median: chromium.tiny.fresh_memory_ms_median,
        chromium_reused_memory_ms_median: chromium.tiny.reused_memory_ms_median,
        chromium_reused_gflops_per_s: chromium.tiny.reused_gflops_per_s,
        node_fresh_memory_ms_median: node.tiny.fresh_memory_ms_median,
        node_reused_memory_ms_median: node.tiny.reused_memory_ms_median,
        node_reused_gflops_per_s: node.tiny.reused_gflops_per_s,
      },
      gpt2_shaped: {
        model: chromium.gpt2Shaped.model,
        parameters: chromium.gpt2Shaped.parameters,
        chromium_init_ms: chromium.gpt2Shaped.init_ms,
        node_init_ms: node.gpt2Shaped.init_ms,
        cases: gpt2Cases,
      },
    },
    null,
    2,
  ),
);
