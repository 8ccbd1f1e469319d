import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { forward } from '../src/core/gpt';
import { lastProbs } from '../src/core/trace';
import { getChapter, type ChapterId } from '../src/content/chapters';
import type { Lang } from '../src/content/types';
import { DEFAULT_TEXT } from '../src/app/state/text';

// The chapters' "try this" prompts promise what the reader will see; these check the promises on the
// shipped model, and that both languages still make them.

const loaded = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));
const { model, tokenizer } = loaded;

const tryThis = (lang: Lang, id: ChapterId) => getChapter(lang, id).tryThis.join('\n');

function next(text: string): { top: string; topP: number; entropyBits: number } {
  const p = lastProbs(forward(model, tokenizer.encode(text), { logitRows: 'last' }));
  let top = 0;
  let entropyBits = 0;
  p.forEach((x, i) => {
    if (x > p[top]) top = i;
    if (x > 0) entropyBits -= x * Math.log2(x);
  });
  return { top: tokenizer.tokenText(top), topP: p[top], entropyBits };
}

describe('chapter 1: a familiar phrase, then a comma', () => {
  it.each(['en', 'zh'] as const)('is the example of the text (%s)', (lang) => {
    expect(tryThis(lang, 'gpt')).toContain('the United');
  });

  it('is confident inside “the United” and spread out after a comma', () => {
    const inside = next('the United');
    const afterComma = next('the United,');
    expect(inside.top).toBe(' States');
    expect(inside.topP).toBeGreaterThan(0.5);
    expect(afterComma.entropyBits).toBeGreaterThan(2 * inside.entropyBits);
  });
});

describe('chapter 3: words newer than the training text', () => {
  it.each(['en', 'zh'] as const)('are the examples of the text (%s)', (lang) => {
    expect(tryThis(lang, 'tokens')).toMatch(/smartphone[\s\S]*podcast/);
  });

  it.each([' smartphone', ' podcast', 'smartphone', 'podcast'])('split %j into several pieces', (word) => {
    expect(tokenizer.encode(word).length).toBeGreaterThan(1);
  });
});

describe('chapter 5: the default sentence, and “woman” changed to “man”', () => {
  const withMan = DEFAULT_TEXT.replace('woman', 'man');
  const nounAt = tokenizer.encode(DEFAULT_TEXT).findIndex((id) => tokenizer.tokenText(id) === ' woman');

  it.each(['en', 'zh'] as const)('is the example of the text, with the head it names (%s)', (lang) => {
    expect(tryThis(lang, 'attention')).toMatch(/“for”[\s\S]*“woman”[\s\S]*“man”[\s\S]*␣his[\s\S]*␣her/);
    expect(tryThis(lang, 'attention')).toContain(lang === 'en' ? 'layer 4, head 2' : '第 4 层的第 2 个头');
    expect(DEFAULT_TEXT.endsWith(' for')).toBe(true);
    expect(nounAt).toBeGreaterThanOrEqual(0);
    expect(nounAt).toBeLessThanOrEqual(2);
  });

  /** Layer 4, head 2's weights in the last token's row. */
  function lastRowOfLayer4Head2(text: string): number[] {
    const ids = tokenizer.encode(text);
    const T = ids.length;
    const head = 1;
    return Array.from(forward(model, ids).blocks[3].weights.data.subarray((head * T + T - 1) * T, (head * T + T) * T));
  }

  it('puts more than half of layer 4, head 2’s weight at the last token on “woman”, and less on “man”, still its largest', () => {
    const woman = lastRowOfLayer4Head2(DEFAULT_TEXT);
    const man = lastRowOfLayer4Head2(withMan);
    expect(woman[nounAt]).toBeGreaterThan(0.5);
    expect(Math.max(...woman)).toBe(woman[nounAt]);
    expect(man[nounAt]).toBeLessThan(0.5);
    expect(Math.max(...man)).toBe(man[nounAt]);
  });

  it('moves ␣his above ␣her at the end of the sentence', () => {
    const probs = (text: string) => lastProbs(forward(model, tokenizer.encode(text), { logitRows: 'last' }));
    const [her, his] = [' her', ' his'].map((w) => tokenizer.encode(w)[0]);
    const [woman, man] = [probs(DEFAULT_TEXT), probs(withMan)];
    expect(woman[her]).toBeGreaterThan(woman[his]);
    expect(man[his]).toBeGreaterThan(man[her]);
  });

  it('still puts ␣his above ␣her after “The queen lost”, as the chapter says (en, zh)', () => {
    const p = lastProbs(forward(model, tokenizer.encode('The queen lost'), { logitRows: 'last' }));
    const [her, his] = [' her', ' his'].map((w) => tokenizer.encode(w)[0]);
    expect(p[his]).toBeGreaterThan(p[her]);
    expect(getChapter('en', 'attention').body.join('\n')).toContain('after “The queen lost”, ␣his still leads');
    expect(getChapter('zh', 'attention').body.join('\n')).toContain('换成“The queen lost”，领先的仍是 ␣his');
  });

  it('changes the attention rows of that word and after it, and none before', () => {
    const woman = tokenizer.encode(DEFAULT_TEXT);
    const man = tokenizer.encode(withMan);
    expect(woman.length).toBe(man.length);
    const at = woman.findIndex((id, i) => id !== man[i]);
    expect(at).toBe(nounAt);
    const T = woman.length;
    const [a, b] = [forward(model, woman), forward(model, man)];
    a.blocks.forEach((block, layer) => {
      const nHead = model.config.nHead;
      for (let h = 0; h < nHead; h++) {
        for (let row = 0; row < T; row++) {
          const rowOf = (w: Float32Array) => Array.from(w.subarray((h * T + row) * T, (h * T + row + 1) * T));
          const same = rowOf(block.weights.data).every((x, j) => x === rowOf(b.blocks[layer].weights.data)[j]);
          expect(same, `layer ${layer + 1}, head ${h + 1}, row ${row}`).toBe(row < at);
        }
      }
    });
  });
});
