import { describe, expect, it } from 'vitest';
import { nextStep } from '../src/app/output/generation';
import { generate } from '../src/core/sampling';
import { parseSeed } from '../src/app/output/settings';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { Tokenizer } from '../src/core/tokenizer/index.ts';
import { runText } from '../src/app/model/useForward';
import type { GPTConfig } from '../src/core/config';

// A toy tokenizer without merges: one token per character, so re-encoding the generated text gives
// back exactly the generated ids, and the panel's step-by-step run can be compared with generate().
const letters = 'abcdefghijklmnop';
const tokenizer = new Tokenizer(new Map([...letters].map((ch, i) => [ch, i])), []);
const config: GPTConfig = { vocabSize: 16, nPositions: 9, nEmbd: 8, nLayer: 2, nHead: 2, layerNormEpsilon: 1e-5, activationFunction: 'gelu_new', tieWordEmbeddings: true };
const model = initModel(config, createRng(8));
model.params.wte.data.forEach((x, i, a) => (a[i] = x * 40));
const loaded = { model, tokenizer } as unknown as Parameters<typeof runText>[0];
const settings = { temperature: 1, topK: null, topP: null };

describe('the generation panel’s steps', () => {
  it('one step at a time through the text gives what generate() gives in one call', () => {
    let text = 'abc';
    for (let i = 0; i < 4; i++) {
      const step = nextStep(runText(loaded, text, { logitRows: 'last' }), tokenizer, settings, 77, config.nPositions);
      if (step.kind !== 'token') throw new Error('expected a token');
      text = step.text;
    }
    const direct = generate(model, tokenizer, tokenizer.encode('abc'), 4, settings, 77);
    expect(text).toBe(tokenizer.decode(direct.ids));
  });

  it('stops at the context length instead of cutting the start of the text', () => {
    const full = runText(loaded, 'abcdefghi', { logitRows: 'last' });
    expect(nextStep(full, tokenizer, settings, 1, config.nPositions)).toEqual({ kind: 'contextFull' });
    const over = runText(loaded, 'abcdefghijk', { logitRows: 'last' });
    expect(nextStep(over, tokenizer, settings, 1, config.nPositions).kind).toBe('contextFull');
    expect(nextStep({ kind: 'empty' }, tokenizer, settings, 1, config.nPositions).kind).toBe('empty');
  });

  it('reads the seed from the URL, refusing anything that is not a 32-bit whole number', () => {
    expect(parseSeed('7')).toEqual({ seed: 7, bad: null });
    expect(parseSeed(null)).toEqual({ seed: 42, bad: null });
    expect(parseSeed('-1')).toEqual({ seed: 42, bad: '-1' });
    expect(parseSeed('1.5').bad).toBe('1.5');
    expect(parseSeed('4294967296').bad).toBe('4294967296');
    expect(parseSeed('abc').bad).toBe('abc');
  });
});
