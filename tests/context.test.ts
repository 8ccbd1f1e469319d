import { describe, expect, it } from 'vitest';
import { fitToContext, EmptyInputError } from '../src/core/context';
import { forward } from '../src/core/gpt';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { tinyConfig } from './tinyConfig';

const config = tinyConfig({ vocabSize: 20, nPositions: 6, nEmbd: 8, nLayer: 1, nHead: 2, tieWordEmbeddings: true });
const model = initModel(config, createRng(1));
const longModel = initModel({ ...config, nPositions: 16, nEmbd: 12 }, createRng(2));

describe('context window', () => {
  it('keeps the last nPositions tokens and says how many were cut', () => {
    expect(fitToContext([1, 2, 3, 4, 5, 6, 7, 8], 6)).toEqual({ ids: [3, 4, 5, 6, 7, 8], droppedTokens: 2 });
    expect(fitToContext([1, 2], 6)).toEqual({ ids: [1, 2], droppedTokens: 0 });
  });

  it('treats empty input as its own case', () => {
    expect(() => forward(model, [])).toThrow(EmptyInputError);
    expect(() => forward(model, [])).toThrow(/no text/);
  });

  it('refuses too many tokens and ids outside the vocabulary with a message', () => {
    expect(() => forward(model, [1, 2, 3, 4, 5, 6, 7])).toThrow(/at most 6 tokens but got 7/);
    expect(() => forward(model, [1, 20])).toThrow(/Token id 20 is outside the vocabulary 0..19/);
  });

  // 5 tokens take the unembedding's one-row-at-a-time path for both; 13 take its blocked path for all rows.
  it.each([
    [[3, 1, 4, 1, 5], model],
    [[3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9], longModel],
  ])("'last' logits equal the last row of the full logits, to the bit (%j)", (ids, m) => {
    const T = ids.length;
    const full = forward(m, ids);
    const last = forward(m, ids, { logitRows: 'last' });
    expect(last.logitsFrom).toBe(T - 1);
    expect(last.logits.shape).toEqual([1, 20]);
    expect(Array.from(last.logits.data)).toEqual(Array.from(full.logits.data.subarray((T - 1) * 20)));
    expect(Array.from(last.probs.data)).toEqual(Array.from(full.probs.data.subarray((T - 1) * 20)));
  });
});
