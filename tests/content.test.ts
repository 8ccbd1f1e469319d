import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { chapterIds, getChapter, getUi } from '../src/content/chapters';
import { asIndex, fillPlaceholders, modelPlaceholders } from '../src/content/fill';
import type { ChapterId, ChapterText, Lang } from '../src/content/types';
import { tinyConfig } from './tinyConfig';
import { buildStages } from '../src/viz/stages';
import { formatApprox, formatCount } from '../src/viz/format';
import { cellLabel } from '../src/viz/cellLabel';

const langs: Lang[] = ['en', 'zh'];
const chapterPlaceholders = new Set(['V', 'C', 'T', 'L', 'NH', 'HS']);
const cjk = /[\u3400-\u9fff]/;

// Odd-indexed pieces of a split on '$' are math; even-indexed pieces are prose.
function prose(text: string): string[] {
  return text.split('$').filter((_, i) => i % 2 === 0);
}
function math(text: string): string[] {
  return text.split('$').filter((_, i) => i % 2 === 1);
}
function placeholders(text: string): string[] {
  const names = prose(text).flatMap((p) => [...p.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]));
  return [...new Set(names)].sort();
}

function fields(ch: ChapterText): Record<string, string[]> {
  return { title: [ch.title], lede: [ch.lede], body: ch.body, tryThis: ch.tryThis };
}

function allStrings(lang: Lang): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const id of chapterIds) {
    for (const [field, texts] of Object.entries(fields(getChapter(lang, id)))) {
      texts.forEach((text, i) => out.push({ where: `${lang}/${id}.${field}[${i}]`, text }));
    }
  }
  for (const [key, text] of Object.entries(getUi(lang))) out.push({ where: `${lang}/ui.${key}`, text });
  return out;
}

describe('chapters', () => {
  it('lists the ten chapters in reading order', () => {
    const expected: ChapterId[] = [
      'gpt',
      'flow',
      'tokens',
      'embedding',
      'attention',
      'mlp',
      'layers',
      'unembedding',
      'softmax',
      'generation',
    ];
    expect(chapterIds).toEqual(expected);
  });

  for (const lang of langs) {
    for (const id of chapterIds) {
      it(`${lang}/${id} has a title, a lede, 3-6 paragraphs and 1-3 things to try`, () => {
        const ch = getChapter(lang, id);
        expect(ch, `${lang}/${id} is missing`).toBeDefined();
        expect(ch.title.trim().length).toBeGreaterThan(0);
        expect(ch.lede.trim().length).toBeGreaterThan(0);
        expect(ch.body.length).toBeGreaterThanOrEqual(3);
        expect(ch.body.length).toBeLessThanOrEqual(6);
        expect(ch.tryThis.length).toBeGreaterThanOrEqual(1);
        expect(ch.tryThis.length).toBeLessThanOrEqual(3);
        for (const p of [...ch.body, ...ch.tryThis]) expect(p.trim().length).toBeGreaterThan(0);
      });
    }
  }

  for (const id of chapterIds) {
    it(`${id}: zh matches en string for string, with the same placeholders in each`, () => {
      const en = fields(getChapter('en', id));
      const zh = fields(getChapter('zh', id));
      for (const field of Object.keys(en)) {
        expect(zh[field].length, `${id}.${field}: number of paragraphs`).toBe(en[field].length);
        en[field].forEach((enText, i) => {
          expect(placeholders(zh[field][i]), `${id}.${field}[${i}]`).toEqual(placeholders(enText));
        });
      }
    });
  }

  it('uses only the model placeholders {V} {C} {T} {L} {NH} {HS} in chapter prose', () => {
    for (const lang of langs) {
      for (const id of chapterIds) {
        for (const texts of Object.values(fields(getChapter(lang, id)))) {
          for (const name of texts.flatMap(placeholders)) {
            expect(chapterPlaceholders.has(name), `${lang}/${id}: unknown placeholder {${name}}`).toBe(true);
          }
        }
      }
    }
  });
});

const srcRoot = join(import.meta.dirname, '..', 'src');
/** The folder of a language's ui string tables: one file per area of the page, joined by its index.ts. */
const uiFolder = (lang: Lang) => join(srcRoot, 'content', lang, 'ui');

/** Every .ts and .tsx file under src/ except the ui string tables themselves. */
function appSource(): string {
  const tables = langs.map((lang) => uiFolder(lang) + sep);
  return readdirSync(srcRoot, { recursive: true, encoding: 'utf8' })
    .map((file) => join(srcRoot, file))
    .filter((path) => /\.tsx?$/.test(path) && !tables.some((folder) => path.startsWith(folder)))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
}

describe('ui strings', () => {
  it('has exactly the same keys in en and zh', () => {
    expect(Object.keys(getUi('zh')).sort()).toEqual(Object.keys(getUi('en')).sort());
  });

  for (const lang of langs) {
    it(`${lang}: holds each key in one area file only, and every area file in the table`, async () => {
      const areas = readdirSync(uiFolder(lang)).filter((file) => file !== 'index.ts');
      const keys: string[] = [];
      for (const file of areas) keys.push(...Object.keys((await import(join(uiFolder(lang), file))).default));
      const twice = keys.filter((key, i) => keys.indexOf(key) !== i);
      expect(twice, 'keys in two areas: the later area would hide the earlier string').toEqual([]);
      expect(keys.sort()).toEqual(Object.keys(getUi(lang)).sort());
    });
  }

  it('uses the same placeholders in each zh string as in the en one', () => {
    const en = getUi('en');
    const zh = getUi('zh');
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      // Interface strings name their own values ({n}, {token}, …); what matters is that both languages fill the same ones.
      expect(placeholders(zh[key]), `ui.${key}`).toEqual(placeholders(en[key]));
    }
  });

  it('uses every key somewhere in the app: as ui.key, or quoted where a table names it', () => {
    const source = appSource();
    const unused = Object.keys(getUi('en')).filter((key) => !new RegExp(`\\bui\\.${key}\\b|['"\`]${key}['"\`]`).test(source));
    expect(unused).toEqual([]);
  });

  it('carries the titles and notices the brief asks for', () => {
    expect(getUi('en').appTitle).toBe('Inside GPT');
    expect(getUi('zh').appTitle).toBe('走进 GPT');
    expect(placeholders(getUi('en').truncated)).toEqual(['T', 'n']);
  });

  it('never puts a possessive ’s after a name the page quotes, which would read ‘gpt2’’s', () => {
    const quotedNames = ['name', 'default', 'text', 'model'];
    const possessive = new RegExp(`\\{(${quotedNames.join('|')})\\}['’]s\\b`);
    expect(Object.entries(getUi('en')).filter(([, text]) => possessive.test(text))).toEqual([]);
  });
});

describe('markup', () => {
  for (const lang of langs) {
    it(`${lang}: every $ has a partner and every math span renders in KaTeX`, () => {
      for (const { where, text } of allStrings(lang)) {
        expect((text.match(/\$/g) ?? []).length % 2, `${where}: unbalanced $`).toBe(0);
        for (const m of math(text)) {
          expect(() => katex.renderToString(m, { throwOnError: true }), `${where}: $${m}$`).not.toThrow();
          expect(/\{(V|C|T|L|NH|HS|n)\}/.test(m), `${where}: placeholder inside math`).toBe(false);
        }
      }
    });

    it(`${lang}: uses only $math$ and **bold**, with no control characters`, () => {
      for (const { where, text } of allStrings(lang)) {
        expect((text.match(/\*\*/g) ?? []).length % 2, `${where}: unbalanced **`).toBe(0);
        // Interface strings may show the lab's expression syntax (2*queen); only prose is parsed for **bold**.
        if (!where.includes('/ui.')) expect(text.replace(/\*\*/g, ''), `${where}: stray *`).not.toMatch(/\*/);
        expect(text, `${where}: markup other than $ and **`).not.toMatch(/[`<>]|\]\(|https?:|__/);
        // eslint-disable-next-line no-control-regex -- control characters are what this line finds
        expect(text, `${where}: control character (an unescaped backslash?)`).not.toMatch(/[\u0000-\u001f]/);
        expect(text, `${where}: straight double quote`).not.toMatch(/"/);
      }
    });
  }

  it('zh prose uses full-width punctuation next to Chinese characters', () => {
    const halfNextToHan = /[\u3400-\u9fff][,.;:?!()]|[(,;:?!][\u3400-\u9fff]/;
    for (const { where, text } of allStrings('zh')) {
      for (const p of prose(text)) expect(p, where).not.toMatch(halfNextToHan);
    }
  });

  it('en text contains no Chinese characters or full-width punctuation', () => {
    for (const { where, text } of allStrings('en')) {
      if (where === 'en/ui.switchLanguage') continue; // names the other language in its own script
      expect(text, where).not.toMatch(/[\u3000-\u303f\uff00-\uffef\u3400-\u9fff]/);
    }
  });

  it('zh chapters are written in Chinese', () => {
    for (const id of chapterIds) {
      const ch = getChapter('zh', id);
      for (const p of [ch.lede, ...ch.body]) expect(p, `zh/${id}`).toMatch(cjk);
    }
  });
});

describe('fillPlaceholders', () => {
  const config = tinyConfig({ vocabSize: 8192, nPositions: 128, nEmbd: 128, nLayer: 4, nHead: 4 });

  it('reads the numbers from the config, head size included', () => {
    expect(modelPlaceholders(config)).toEqual({ V: 8192, C: 128, T: 128, L: 4, NH: 4, HS: 32 });
  });

  it('groups thousands in English, and in Chinese only from five digits up', () => {
    const values = modelPlaceholders(config);
    expect(fillPlaceholders('{V} tokens, {L} layers', values, 'en')).toBe('8,192 tokens, 4 layers');
    // A name with a digit in it was once left unfilled on screen ("{gpt3}" in the parameter counter).
    expect(fillPlaceholders('{ours} against {gpt3}', { ours: '83%', gpt3: '0.35%' }, 'en')).toBe('83% against 0.35%');
    expect(fillPlaceholders('{V} 个词元', values, 'zh')).toBe('8192 个词元');
    expect(fillPlaceholders('{n} 个参数', { n: 617558016 }, 'zh')).toBe('617,558,016 个参数');
    expect(fillPlaceholders('{n} 项', { n: 50257 }, 'zh')).toBe('50,257 项');
  });

  it('writes a matrix cell’s indices as the formulas do, without separators, in both languages', () => {
    for (const lang of langs) {
      const cell = fillPlaceholders(
        getUi(lang).embeddingMatrixCell,
        { id: asIndex(2196), c: asIndex(10), value: '−0.2408', token: '␣relation' },
        lang,
      );
      expect(cell).toMatch(/^W_e\[2196, 10\] = −0\.2408/);
      expect(fillPlaceholders(getUi(lang).wuWholeCell, { id: asIndex(50256), c: asIndex(767), value: '0.1', token: 'x' }, lang)).toMatch(
        /^W_u\[50256, 767\]/,
      );
    }
  });

  it('leaves math and unknown names untouched', () => {
    const text = 'x $\\sqrt{d_{\\text{head}}} + {T}$ has {T} and {missing}';
    expect(fillPlaceholders(text, { T: 128, head: 'NO' }, 'en')).toBe('x $\\sqrt{d_{\\text{head}}} + {T}$ has 128 and {missing}');
  });

  it('fills string values as given', () => {
    expect(fillPlaceholders(getUi('en').outSeedInvalid, { value: 'abc', to: 42 }, 'en')).toContain('abc is not, so 42 is used');
  });

  it('leaves no model placeholder behind in any chapter', () => {
    const values = modelPlaceholders(config);
    for (const lang of langs) {
      for (const id of chapterIds) {
        for (const texts of Object.values(fields(getChapter(lang, id)))) {
          for (const t of texts) expect(placeholders(fillPlaceholders(t, values, lang)), `${lang}/${id}`).toEqual([]);
        }
      }
    }
  });
});

describe('en quotes tokens visibly', () => {
  it('writes a token’s leading space as ␣ inside “”, never as a space the reader cannot see', () => {
    for (const { where, text } of allStrings('en')) expect(text, `${where}: a space just inside “”: write ␣`).not.toMatch(/“ /);
  });
});

// The Chinese text, read the way a Chinese reader reads it: no code names or English where Chinese belongs, Chinese
// quotation marks and punctuation, one word for each term, and numbers written by the one formatter.
describe('zh reads as Chinese', () => {
  const zh = allStrings('zh');
  /** Prose with $math$ and “quotations” (the notes' own “50000行”) taken out: what the app itself writes. */
  const ownProse = (text: string) => prose(text).map((p) => p.replace(/“[^”]*”/g, '“”'));

  it('has no code names opening a readout, no L1H1 shorthand and no lnF', () => {
    for (const { where, text } of zh) {
      expect(text, `${where}: a code name before “·”`).not.toMatch(/(^|[^\p{L}])[a-z_]+(\.[a-z_]+)?(\[[^\]]*\])? ·/u);
      expect(text, `${where}: L1H1 shorthand`).not.toMatch(/L\{?l?\}?\d*H\{?h?\}?\d*\b|L\{l\}H\{h\}/);
      expect(text, `${where}: lnF`).not.toMatch(/lnF|ln_f\[/);
    }
  });

  it('quotes with Chinese marks: no ‘…’, no ASCII quotes around Chinese, no invisible leading space', () => {
    for (const { where, text } of zh) {
      if (where === 'zh/ui.quoted') expect(text).toBe('“{text}”');
      expect(text, `${where}: ‘…’`).not.toMatch(/[‘’]/);
      expect(text, `${where}: ASCII quotes around Chinese`).not.toMatch(/['"][^'"]*[\u3400-\u9fff][^'"]*['"]/);
      expect(text, `${where}: a space just inside “”: write ␣`).not.toMatch(/“ | ”/);
    }
  });

  it('writes formulas without English words, in the chapters and in the stepper', () => {
    const english = /\\text\{[^}]*\b(for|if|where|and|otherwise)\b[^}]*\}|\s(for|if|where)\s/;
    for (const { where, text } of zh) for (const m of math(text)) expect(m, where).not.toMatch(english);
    for (const stage of buildStages(2)) expect(stage.formula, stage.kind).not.toMatch(english);
  });

  it('punctuates as Chinese: no doubled final punctuation, no ASCII space between two Chinese characters', () => {
    for (const { where, text } of zh) {
      expect(text, `${where}: doubled final punctuation`).not.toMatch(/[。？！]”?[。，；]/);
      expect(text, `${where}: ASCII space between Chinese characters`).not.toMatch(/[\u3400-\u9fff] [\u3400-\u9fff]/);
    }
  });

  it('uses one word per term: 词片, 前向计算, and the notes’ 解嵌入 at the first 反嵌入', () => {
    for (const { where, text } of zh) {
      expect(text, `${where}: word pieces are 词片`).not.toMatch(/单词片段|碎片/);
      expect(text, `${where}: the forward pass is 前向计算`).not.toMatch(/前向传播/);
    }
    const first = zh.find(({ text }) => text.includes('反嵌入'))!;
    expect(first.text, first.where).toContain('解嵌入');
  });

  it('writes numbers as the formatter does: 8192 and 50,257, and 1750 亿 with a space', () => {
    for (const { where, text } of zh) {
      for (const p of ownProse(text)) {
        // Integers only: a decimal's digits (0.044715) and an id inside brackets are not counts.
        const integers = [...p.matchAll(/(?<![\d.,[])\d{1,3}(?:,\d{3})+(?![\d.])|(?<![\d.,[])\d+(?![\d.,])/g)].map((m) => m[0]);
        for (const n of integers) expect(n, `${where}: ${n}`).toBe(formatCount(Number(n.replace(/,/g, '')), 'zh'));
        expect(p, `${where}: 万 and 亿 follow a number after a space`).not.toMatch(/\d[万亿]/);
      }
    }
    expect([8192, 50_257, 617_558_016].map((n) => formatCount(n, 'zh'))).toEqual(['8192', '50,257', '617,558,016']);
    expect(formatApprox(174_604_259_328, 'zh')).toBe('1750 亿');
    expect(formatApprox(1_258_000, 'zh')).toBe('126 万');
    expect(fillPlaceholders('{n} 项', { n: 8192 }, 'zh')).toBe(`${formatCount(8192, 'zh')} 项`);
  });

  it('labels a hovered cell in Chinese at every stage', () => {
    const ui = getUi('zh');
    const t = (key: keyof typeof ui, values: Record<string, string | number> = {}) => fillPlaceholders(ui[key], values, 'zh');
    for (const stage of buildStages(2)) {
      const label = cellLabel(stage, { row: 1, col: 0 }, { ui, t, labels: ['The', '␣king'], labelOf: () => '␣the', head: 0 });
      // The first stage's value is a token's id, and the label names the token alone.
      const name = stage.kind === 'tokens' ? '' : ui[stage.label];
      expect(label.startsWith(name), `${stage.kind}: ${label}`).toBe(true);
      expect(label, stage.kind).not.toMatch(/[‘’]/);
      // Letters only inside the token's quotes or as the stage's own name (GELU, softmax, logit, MLP, e + p).
      expect(label.slice(name.length).replace(/“[^”]*”/g, ''), `${stage.kind}: ${label}`).not.toMatch(/[A-Za-z]/);
    }
  });
});

describe('chapter 4 on how the shipped W_e was trained', () => {
  it.each([
    ['en', 'three tenths of the learning rate'],
    ['zh', '十分之三'],
  ] as const)('%s: gives the learning-rate scale the recipe sets', (lang, words) => {
    // The settings the shipped model was trained with, as its training log records them.
    const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '../public/models/tiny/training-log.json'), 'utf8')) as {
      settings: { wteLrScale: number; freezeWte: boolean };
    };
    expect(shipped.settings.wteLrScale).toBe(0.3);
    expect(shipped.settings.freezeWte).toBe(false);
    expect(getChapter(lang, 'embedding').body.join('\n')).toContain(words);
  });
});
