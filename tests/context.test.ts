import { describe, expect, it } from 'vitest';
import { fitToContext, EmptyInputError } from '../src/core/context';
import { forward } from '../src/core/gpt';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import type { GPTConfig } from '../src/core/config';

const config: GPTConfig = { vocabSize: 20, nPositions: 6, nEmbd: 8, nLayer: 1, nHead: 2, layerNormEpsilon: 1e-5, activationFunction: 'gelu_new', tieWordEmbeddings: true };
const model = initModel(config, createRng(1));

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

  it("'last' logits equal the last row of the full logits", () => {
    const ids = [3, 1, 4, 1, 5];
    const full = forward(model, ids);
    const last = forward(model, ids, { logitRows: 'last' });
    expect(last.logitsFrom).toBe(4);
    expect(last.logits.shape).toEqual([1, 20]);
    expect(Array.from(last.logits.data)).toEqual(Array.from(full.logits.data.subarray(4 * 20)));
  });
});
