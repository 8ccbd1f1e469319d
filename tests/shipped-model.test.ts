import { beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCorpus } from '../scripts/corpus/build';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { forward } from '../src/core/gpt';
import { crossEntropyForward } from '../src/core/ops/crossentropy';
import { genderAnalogies } from '../scripts/train/analogies';
import { bigramNats } from '../scripts/train/baselines';
import { pronounProbe } from '../scripts/train/pronounProbe';
import { nounFollowing } from '../scripts/train/noun-pronouns';
import { agreement, copying, isRight, meanTwinShift, twinShifts } from '../scripts/train/context-evals';
import { bestPreviousTokenHead, headStats } from '../src/core/headStats';

// The promises the shipped model makes to the app: its files, its vocabulary, its embedding and its predictions.
const ROOT = resolve(import.meta.dirname, '..');
const DIR = resolve(ROOT, 'public/models/tiny');
const loaded = modelFromFiles(readModelDir(DIR));
const { model, tokenizer } = loaded;

// The corpus is rebuilt in memory by the code `npm run corpus` runs, so no test file reads or races for data/.
let train: number[] = [];
let val: number[] = [];
let trainText = '';
beforeAll(() => {
  const { text } = buildCorpus();
  trainText = text.train;
  train = tokenizer.encode(text.train);
  val = tokenizer.encode(text.val);
}, 120_000);

/** n full-context windows spread evenly over the validation text. */
function valWindows(n: number): number[][] {
  const T = model.config.nPositions;
  return Array.from({ length: n }, (_, w) => {
    const start = Math.floor((w * (val.length - T - 1)) / n);
    return val.slice(start, start + T);
  });
}

describe('the shipped model', () => {
  it('is small enough to load fast and has the expected shape', () => {
    expect(statSync(resolve(DIR, 'model.safetensors')).size).toBeLessThan(4 * 1024 * 1024);
    expect(model.config).toMatchObject({ nLayer: 4, nHead: 4, nPositions: 128, vocabSize: 8192 });
    expect(model.config.nEmbd).toBeGreaterThanOrEqual(64);
    expect(model.params.lm_head).not.toBeNull();
  });

  it('keeps the words the app demonstrates with as single tokens', () => {
    const words = [
      'king',
      'queen',
      'man',
      'woman',
      'husband',
      'wife',
      'boy',
      'girl',
      'father',
      'mother',
      'son',
      'daughter',
      'brother',
      'sister',
      'he',
      'she',
    ];
    const split = words.filter((w) => tokenizer.encode(' ' + w).length !== 1);
    expect(split).toEqual([]);
  });

  it('ranks queen first for king − man + woman in its own wte, and reports the other gender pairs', () => {
    const results = genderAnalogies(model.params.wte, tokenizer);
    const king = results.find((r) => r.expected === 'queen')!;
    expect(king.rank).toBe(1);
    const passing = results.filter((r) => r.rank === 1);
    console.log(
      `gender pairs ranked first: ${passing.length} of ${results.length} (${results.map((r) => `${r.expected}:${r.rank}`).join(', ')})`,
    );
    // The card lists 5 of 7 (father − man + woman gives wife, mother 2nd; brother − man + woman gives mother, sister
    // 3rd): one short of the issue's target of 6, which the model shipped before it met (README, "Training the model again").
    expect(passing.length).toBeGreaterThanOrEqual(5);
  });

  it('predicts held-out text clearly better than a bigram model', () => {
    const T = model.config.nPositions;
    let nats = 0;
    const contexts: number[] = [];
    const targets: number[] = [];
    const windows = 24;
    for (let w = 0; w < windows; w++) {
      const start = Math.floor((w * (val.length - T - 1)) / windows);
      const ids = val.slice(start, start + T);
      const next = val.slice(start + 1, start + T + 1);
      nats += crossEntropyForward(forward(model, ids).probs.data, next, T, model.config.vocabSize);
      contexts.push(...ids);
      targets.push(...next);
    }
    const modelNats = nats / windows;
    const bigram = bigramNats(train, contexts, targets, model.config.vocabSize).nats;
    console.log(`validation nats/token: model ${modelNats.toFixed(3)}, bigram ${bigram.toFixed(3)}`);
    // The full validation split gives 4.49 vs 5.18 nats (model card, 1.718 bits/byte); these windows give 4.37 vs 5.13.
    expect(modelNats).toBeLessThan(bigram - 0.6);
  });
});

// What the chapters say attention does, true of the model on screen.
describe('the shipped model uses its context', () => {
  it('has a head that looks at the previous token', () => {
    const stats = headStats(valWindows(16).map((ids) => forward(model, ids, { logitRows: 'last' })));
    const best = bestPreviousTokenHead(stats);
    console.log(`best previous-token head: L${best.layer + 1}H${best.head + 1} ${best.previous.toFixed(3)}`);
    // The card measures 0.60 (L1H1) over the whole split; spreading evenly over a 128-token window gives about 0.04.
    // The issue's target is 0.6.
    expect(best.previous).toBeGreaterThan(0.6);
  });

  it('reads a random sequence hardly more cheaply the second time: it does not copy', () => {
    const c = copying(model, tokenizer, Uint16Array.from(train));
    console.log(`copying: first ${c.firstNats.toFixed(3)}, second ${c.secondNats.toFixed(3)} nats/token`);
    // The card measures 0.04 nats and says the model hardly copies; GPT-2 reads the second copy almost for free.
    expect(c.firstNats - c.secondNats).toBeGreaterThan(0);
    expect(c.firstNats - c.secondNats).toBeLessThan(0.1);
  });

  it('expects the subject’s pronoun after both subjects of many probe pairs, after He and She nearly always', () => {
    const pairs = pronounProbe({ model, tokenizer });
    const right = pairs.filter((p) => p.maleRight && p.femaleRight);
    console.log(`pronoun probe: ${right.length} of ${pairs.length}`);
    // The card counts 70 of 156 (the model shipped before it: 18), and 13 of 13 for He / She, 0 for The king / The queen.
    expect(right.length).toBeGreaterThanOrEqual(65);
    expect(right.filter((p) => p.maleSubject === 'He').length).toBeGreaterThanOrEqual(12);
  });

  it('moves its pronouns towards a gendered noun in the sentences it was trained on', () => {
    // The first million characters hold 146 of the training text's 1,580 places; the whole text takes ten times as long.
    const { places, model: shares } = nounFollowing({ model, tokenizer }, trainText.slice(0, 1_000_000));
    console.log(`noun following: ${places} places, ${shares.nounEffect.toFixed(1)} points, ${shares.flipped} flipped`);
    // The card measures 15.6 points over all of them (the model shipped before it: 6.9; on these places 18.8 and 5.6).
    expect(places).toBeGreaterThan(100);
    expect(shares.nounEffect).toBeGreaterThan(15);
  });

  it('agrees with a word a few tokens back more often than chance', () => {
    const results = agreement(model, tokenizer);
    const right = results.filter(isRight).length;
    console.log(`agreement: ${right} of ${results.length}`);
    // The card counts 21 of 32; 16 is chance, since every pair has a twin whose right answer is the other word.
    // The 16 pronoun pairs are barely above chance (10 of 16): its lean to he wins after most female nouns, as after "The queen".
    expect(right).toBeGreaterThanOrEqual(20);
  });

  it('moves the odds the right way between every pronoun twin and every number twin, though its lean often wins', () => {
    const shifts = twinShifts(agreement(model, tokenizer));
    const pronoun = meanTwinShift(shifts, 'pronoun');
    const number = meanTwinShift(shifts, 'number');
    console.log(
      `twins: pronoun ${pronoun.mean.toFixed(2)} nats, ${pronoun.rightWay} of ${pronoun.twins}; number ${number.mean.toFixed(2)}, ${number.rightWay} of ${number.twins}`,
    );
    // The card says 8 of 8 and 5 of 5, and a mean of 1.21 nats for the pronouns (the model shipped before it: 0.24).
    expect(pronoun.rightWay).toBe(pronoun.twins);
    expect(number.rightWay).toBe(number.twins);
    expect(pronoun.mean).toBeGreaterThan(1);
  });
});
