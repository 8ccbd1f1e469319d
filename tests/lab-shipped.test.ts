import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { nearestRows } from '../src/core/analogy';
import { parseExpression } from '../src/core/expression';
import { resolveTerms, termsVector, wholeWordMask } from '../src/core/wordTerms';
import { GENDER_PAIRS as ALL_GENDER_PAIRS } from '../scripts/train/analogies';
import { EXAMPLES, LESSON_EXAMPLE, INJECTION_EXAMPLE, INJECTION_ROWS_PER_LIST } from '../src/app/lab/examples';
import { probabilityShifts } from '../src/core/probabilityShift';
import { DEFAULT_EXPRESSION } from '../src/app/lab/state';
import { defaultPosition } from '../src/app/lab/analysis';
import { DEFAULT_TEXT } from '../src/app/state/text';
import { forward } from '../src/core/gpt';
import { lastProbs } from '../src/core/trace';
import { analyse } from '../src/core/expressionAnalysis';
import { DIRECTION_ENDS, directionEnds, projectRows } from '../src/core/direction';
import { candidateFilter } from '../src/core/expressionAnalysis';
import { getChapter, getUi } from '../src/content/chapters';
import { unitDirection } from '../src/core/projection';

// The lab's headline claim, checked on the model the app ships.
const { model, tokenizer } = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));
const wte = model.params.wte;
const whole = wholeWordMask(tokenizer);

function answer(expression: string, k = 1): string[] {
  const parsed = parseExpression(expression);
  if (!parsed.ok) throw new Error(`${expression}: ${parsed.error.kind}`);
  const resolved = resolveTerms(tokenizer, parsed.terms);
  if (!resolved.ok) throw new Error(`${expression}: ${resolved.unresolved.map((u) => u.word).join(', ')} split into several tokens`);
  const found = nearestRows(wte, termsVector(wte, resolved.terms), { k, exclude: resolved.inputIds, candidate: (id) => whole[id] === 1 });
  return found.map((n) => tokenizer.tokenText(n.id).trim());
}

// The same pairs the model card reports, minus king/queen which has its own test.
const GENDER_PAIRS = ALL_GENDER_PAIRS.filter(([male]) => male !== 'king');

describe('the shipped embedding matrix', () => {
  it('answers king - man + woman with queen (inputs excluded, whole words)', () => {
    expect(answer('king - man + woman')[0]).toBe('queen');
  });

  it.each(EXAMPLES)('answers the example chip $expression with $answer', ({ expression, answer: expected }) => {
    expect(answer(expression)[0]).toBe(expected);
  });

  it('cannot be asked the lesson’s Italy + Hitler − Germany ≈ Mussolini, because both names split into pieces (chapter 4)', () => {
    for (const name of LESSON_EXAMPLE.names) expect(tokenizer.encode(' ' + name).length).toBeGreaterThan(1);
    const parsed = parseExpression(LESSON_EXAMPLE.expression);
    if (!parsed.ok) throw new Error(parsed.error.kind);
    const resolved = resolveTerms(tokenizer, parsed.terms);
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.unresolved.map((u) => u.word)).toEqual(['Hitler']);
  });

  it('finds king − man + woman nearest to king itself, which is why the inputs are left out', () => {
    const a = analyse({ model, tokenizer } as Parameters<typeof analyse>[0], 'king - man + woman', false, false);
    if (a.kind !== 'ok') throw new Error(a.kind);
    expect(a.inputCosine.map((n) => tokenizer.tokenText(n.id).trim())[0]).toBe('king');
    expect(a.inputCosine).toHaveLength(3);
    // The best of the other words (queen) scores below it: what the lab's picture note says.
    expect(a.inputCosine[0].score).toBeGreaterThan(a.cosine[0].score);
    expect(tokenizer.tokenText(a.cosine[0].id).trim()).toBe('queen');
  });

  it('solves half of the gender pairs x - man + woman = y, and keeps every answer in its top ten', () => {
    // Training moved W_e (at three tenths of the rate) and cost some of the pairs the PPMI + SVD start solved;
    // the model card lists both. The lab's chips use only pairs that come out first.
    const results = GENDER_PAIRS.map(([male, female]) => ({ male, female, got: answer(`${male} - man + woman`, 10) }));
    const passed = results.filter((r) => r.got[0] === r.female);
    console.log(
      `gender pairs: ${passed.length}/${results.length} first; ` +
        results.map((r) => `${r.male}→${r.got.slice(0, 3).join('/')}`).join(', '),
    );
    expect(passed.length).toBeGreaterThanOrEqual(3);
    for (const r of results) expect(r.got).toContain(r.female);
  });

  it('has the ends the direction panel’s note describes for woman − man, and the note says so in both languages', () => {
    const C = model.config.nEmbd;
    const row = (word: string) => {
      const id = tokenizer.encode(' ' + word)[0];
      return wte.data.subarray(id * C, (id + 1) * C);
    };
    const unit = unitDirection(row('man'), row('woman'))!;
    const ends = directionEnds(projectRows(wte, unit), DIRECTION_ENDS, candidateFilter({ model, tokenizer }, false));
    const words = (ranked: { index: number }[]) => ranked.map((r) => tokenizer.tokenText(r.index).trim());
    const [womanEnd, manEnd] = [words(ends.high), words(ends.low)];
    console.log(`woman end: ${womanEnd.join(', ')}; man end: ${manEnd.join(', ')}`);
    const female = ['woman', 'women', 'she', 'her', 'girl', 'mother', 'wife', 'queen', 'lady', 'Mrs', 'sister', 'daughter', 'female'];
    const male = ['man', 'men', 'he', 'his', 'him', 'boy', 'father', 'king', 'husband', 'son', 'brother', 'Mr', 'sir', 'gentleman', 'male'];
    expect(womanEnd.filter((w) => female.includes(w))).toEqual(['female']);
    expect(womanEnd).toEqual(expect.arrayContaining(['beef', 'sugar']));
    expect(manEnd.filter((w) => male.includes(w))).toEqual(['man']);
    for (const lang of ['en', 'zh'] as const) {
      for (const word of ['female', 'beef', 'sugar']) expect(getUi(lang).labDirectionIntro).toContain(word);
    }
    expect(getUi('en').labDirectionIntro).toContain('man itself and no other male word');
    expect(getUi('zh').labDirectionIntro).toContain('除了 man 本身，再没有一个表示男性的词');
  });

  it('answers German − Germany + France with French, the step chapter 4 and the lesson note name, in both languages', () => {
    expect(answer('German - Germany + France')[0]).toBe('French');
    for (const lang of ['en', 'zh'] as const) {
      const chapter = getChapter(lang, 'embedding');
      expect([...chapter.body, ...chapter.tryThis].join('\n')).toMatch(
        /E_\{\\text\{France\}\}[\s\S]*French[\s\S]*German − Germany \+ France/,
      );
      expect(getUi(lang).labLessonExample).toContain('German − Germany + France');
    }
  });

  it('does not answer paris − france + italy with rome, as the examples note says', () => {
    expect(answer('paris - france + italy')[0].toLowerCase()).not.toBe('rome');
    expect(getUi('en').labExamplesNote).toContain('paris − france + italy, for one, does not come out as rome');
    expect(getUi('zh').labExamplesNote).toContain('paris − france + italy 就得不到 rome');
  });

  it('splits afternoons into ␣aftern and more, the whole-words note’s example of a first piece', () => {
    expect(tokenizer.encode(' afternoons').map((id) => tokenizer.tokenText(id))[0]).toBe(' aftern');
    expect(tokenizer.encode(' afternoons').length).toBeGreaterThan(1);
  });

  it('finds capitalised names when the lowercase form splits', () => {
    const resolved = resolveTerms(tokenizer, [{ word: 'paris', coefficient: 1, start: 0, end: 5 }]);
    const lower = tokenizer.encode(' paris').length;
    if (lower === 1) return; // nothing to recase in a vocabulary that has " paris"
    expect(resolved.ok && resolved.terms[0]).toMatchObject({ form: 'Paris', recased: true });
  });
});

describe('the injection panel’s example sentence', () => {
  it('cuts ␣his and ␣he by more than half and raises ␣her threefold when the expression’s vector replaces ␣king, all in the table', () => {
    const ids = tokenizer.encode(INJECTION_EXAMPLE.text);
    const position = ids.findIndex((id) => tokenizer.tokenText(id) === INJECTION_EXAMPLE.at);
    expect(position).toBeGreaterThanOrEqual(0);
    const analysis = analyse({ model, tokenizer }, INJECTION_EXAMPLE.expression, false, false);
    if (analysis.kind !== 'ok') throw new Error(`${INJECTION_EXAMPLE.expression}: ${analysis.kind}`);
    const before = lastProbs(forward(model, ids, { logitRows: 'last' }));
    const after = lastProbs(forward(model, ids, { logitRows: 'last', embeddingOverrides: [{ position, vector: analysis.vector }] }));
    const p = (probs: Float32Array, word: string) => probs[tokenizer.encode(word)[0]];
    expect(p(after, ' his')).toBeLessThan(p(before, ' his') / 2);
    expect(p(after, ' he')).toBeLessThan(p(before, ' he') / 2);
    expect(p(after, ' her')).toBeGreaterThan(3 * p(before, ' her'));
    // The three the panel names are rows of its table.
    const rows = probabilityShifts(before, after, INJECTION_ROWS_PER_LIST).map((r) => tokenizer.tokenText(r.id));
    expect(rows).toEqual(expect.arrayContaining([' his', ' he', ' her']));
  });

  it('moves the prediction visibly with the lab’s own defaults: the default expression injected into the default sentence', () => {
    const ids = tokenizer.encode(DEFAULT_TEXT);
    const analysis = analyse({ model, tokenizer }, DEFAULT_EXPRESSION, false, false);
    if (analysis.kind !== 'ok') throw new Error(`${DEFAULT_EXPRESSION}: ${analysis.kind}`);
    const position = defaultPosition(ids, analysis.inputIds);
    // The first of the sentence's tokens that is one of the expression's words (␣woman), not the fallback.
    expect(analysis.inputIds).toContain(ids[position]);
    const before = lastProbs(forward(model, ids, { logitRows: 'last' }));
    const after = lastProbs(forward(model, ids, { logitRows: 'last', embeddingOverrides: [{ position, vector: analysis.vector }] }));
    const largest = Math.max(...before.map((p, i) => Math.abs(after[i] - p)));
    expect(largest).toBeGreaterThan(0.04);
  });
});
