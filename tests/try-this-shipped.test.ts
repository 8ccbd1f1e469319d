import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { forward } from '../src/core/gpt';
import { lastProbs } from '../src/core/trace';
import { getChapter, type ChapterId } from '../src/content/chapters';
import type { Lang } from '../src/content/types';

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

describe('chapter 5: changing king to queen', () => {
  it.each(['en', 'zh'] as const)('is the example of the text (%s)', (lang) => {
    expect(tryThis(lang, 'attention')).toMatch(/king[\s\S]*queen/);
  });

  it('changes the attention rows of that word and after it, and none before', () => {
    const king = tokenizer.encode('The old king said to the queen that he would');
    const queen = tokenizer.encode('The old queen said to the queen that he would');
    expect(king.length).toBe(queen.length);
    const at = king.findIndex((id, i) => id !== queen[i]);
    const T = king.length;
    const [a, b] = [forward(model, king), forward(model, queen)];
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
