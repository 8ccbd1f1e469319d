import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendTerm, formatTerms, MAX_COEFFICIENT, MAX_TERMS, parseExpression } from '../src/core/expression';

const terms = (source: string) => {
  const r = parseExpression(source);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(source)} to parse, got ${JSON.stringify(r.error)}`);
  return r.terms.map((t) => [t.coefficient, t.word]);
};
const error = (source: string) => {
  const r = parseExpression(source);
  if (r.ok) throw new Error(`expected ${JSON.stringify(source)} to fail`);
  return r.error;
};

describe('parseExpression', () => {
  it('reads the classic analogies', () => {
    expect(terms('king - man + woman')).toEqual([
      [1, 'king'],
      [-1, 'man'],
      [1, 'woman'],
    ]);
    expect(terms('2*queen - king')).toEqual([
      [2, 'queen'],
      [-1, 'king'],
    ]);
    expect(terms('  0.5 * king+queen ')).toEqual([
      [0.5, 'king'],
      [1, 'queen'],
    ]);
    expect(terms('-king')).toEqual([[-1, 'king']]);
    expect(terms('- 3 queen')).toEqual([[-3, 'queen']]);
    expect(terms("don't + Paris")).toEqual([
      [1, "don't"],
      [1, 'Paris'],
    ]);
    expect(terms('.5*a + 1.5e1*b')).toEqual([
      [0.5, 'a'],
      [15, 'b'],
    ]);
  });

  it('reads the minus sign of the prose, an en dash and full-width signs as - and +', () => {
    const classic = [
      [1, 'king'],
      [-1, 'man'],
      [1, 'woman'],
    ];
    expect(terms('king − man + woman')).toEqual(classic);
    expect(terms('king – man + woman')).toEqual(classic);
    expect(terms('king－man＋woman')).toEqual(classic);
    expect(terms('2×queen − king')).toEqual([
      [2, 'queen'],
      [-1, 'king'],
    ]);
    expect(error('king −').kind).toBe('expected-word');
  });

  it('keeps the position of each word', () => {
    const r = parseExpression('king - man');
    expect(r.ok && r.terms.map((t) => [t.start, t.end])).toEqual([
      [0, 4],
      [7, 10],
    ]);
  });

  it('explains every kind of mistake with its position', () => {
    expect(error('')).toEqual({ kind: 'empty', position: 0 });
    expect(error('   ')).toMatchObject({ kind: 'empty' });
    expect(error('king -')).toEqual({ kind: 'expected-word', position: 6 });
    expect(error('king - - man')).toEqual({ kind: 'expected-word', position: 7 });
    expect(error('2*')).toEqual({ kind: 'expected-word', position: 2 });
    expect(error('king queen')).toEqual({ kind: 'expected-operator', position: 5 });
    expect(error('king / man')).toEqual({ kind: 'unexpected-character', position: 5, character: '/' });
    expect(error('king + 😀')).toEqual({ kind: 'unexpected-character', position: 7, character: '😀' });
    expect(error('1e999*king')).toMatchObject({ kind: 'bad-coefficient', position: 0, text: '1e999' });
    expect(error(`${MAX_COEFFICIENT * 10}*king`)).toMatchObject({ kind: 'bad-coefficient', limit: MAX_COEFFICIENT });
    expect(
      error(
        Array(MAX_TERMS + 1)
          .fill('a')
          .join('+'),
      ),
    ).toMatchObject({ kind: 'too-many-terms', limit: MAX_TERMS });
    expect(error('a'.repeat(1000))).toMatchObject({ kind: 'too-long' });
  });

  it('never throws, and every error points inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[a-z0-9 +*.eE-]{0,30}$/)), (s) => {
        const r = parseExpression(s);
        if (r.ok) {
          expect(r.terms.length).toBeGreaterThan(0);
          for (const t of r.terms) {
            expect(Number.isFinite(t.coefficient)).toBe(true);
            expect(Math.abs(t.coefficient)).toBeLessThanOrEqual(MAX_COEFFICIENT);
            expect(s.slice(t.start, t.end)).toBe(t.word);
          }
        } else {
          expect(r.error.position).toBeGreaterThanOrEqual(0);
          expect(r.error.position).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips formatted terms', () => {
    const word = fc.stringMatching(/^[a-z][a-z']{0,7}$/);
    const coefficient = fc.oneof(
      fc.constant(1),
      fc.constant(-1),
      fc.integer({ min: -100, max: 100 }),
      fc.double({ min: -100, max: 100, noNaN: true }).map((x) => Math.round(x * 1000) / 1000),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ word, coefficient }), { minLength: 1, maxLength: MAX_TERMS }), (list) => {
        const parsed = parseExpression(formatTerms(list));
        expect(parsed.ok && parsed.terms.map((t) => ({ word: t.word, coefficient: t.coefficient }))).toEqual(
          list.map((t) => ({ word: t.word, coefficient: t.coefficient || 0 })), // -0 prints as 0
        );
      }),
    );
  });

  it('appends clicked words as new terms', () => {
    expect(appendTerm('', 'king')).toBe('king');
    expect(appendTerm('  ', 'man', -1)).toBe('-man');
    expect(appendTerm('king - man ', 'woman')).toBe('king - man + woman');
  });
});
