import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { parseExpression, type ExpressionError } from '../src/core/expression';
import { analyse } from '../src/core/expressionAnalysis';
import { validateSettings } from '../src/core/sampling';
import { getUi } from '../src/content/chapters';
import { describeError, describeZeroVector } from '../src/app/lab/messages';
import { parseSeed, problemText } from '../src/app/output/settings';
import { dotSign, dotViews } from '../src/viz/lab/dotGeometry';
import type { Lang } from '../src/content/types';

// Issue 11, section 5: five messages that said something untrue.
const LANGS: Lang[] = ['en', 'zh'];

const error = (source: string): ExpressionError => {
  const r = parseExpression(source);
  if (r.ok) throw new Error(`expected ${JSON.stringify(source)} to fail`);
  return r.error;
};

describe('a number after its word (king * 0, e5*king)', () => {
  it('is its own kind of mistake, pointing at the multiplication sign', () => {
    expect(error('king * 0')).toEqual({ kind: 'number-after-word', position: 5, word: 'king' });
    expect(error('e5*king')).toEqual({ kind: 'number-after-word', position: 2, word: 'e5' });
    expect(error('king - man×2')).toEqual({ kind: 'number-after-word', position: 10, word: 'man' });
    // A sign that is really out of place is still reported as one.
    expect(error('king / man')).toMatchObject({ kind: 'unexpected-character', character: '/' });
  });

  it('says the number comes before the word, and does not call * unusable', () => {
    const en = describeError(error('king * 0'), getUi('en'), 'en');
    expect(en).toContain('before');
    expect(en).toContain('2*king');
    expect(en).toContain('“king”');
    expect(en).not.toMatch(/cannot be used/);
    expect(describeError(error('e5*king'), getUi('en'), 'en')).toContain('“e5”');
    const zh = describeError(error('king * 0'), getUi('zh'), 'zh');
    expect(zh).toContain('前面');
    expect(zh).not.toContain('不能用');
  });
});

describe('two arrows of length zero', () => {
  it('have no angle, and the panel does not call them perpendicular', () => {
    expect(dotSign(dotViews([0, 0], [0, 0]))).toBe('no-angle');
    expect(dotSign(dotViews([0, 0], [1, 2]))).toBe('no-angle');
    expect(dotSign(dotViews([1, 0], [0, 1]))).toBe('zero');
    expect(dotSign(dotViews([1, 0], [1, 1]))).toBe('positive');
    expect(dotSign(dotViews([1, 0], [-1, 1]))).toBe('negative');
    expect(getUi('en').labDotNoAngle).not.toMatch(/right angle/);
    expect(getUi('en').labDotNoAngle).toMatch(/no angle/);
    expect(getUi('zh').labDotNoAngle).not.toContain('垂直');
  });
});

describe('a top-k past the vocabulary', () => {
  it('is quoted as typed, and the vocabulary’s size written as the chapters write it', () => {
    const problem = validateSettings({ topK: '99999' }, 8192).problems[0];
    expect(problemText(problem, getUi('en'), 'en')).toBe('Top-k 99999 is more than the 8,192 tokens there are, so 8,192 is used.');
    expect(problemText(validateSettings({ topK: '99999' }, 50257).problems[0], getUi('zh'), 'zh')).toContain('50,257');
  });
});

describe('a sampling value too big to be a number (1e999)', () => {
  it('is quoted as typed, never as Infinity', () => {
    const cases = [{ temperature: '1e999' }, { topK: '1e999' }, { topP: '1e999' }, { topK: '-1e999' }, { topP: '-1e999' }];
    for (const raw of cases) {
      const { problems } = validateSettings(raw, 8192);
      expect(problems).toHaveLength(1);
      for (const lang of LANGS) {
        const text = problemText(problems[0], getUi(lang), lang);
        expect(text).toContain(Object.values(raw)[0]);
        expect(text).not.toContain('Infinity');
      }
      expect(problems[0].message).not.toContain('Infinity');
    }
    expect(problemText(validateSettings({ temperature: '1e999' }).problems[0], getUi('en'), 'en')).toContain('1e999 became 5');
    // Numbers handed over as numbers (the command line's tests) are still shown as numbers.
    expect(validateSettings({ temperature: -1 }).problems[0]).toMatchObject({ value: -1, to: 0 });
  });
});

describe('the seed', () => {
  it('refuses 0x10 and 1e3, like the other fields refuse hex', () => {
    expect(parseSeed('0x10')).toEqual({ seed: 42, bad: '0x10' });
    expect(parseSeed('1e3')).toEqual({ seed: 42, bad: '1e3' });
    expect(parseSeed('0b11').bad).toBe('0b11');
    expect(parseSeed('1.0').bad).toBe('1.0');
    expect(parseSeed('Infinity').bad).toBe('Infinity');
    expect(parseSeed('16')).toEqual({ seed: 16, bad: null });
    expect(parseSeed('１６')).toEqual({ seed: 16, bad: null });
    expect(parseSeed('4294967295')).toEqual({ seed: 4294967295, bad: null });
    expect(parseSeed('0')).toEqual({ seed: 0, bad: null });
  });
});

describe('a single term too small to count (1e-999*king)', () => {
  const loaded = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));
  const zero = (expression: string) => {
    const a = analyse(loaded as Parameters<typeof analyse>[0], expression, false, false);
    if (a.kind !== 'zero') throw new Error(`${expression}: ${a.kind}`);
    return a;
  };

  it('is not said to cancel out', () => {
    for (const expression of ['1e-999*king', '0*king', '1e-60*king']) {
      const a = zero(expression);
      expect(a.reason).toBe('tiny');
      for (const lang of LANGS) expect(describeZeroVector(a, getUi(lang))).toBe(getUi(lang).labZeroVectorTinyOne);
    }
    expect(describeZeroVector(zero('0*king + 0*queen'), getUi('en'))).toBe(getUi('en').labZeroVectorTinyAll);
    expect(getUi('en').labZeroVectorTinyOne).not.toMatch(/cancel/);
    expect(getUi('zh').labZeroVectorTinyOne).not.toContain('抵消');
  });

  it('still says the terms cancel when they do', () => {
    const a = zero('king - king');
    expect(a.reason).toBe('cancel');
    expect(describeZeroVector(a, getUi('en'))).toBe(getUi('en').labZeroVector);
  });
});
