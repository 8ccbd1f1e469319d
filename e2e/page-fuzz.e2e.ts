import { beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { settled, browserForTests, type OpenedPage } from './browser';

// A property test of the page: whatever values the address carries for the app's own keys, and whatever
// text the reader types into its boxes (any Unicode, emoji, right-to-left, control characters, long
// pastes), the page still shows something and logs no error. A fixed seed and a few runs keep CI quick;
// PAGE_FUZZ_RUNS=200 (and PAGE_FUZZ_SEED=…) explore further on demand.

const RUNS = Number(process.env.PAGE_FUZZ_RUNS ?? 12);
const SEED = Number(process.env.PAGE_FUZZ_SEED ?? 20_240_611);

/** Every key the app reads from the address (grep useUrlParam in src/app). */
const KEYS = [
  'lang',
  'text',
  'view',
  'model',
  'tok',
  'layer',
  'head',
  'step',
  'lab.all',
  'lab.alpha',
  'lab.axes',
  'lab.dir',
  'lab.dot',
  'lab.expr',
  'lab.inject',
  'lab.inputs',
  'lab.move',
  'lab.vec',
  'lab.x',
  'lab.y',
  'out.ablate',
  'out.eot',
  'out.every',
  'out.k',
  'out.p',
  'out.params',
  'out.seed',
  'out.t',
] as const;

const SPECIAL = [
  '',
  ' ',
  '0',
  '-0',
  '1',
  '-1',
  '3',
  '99999999999999999999',
  '1e999',
  '-1e999',
  '1e-999',
  'NaN',
  'Infinity',
  '0x10',
  '1,5',
  '1,000',
  'true',
  'false',
  '1',
  'on',
  'en',
  'zh',
  'lab',
  'read',
  'continue',
  'ours',
  'king',
  'king - man + woman',
  'king * 0',
  '0,0,0,0',
  '1,2,3',
  'a,b,c,d',
  'L0H0',
  '0.1',
  '__proto__',
  'constructor',
  'toString',
  '<script>alert(1)</script>',
  '%',
  '😀👨‍👩‍👧‍👦🏳️‍🌈',
  'مرحبا بالعالم',
  'שלום\u202Eabc\u202C',
  '\u0000\u0001\u0007\u001b[31m\u007f',
  '\u200b\u200d\ufeff\ufffd',
  '國王對王后說',
  'e\u0301\u0301\u0301',
];

/** Any Unicode text a reader could produce, short enough for an address (the server refuses a request line of 16 kB). */
const shortText = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer().map(String),
  fc.double().map(String),
);

/** Text for the boxes: the same, plus long pastes. */
const typedText = fc.oneof(
  shortText,
  fc.tuple(fc.constantFrom(...SPECIAL), fc.integer({ min: 50, max: 400 })).map(([s, n]) => s.repeat(n)),
  fc.string({ unit: 'binary', minLength: 300, maxLength: 1500 }),
);

const params = fc.dictionary(fc.constantFrom(...KEYS), shortText, { maxKeys: 8 });

const chromium = browserForTests();
let opened: OpenedPage;
beforeAll(async () => {
  // One tab for every run: opening a fresh browser context and loading the model costs seconds each time.
  opened = await chromium.open('?lang=en');
});

/**
 * Show the app at `query` in the shared tab: as a new visit (the tab's stored text cleared first), or,
 * which takes no reload, as a step back through the history to an address with these values.
 */
async function visit(query: string, reload: boolean) {
  const { page, errors } = opened;
  errors.length = 0;
  if (reload) {
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(new URL(query, inject('baseUrl')).toString());
  } else {
    await page.evaluate((search) => {
      history.pushState(null, '', search);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, query);
  }
  await page.waitForSelector('[data-model-ready]', { timeout: 30_000 });
  return opened;
}

describe('the page under random addresses and random text', () => {
  it(
    'never goes blank and never logs an error',
    async () => {
      await fc.assert(
        fc.asyncProperty(params, fc.array(typedText, { minLength: 1, maxLength: 3 }), fc.boolean(), async (values, texts, reload) => {
          const query = new URLSearchParams(Object.entries(values)).toString();
          const { page, errors } = await visit(`?${query}`, reload);
          {
            // Type into the text boxes the page shows (the reader's text, the lab's expression, the sampling fields…).
            const boxes = page.locator('textarea:not([readonly]):visible, input[type="text"]:visible, input[type="number"]:visible');
            const count = Math.min(await boxes.count(), 6);
            for (let i = 0; i < count; i++) {
              const text = texts[i % texts.length];
              const box = boxes.nth(i);
              const numeric = (await box.getAttribute('type')) === 'number';
              await box.fill(numeric ? text.replace(/[^0-9eE.+-]/g, '').slice(0, 30) : text, { timeout: 5_000 }).catch(() => {
                // A box that went away or turned read-only while typing is no failure of the page.
              });
            }
            await settled(page);
            const root = await page.evaluate(() => {
              const el = document.getElementById('root');
              return { children: el?.childElementCount ?? 0, text: (el?.textContent ?? '').trim().length };
            });
            expect(root.children, `#root is empty for ?${query}`).toBeGreaterThan(0);
            expect(root.text, `#root shows no text for ?${query}`).toBeGreaterThan(0);
            expect(errors, `console errors for ?${query}`).toEqual([]);
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    },
    Math.max(60_000, RUNS * 8_000),
  );
});
