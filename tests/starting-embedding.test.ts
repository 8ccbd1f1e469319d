import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCorpus } from '../scripts/corpus/build';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { analyse } from '../src/core/expressionAnalysis';
import { GENDER_PAIRS, rankAnalogies, type RankedAnalogy } from '../src/core/analogyRanking';
import { EXAMPLES } from '../src/app/lab/examples';
import { COMPARED_ANALOGIES, COMPARED_TOP, parseStartingEmbedding, type StartingEmbeddingFile } from '../src/app/lab/startingEmbedding';
import { buildStartingEmbedding, startingEmbeddingFile } from '../scripts/train/starting-embedding';
import { FULL_RUN } from '../scripts/train/settings';

// public/models/tiny/starting-embedding.json holds the analogy rankings of the W_e training started from;
// the app shows them beside the same rankings of the shipped W_e. Rebuilt here from the corpus, so the
// file cannot go stale without this test failing (`npm run starting-embedding` writes it again).
const ROOT = resolve(import.meta.dirname, '..');
const DIR = resolve(ROOT, 'public/models/tiny');
const loaded = modelFromFiles(readModelDir(DIR));
const { model, tokenizer } = loaded;
const shipped = parseStartingEmbedding(JSON.parse(readFileSync(resolve(DIR, 'starting-embedding.json'), 'utf8')));

let rebuilt: StartingEmbeddingFile;
beforeAll(() => {
  // The corpus is rebuilt in memory by the code `npm run corpus` runs, so no test file reads or races for data/.
  const { wte, trainTokens } = buildStartingEmbedding(buildCorpus().text.train, tokenizer);
  rebuilt = startingEmbeddingFile(wte, tokenizer, trainTokens);
}, 900_000);

describe('the starting embedding file', () => {
  it('has the shape the app reads', () => {
    expect(shipped).not.toBeNull();
  });

  it('ranks every analogy the app shows: the seven gender pairs and every lab chip', () => {
    const expressions = shipped!.analogies.map((a) => a.expression);
    expect(expressions).toEqual(COMPARED_ANALOGIES.map((q) => q.expression));
    for (const [male, female] of GENDER_PAIRS)
      expect(shipped!.analogies).toContainEqual(expect.objectContaining({ expression: `${male} - man + woman`, expected: female }));
    for (const { expression, answer } of EXAMPLES)
      expect(shipped!.analogies).toContainEqual(expect.objectContaining({ expression, expected: answer }));
    for (const a of shipped!.analogies) expect(a.top).toHaveLength(COMPARED_TOP);
  });

  it('records the recipe it was built with', () => {
    const { dims, window, harmonic, singularPower, rms } = FULL_RUN.embedding;
    expect(shipped!.settings.embedding).toEqual({ dims, window, harmonic, singularPower, rms, centre: FULL_RUN.embedding.centre ?? false });
    expect(shipped!.settings.seed).toBe(FULL_RUN.seed);
    expect(shipped!.settings.vocabSize).toBe(tokenizer.vocabSize);
  });

  it('matches W_e rebuilt from the corpus: the same answers in the same order, similarities within 1e-4', () => {
    expect(shipped!.settings).toEqual(rebuilt.settings);
    const words = (a: RankedAnalogy) => ({
      expression: a.expression,
      expected: a.expected,
      rank: a.rank,
      top: a.top.map((n) => [n.id, n.word]),
    });
    expect(shipped!.analogies.map(words)).toEqual(rebuilt.analogies.map(words));
    const worst = Math.max(
      ...shipped!.analogies.flatMap((a, i) => a.top.map((n, j) => Math.abs(n.score - rebuilt.analogies[i].top[j].score))),
    );
    expect(worst).toBeLessThan(1e-4);
  });
});

describe('the ranking both columns use', () => {
  it('gives the lab’s own answers on the shipped W_e (cosine, whole words, inputs left out)', () => {
    const ranked = rankAnalogies(model.params.wte, tokenizer, COMPARED_ANALOGIES, COMPARED_TOP);
    for (const r of ranked) {
      const lab = analyse(loaded, r.expression, false, false);
      if (lab.kind !== 'ok') throw new Error(`${r.expression}: ${lab.kind}`);
      expect(r.top.map((n) => n.id)).toEqual(lab.cosine.slice(0, COMPARED_TOP).map((n) => n.id));
      expect(r.top.map((n) => n.score)).toEqual(lab.cosine.slice(0, COMPARED_TOP).map((n) => n.score));
    }
  });

  it('ranks each chip’s promised answer first on the shipped W_e, as the lab says', () => {
    const ranked = rankAnalogies(model.params.wte, tokenizer, COMPARED_ANALOGIES, COMPARED_TOP);
    for (const { expression, answer } of EXAMPLES) {
      const r = ranked.find((a) => a.expression === expression)!;
      expect([r.top[0].word, r.rank]).toEqual([answer, 1]);
    }
  });

  it('gives the rank of an expected answer further down, and null past the depth it looks', () => {
    const [far] = rankAnalogies(model.params.wte, tokenizer, [{ expression: 'king - man + woman', expected: 'zzzz' }]);
    expect(far.rank).toBeNull();
    const [queen] = rankAnalogies(model.params.wte, tokenizer, [{ expression: 'king - man + woman', expected: 'queen' }], 1);
    expect(queen.top).toHaveLength(1);
    const second = rankAnalogies(model.params.wte, tokenizer, [{ expression: 'king - man + woman', expected: 'queen' }], 5)[0].top[1].word;
    const [other] = rankAnalogies(model.params.wte, tokenizer, [{ expression: 'king - man + woman', expected: second }]);
    expect(other.rank).toBe(2);
  });

  it('refuses content that is not a ranking file', () => {
    expect(parseStartingEmbedding(null)).toBeNull();
    expect(parseStartingEmbedding({ note: 'x', settings: {}, analogies: [{ expression: 'king - man + woman' }] })).toBeNull();
    expect(
      parseStartingEmbedding({ ...shipped, analogies: [{ ...shipped!.analogies[0], top: [{ id: 1, word: 'a', score: 'high' }] }] }),
    ).toBeNull();
  });
});
