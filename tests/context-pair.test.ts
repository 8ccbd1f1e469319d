import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { forward } from '../src/core/gpt';
import { lastProbs } from '../src/core/trace';
import { nextTokenAfter, singleTokenId } from '../src/core/nextToken';
import { CONTEXT_PAIR } from '../src/content/contextPair';
import { getChapter } from '../src/content/chapters';
import { differingWords, layoutPairColumns, orderFlips } from '../src/viz/contextPair';
import { visibleToken } from '../src/viz/format';

// Chapter 5's pair of prompts, checked on the model the app ships: every sentence the chapter says about it.
const loaded = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));
const { tokenizer } = loaded;
const { prompts, words, cues, unfollowed } = CONTEXT_PAIR;

function wordId(word: string): number {
  const id = singleTokenId(tokenizer, word);
  if (id === null) throw new Error(`${JSON.stringify(word)} is not one token`);
  return id;
}

/** The probabilities of the two compared words after `prompt`, from a forward pass written out here. */
function compared(prompt: string): [number, number] {
  const probs = lastProbs(forward(loaded.model, tokenizer.encode(prompt)));
  return [probs[wordId(words[0])], probs[wordId(words[1])]];
}

describe('the context pair on the shipped model', () => {
  it('compares two words that are each one token', () => {
    for (const w of words) expect(tokenizer.encode(w), w).toHaveLength(1);
  });

  it(`ranks ${JSON.stringify(words[0])} above ${JSON.stringify(words[1])} after the first prompt, and the reverse after the second`, () => {
    const [a0, b0] = compared(prompts[0]);
    const [a1, b1] = compared(prompts[1]);
    console.log(
      `context pair: ${prompts[0]} → ${(a0 * 100).toFixed(1)}% / ${(b0 * 100).toFixed(1)}%; ${prompts[1]} → ${(a1 * 100).toFixed(1)}% / ${(b1 * 100).toFixed(1)}%`,
    );
    expect(a0).toBeGreaterThan(b0);
    expect(b1).toBeGreaterThan(a1);
  });

  it('does not follow the rarer noun: the second word still leads', () => {
    const [a, b] = compared(unfollowed);
    expect(b).toBeGreaterThan(a);
  });

  it('compares prompts of the same length that differ in one token, the cue, and end with the token the prose names', () => {
    const [a, b] = prompts.map((p) => tokenizer.encode(p));
    expect(a.length).toBe(b.length);
    const differ = a.map((_, i) => i).filter((i) => a[i] !== b[i]);
    expect(differ).toHaveLength(1);
    expect([a[differ[0]], b[differ[0]]].map((id) => tokenizer.tokenText(id).trim())).toEqual([...cues]);
    expect(differ[0]).toBeLessThan(a.length - 1);
    const last = tokenizer.tokenText(a[a.length - 1]).trim();
    for (const lang of ['en', 'zh'] as const) expect(getChapter(lang, 'attention').body.join('\n')).toContain(`“${last}”`);
  });

  it('gives the figure the same numbers as a full forward pass', () => {
    for (const prompt of prompts) {
      const pass = nextTokenAfter(loaded, prompt);
      expect(pass.ids).toEqual(tokenizer.encode(prompt));
      const full = lastProbs(forward(loaded.model, pass.ids, { logitRows: 'all' }));
      let maxDiff = 0;
      for (let i = 0; i < full.length; i++) maxDiff = Math.max(maxDiff, Math.abs(full[i] - pass.probs[i]));
      expect(maxDiff).toBeLessThan(1e-6);
    }
  });

  it('lays the figure out as the flip it claims: each column’s compared rows, and orderFlips true', () => {
    const ids: [number, number] = [wordId(words[0]), wordId(words[1])];
    const columns = layoutPairColumns(
      prompts.map((p) => nextTokenAfter(loaded, p).probs),
      ids,
      6,
    );
    expect(orderFlips(columns)).toBe(true);
    for (const column of columns) {
      expect(
        column.rows
          .filter((r) => r.compared !== null)
          .map((r) => r.id)
          .sort(),
      ).toEqual([...ids].sort());
      expect(Math.max(...column.rows.map((r) => r.fraction))).toBeLessThanOrEqual(1);
    }
  });
});

describe('the prose about the pair names what the pair holds', () => {
  it.each(['en', 'zh'] as const)('%s: chapter 5 names the cues, the compared words and the prompt it does not follow', (lang) => {
    const prose = getChapter(lang, 'attention').body.join('\n');
    for (const cue of cues) expect(prose).toContain(`“${cue}”`);
    for (const w of words) expect(prose).toContain(visibleToken(w));
    expect(prose).toContain(`“${unfollowed}”`);
    // The lesson's example it stands in for.
    expect(prose).toMatch(lang === 'en' ? /Snape/ : /斯内普/);
  });
});

describe('the figure’s layout', () => {
  it('marks the words the two prompts do not share', () => {
    const [a, b] = differingWords('Mary told her mother that', 'John told his mother that');
    expect(a.filter((p) => p.differs).map((p) => p.text)).toEqual(['Mary', 'her']);
    expect(b.filter((p) => p.differs).map((p) => p.text)).toEqual(['John', 'his']);
    expect(a.map((p) => p.text).join('')).toBe('Mary told her mother that');
  });

  it('marks an inserted word and nothing else', () => {
    const [a, b] = differingWords('the cat sat', 'the black cat sat');
    expect(a.some((p) => p.differs)).toBe(false);
    expect(b.filter((p) => p.differs).map((p) => p.text)).toEqual(['black']);
  });

  it('lists the top k, then a compared word outside them with its rank, on one scale for both columns', () => {
    const p = [0.5, 0.2, 0.15, 0.1, 0.05];
    const q = [0.1, 0.6, 0.1, 0.1, 0.1];
    const [c0, c1] = layoutPairColumns([p, q], [4, 0], 2);
    expect(c0.rows.map((r) => [r.id, r.rank, r.compared, r.beyondTop])).toEqual([
      [0, 1, 1, false],
      [1, 2, null, false],
      [4, 5, 0, true],
    ]);
    // The largest probability in either column (0.6) is the full bar.
    expect(c1.rows[0]).toMatchObject({ id: 1, fraction: 1 });
    expect(c0.rows[0].fraction).toBeCloseTo(0.5 / 0.6);
    expect(c0.compared).toEqual([0.05, 0.5]);
    expect(c0.leader).toBe(1);
    // Ties share the better rank.
    expect(c1.rows.find((r) => r.id === 0)?.rank).toBe(2);
  });

  it('says the order flips only when the first column leads with the first word and the second with the second', () => {
    const flip = layoutPairColumns(
      [
        [0.6, 0.4],
        [0.3, 0.7],
      ],
      [0, 1],
      2,
    );
    expect(orderFlips(flip)).toBe(true);
    const same = layoutPairColumns(
      [
        [0.6, 0.4],
        [0.55, 0.45],
      ],
      [0, 1],
      2,
    );
    expect(orderFlips(same)).toBe(false);
    const tie = layoutPairColumns(
      [
        [0.5, 0.5],
        [0.3, 0.7],
      ],
      [0, 1],
      2,
    );
    expect(orderFlips(tie)).toBe(false);
  });
});
