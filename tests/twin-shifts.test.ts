import { describe, expect, it } from 'vitest';
import { AGREEMENT_PAIRS, agreementByKind, meanTwinShift, twinShifts, type AgreementResult } from '../scripts/train/context-evals';

const result = (prompt: string, right: string, wrong: string, pRight: number, pWrong: number): AgreementResult => ({
  kind: 'pronoun',
  prompt,
  right,
  wrong,
  pRight,
  pWrong,
  logOdds: Math.log(pRight / pWrong),
});

describe('twinShifts', () => {
  it('is the change in the log-odds of the first prompt’s word, from its twin to it', () => {
    // After "The king" he is twice as likely as she (log 2); after "The queen" she is twice as likely as he (−log 2 for he).
    const [shift] = twinShifts([result('The king', 'he', 'she', 0.5, 0.25), result('The queen', 'she', 'he', 0.4, 0.2)]);
    expect(shift.shift).toBeCloseTo(2 * Math.log(2), 12);
    expect(shift).toMatchObject({ kind: 'pronoun', prompts: ['The king', 'The queen'], word: 'he' });
  });

  it('is positive when the twin moves the odds the right way though the same word wins after both', () => {
    // he leads after both, 8 to 1 and then 2 to 1: the second pair is wrong, yet the noun moved the odds by log 4.
    const shifts = twinShifts([result('The king', 'he', 'she', 0.08, 0.01), result('The queen', 'she', 'he', 0.02, 0.04)]);
    expect(shifts[0].shift).toBeCloseTo(Math.log(4), 12);
    expect(meanTwinShift(shifts, 'pronoun')).toEqual({ mean: shifts[0].shift, rightWay: 1, twins: 1 });
  });

  it('is zero for a model that ignores the word the twins differ in', () => {
    const [shift] = twinShifts([result('The king', 'he', 'she', 0.3, 0.1), result('The queen', 'she', 'he', 0.1, 0.3)]);
    expect(shift.shift).toBeCloseTo(0, 12);
  });

  it('stays finite where the probabilities underflow to 0, since it reads the logits', () => {
    // Both words far down the list after both prompts, so far that their float32 probabilities are 0; their logits
    // are still 30 apart after the first prompt and 20 apart the other way after the second.
    const kingLike = { ...result('The king', 'he', 'she', 0, 0), logOdds: 30 };
    const queenLike = { ...result('The queen', 'she', 'he', 0, 0), logOdds: -20 };
    expect(twinShifts([kingLike, queenLike])[0].shift).toBe(10);
  });

  it('refuses results that are not twins', () => {
    expect(() => twinShifts([result('The king', 'he', 'she', 0.3, 0.1), result('The man', 'he', 'she', 0.3, 0.1)])).toThrow(/not twins/);
    expect(() => twinShifts([result('The king', 'he', 'she', 0.3, 0.1)])).toThrow(/cannot be read as twins/);
  });

  it('reads the agreement pairs as they are written: each followed by its twin', () => {
    const results = AGREEMENT_PAIRS.map((pair) => ({ ...pair, pRight: 0.5, pWrong: 0.25, logOdds: Math.log(2) }));
    const shifts = twinShifts(results);
    expect(shifts).toHaveLength(AGREEMENT_PAIRS.length / 2);
    expect(new Set(shifts.map((s) => s.kind))).toEqual(new Set(['pronoun', 'number', 'article']));
  });
});

describe('agreementByKind', () => {
  it('counts the pairs of each kind whose right word is more likely, a tie counting as wrong', () => {
    const counts = agreementByKind([
      result('The king said that', 'he', 'she', 0.3, 0.1),
      result('The queen said that', 'she', 'he', 0.1, 0.3),
      result('Mrs. Brown said that', 'she', 'he', 0.2, 0.2),
      { ...result('The men at the door', 'were', 'was', 0.02, 0.01), kind: 'number' },
      { ...result('He was an', 'old', 'young', 0.05, 0.001), kind: 'article' },
      { ...result('He was a', 'young', 'old', 0.01, 0.001), kind: 'article' },
    ]);
    expect(counts).toEqual({ pronoun: 1, number: 1, article: 2 });
  });
});
