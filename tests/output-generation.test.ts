import { describe, expect, it } from 'vitest';
import { nextStep, respelling, textFor, type GenerationContext } from '../src/app/output/generation';
import { generate, sampleToken, tokenRng } from '../src/core/sampling';
import { parseSeed } from '../src/app/output/settings';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { Tokenizer } from '../src/core/tokenizer/index.ts';
import { runText } from '../src/app/model/runText';
import { forward } from '../src/core/gpt';
import { bytesToUnicode } from '../src/core/tokenizer/index.ts';
import { lastLogits, type Trace } from '../src/core/trace';
import type { GPTConfig } from '../src/core/config';
import { tinyConfig } from './tinyConfig';

// A toy tokenizer without merges: one token per character, so re-encoding the generated text gives
// back exactly the generated ids, and the panel's step-by-step run can be compared with generate().
const letters = 'abcdefghijklmnop';
const tokenizer = new Tokenizer(new Map([...letters].map((ch, i) => [ch, i])), []);
const config = tinyConfig({ vocabSize: 16, nPositions: 9, nEmbd: 8, nLayer: 2, nHead: 2, tieWordEmbeddings: true });
const model = initModel(config, createRng(8));
model.params.wte.data.forEach((x, i, a) => (a[i] = x * 40));
const loaded = { model, tokenizer } as unknown as Parameters<typeof runText>[0];
const settings = { temperature: 1, topK: null, topP: null };

describe('the generation panel’s steps', () => {
  it('one step at a time through the text gives what generate() gives in one call', () => {
    let text = 'abc';
    for (let i = 0; i < 4; i++) {
      const step = nextStep(runText(loaded, text, { logitRows: 'last' }) as GenerationContext, tokenizer, settings, 77, config.nPositions);
      if (step.kind !== 'text') throw new Error(`expected a token the text can hold, got ${step.kind}`);
      text = step.text;
    }
    const direct = generate(model, tokenizer, tokenizer.encode('abc'), 4, settings, 77);
    expect(text).toBe(tokenizer.decode(direct.ids));
  });

  it('stops at the context length instead of cutting the start of the text', () => {
    const full = runText(loaded, 'abcdefghi', { logitRows: 'last' }) as GenerationContext;
    expect(nextStep(full, tokenizer, settings, 1, config.nPositions)).toEqual({ kind: 'contextFull' });
    const over = runText(loaded, 'abcdefghijk', { logitRows: 'last' }) as GenerationContext;
    expect(nextStep(over, tokenizer, settings, 1, config.nPositions).kind).toBe('contextFull');
    expect(nextStep(null, tokenizer, settings, 1, config.nPositions).kind).toBe('empty');
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

// A byte-level tokenizer like GPT-2's: the 256 single-byte tokens (ids 0..255 in GPT-2's order) and one merge, "a" + "b".
const byteChars = [...bytesToUnicode().entries()];
const byteVocab = new Map<string, number>(byteChars.map(([, ch], id) => [ch, id]));
byteVocab.set('ab', 256);
const bytes = new Tokenizer(byteVocab, [['a', 'b']]);
const byteId = (b: number) => byteVocab.get(bytesToUnicode().get(b)!)!;
const greedy = { temperature: 0, topK: null, topP: null };

/** A trace with these last logits, all a generation step reads. */
function traceOf(data: Float32Array): Trace {
  return { logits: { data, shape: [1, data.length] }, logitsFrom: 0 } as unknown as Trace;
}

/** A trace whose last logits put most weight on `id` and the next most on "a", so a greedy step must pick `id`. */
function forcingIn(vocabSize: number, id: number): Trace {
  const data = new Float32Array(vocabSize);
  data[byteId(0x61)] = 5;
  data[id] = 10;
  return traceOf(data);
}

const forcing = (id: number) => forcingIn(bytes.vocabSize, id);

describe('generation keeps the ids the model sampled', () => {
  it('holds the byte tokens of 中 as ids until all three are there, then writes text that encodes to exactly them', () => {
    let ids = bytes.encode('x');
    const kinds: string[] = [];
    for (const b of [0xe4, 0xb8, 0xad]) {
      const step = nextStep({ ids, trace: forcing(byteId(b)), droppedTokens: 0 }, bytes, greedy, 1, 64);
      if (step.kind !== 'text' && step.kind !== 'pending') throw new Error(`unexpected ${step.kind}`);
      expect(step.ids).toEqual([...ids, byteId(b)]);
      kinds.push(step.kind);
      ids = step.ids;
      if (step.kind === 'text') {
        expect(step.text).toBe('x中');
        expect(bytes.encode(step.text)).toEqual(ids);
      }
    }
    expect(kinds).toEqual(['pending', 'pending', 'text']);
    // Re-encoding the decoded half character would have changed the ids: that is what pending avoids.
    expect(bytes.encode(bytes.decode([byteId(0x78), byteId(0xe4)]))).not.toEqual([byteId(0x78), byteId(0xe4)]);
  });

  it('writes "a" then "b" into the text as "ab", and reports the re-spelling', () => {
    const a = byteId(0x61);
    const b = byteId(0x62);
    const first = nextStep({ ids: [byteId(0x78)], trace: forcing(a), droppedTokens: 0 }, bytes, greedy, 1, 64);
    expect(first).toMatchObject({ kind: 'text', respelled: false, text: 'xa' });
    const second = nextStep({ ids: [byteId(0x78), a], trace: forcing(b), droppedTokens: 0 }, bytes, greedy, 1, 64);
    const ab = bytes.encode('ab');
    expect(ab).toHaveLength(1); // the byte tokenizer has the merge, so "ab" is one token
    expect(second).toEqual({ kind: 'text', id: b, ids: [byteId(0x78), ...ab], text: 'xab', respelled: true });
    expect(respelling([byteId(0x78), a, b], [byteId(0x78), ...ab])).toEqual({ chosen: [a, b], read: ab });
    expect(textFor(bytes, [byteId(0x78), a, b])).toBeNull();
  });

  it('stops on "<|endoftext|>" when asked to, and never writes it into the text', () => {
    const endOfText = byteVocab.size; // an id past the bytes and the merge, like GPT-2's last id
    const withEnd = new Tokenizer(new Map([...byteVocab, ['<|endoftext|>', endOfText]]), [['a', 'b']]);
    const trace = forcingIn(withEnd.vocabSize, endOfText);
    const context = { ids: withEnd.encode('x'), trace, droppedTokens: 0 };
    expect(nextStep(context, withEnd, greedy, 1, 64, 0, { id: endOfText, stop: true })).toEqual({ kind: 'endOfText', id: endOfText });
    // Left out, greedy decoding takes the runner-up, and the text holds only what the tokenizer reads back.
    const goOn = nextStep(context, withEnd, greedy, 1, 64, 0, { id: endOfText, stop: false });
    expect(goOn).toEqual({
      kind: 'text',
      id: byteId(0x61),
      ids: withEnd.encode('xa'),
      text: 'xa',
      respelled: false,
      endOfTextLeftOut: true,
    });
    // With no rule the token is just another token, and its characters are re-read as characters.
    const plain = nextStep(context, withEnd, greedy, 1, 64);
    expect(plain).toMatchObject({ kind: 'text', id: endOfText, text: 'x<|endoftext|>', respelled: true });
    if (plain.kind === 'text') expect(plain.ids).not.toContain(endOfText);
  });

  it('leaves "<|endoftext|>" out under sampling too: whatever the seed, the token drawn instead is another one', () => {
    const endOfText = byteVocab.size;
    const withEnd = new Tokenizer(new Map([...byteVocab, ['<|endoftext|>', endOfText]]), [['a', 'b']]);
    const data = new Float32Array(withEnd.vocabSize).fill(-Infinity);
    data[endOfText] = 4; // most of the mass, so most seeds draw it first
    data[byteId(0x61)] = 3;
    data[byteId(0x62)] = 3;
    const context = { ids: withEnd.encode('x'), trace: traceOf(data), droppedTokens: 0 };
    let leftOut = 0;
    for (let seed = 0; seed < 50; seed++) {
      const step = nextStep(context, withEnd, settings, seed, 64, 0, { id: endOfText, stop: false });
      if (step.kind !== 'text') throw new Error(`unexpected ${step.kind}`);
      expect(step.id).not.toBe(endOfText);
      if (step.endOfTextLeftOut) leftOut++;
    }
    expect(leftOut).toBeGreaterThan(0);
  });

  it('waits at most three tokens for a character, then writes what it has', () => {
    // F4 90 starts no character at all (it would be past U+10FFFF), so no fourth byte can finish it.
    let ids = bytes.encode('x');
    const kinds: string[] = [];
    for (const [n, b] of [0xf4, 0x90, 0x90, 0x90].entries()) {
      const chosen = [...ids, byteId(b)];
      const step = nextStep({ ids, trace: forcing(byteId(b)), droppedTokens: 0 }, bytes, greedy, 1, 64, n);
      if (step.kind !== 'text' && step.kind !== 'pending') throw new Error(`unexpected ${step.kind}`);
      kinds.push(step.kind);
      ids = step.ids;
      if (step.kind === 'text') expect(step.text).toBe(bytes.decode(chosen));
    }
    expect(kinds).toEqual(['pending', 'pending', 'pending', 'text']);
  });

  it('a run keeps everything the model sampled: the text box plus the waiting bytes spell every sampled token', () => {
    const byteConfig: GPTConfig = { ...config, vocabSize: bytes.vocabSize, nPositions: 40 };
    const byteModel = initModel(byteConfig, createRng(3));
    byteModel.params.wte.data.forEach((x, i, arr) => (arr[i] = x * 40));
    const byteLoaded = { model: byteModel, tokenizer: bytes } as unknown as Parameters<typeof runText>[0];
    const hot = { temperature: 2, topK: null, topP: null };
    // The panel's loop: the workspace's pass over the text, plus the waiting ids run by the panel itself.
    let text = 'hi';
    let pending: number[] = [];
    const sampled: number[] = [];
    const kinds = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const result = runText(byteLoaded, text, { logitRows: 'last' });
      if (result.kind !== 'ok') throw new Error('empty');
      const contextIds = [...result.ids, ...pending];
      const context =
        pending.length === 0 ? result : { ids: contextIds, trace: forward(byteModel, contextIds, { logitRows: 'last' }), droppedTokens: 0 };
      const step = nextStep(context, bytes, hot, 5, byteConfig.nPositions, pending.length);
      if (step.kind !== 'text' && step.kind !== 'pending') throw new Error(`unexpected ${step.kind}`);
      // The token drawn is the one sampleToken draws from this very context.
      expect(step.id).toBe(sampleToken(lastLogits(context.trace), hot, tokenRng(5, contextIds.length)));
      sampled.push(step.id);
      kinds.add(step.kind);
      if (step.kind === 'text') {
        expect(bytes.encode(step.text)).toEqual(step.ids);
        text = step.text;
        pending = [];
      } else pending = step.ids.slice(result.ids.length);
      expect(pending.length).toBeLessThanOrEqual(3);
    }
    expect(bytes.decode([...bytes.encode(text), ...pending])).toBe(bytes.decode([...bytes.encode('hi'), ...sampled]));
    expect(kinds).toEqual(new Set(['text', 'pending'])); // this seed does sample bytes of unfinished characters
  });
});
