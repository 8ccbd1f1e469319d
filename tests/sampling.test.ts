import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  drawableCount,
  drawFrom,
  generate,
  sampleToken,
  samplingDistribution,
  tokenRng,
  parseWholeNumber,
  validateSettings,
  DEFAULT_SETTINGS,
} from '../src/core/sampling';
import type { SamplingSettings } from '../src/core/sampling';
import { createRng } from '../src/core/rng';
import { initModel } from '../src/core/model';
import { tinyConfig } from './tinyConfig';
import { forward } from '../src/core/gpt';
import { Tokenizer } from '../src/core/tokenizer/index.ts';

// Written out here rather than imported, so the tests do not share a bug with the code under test.
function referenceSoftmax(logits: number[], temperature: number): number[] {
  const max = Math.max(...logits);
  const e = logits.map((x) => Math.exp((x - max) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

function frequencies(logits: number[], s: SamplingSettings, draws: number, seed: number): number[] {
  const rng = createRng(seed);
  const counts = new Array(logits.length).fill(0);
  for (let i = 0; i < draws; i++) counts[sampleToken(logits, s, rng)]++;
  return counts.map((c) => c / draws);
}

const LOGITS = [2, 1, 0.5, -1, 0];
const off = { topK: null, topP: null };

describe('parseWholeNumber', () => {
  it('reads digits as a reader types them, with spaces, leading zeros or a Chinese keyboard’s full-width digits', () => {
    expect(parseWholeNumber('7')).toBe(7);
    expect(parseWholeNumber(' 007 ')).toBe(7);
    expect(parseWholeNumber('１０')).toBe(10);
    expect(parseWholeNumber('0')).toBe(0);
  });

  it('refuses anything that is not digits alone, rather than reading 1e3 as 1000 or 0x10 as 16', () => {
    for (const typed of ['', ' ', '1e3', '1.0', '0x10', '-1', '+1', '1,000', 'ten', '٣', '1 2']) expect(parseWholeNumber(typed)).toBeNull();
  });
});

describe('drawableCount', () => {
  const settings = (temperature: number, topK: number | null = null): SamplingSettings => ({
    ...DEFAULT_SETTINGS,
    temperature,
    topK,
    topP: null,
  });

  it('counts every token with a chance at temperature 1, and leaves out an id with no token', () => {
    expect(drawableCount(samplingDistribution([0, 1, 2, 3], settings(1)))).toBe(4);
    expect(drawableCount(samplingDistribution([0, 1, -Infinity, 3], settings(1)))).toBe(3);
    expect(drawableCount(samplingDistribution([0, 1, 2, 3], settings(1, 2)))).toBe(2);
  });

  it('counts only the tokens whose probability is above 0, which near temperature 0 is the top one', () => {
    // Logits 1 apart at T = 1e-9 are 1e9 apart after scaling: e^-1e9 is 0 in float64.
    const distribution = samplingDistribution([0, 1, 2, 3], settings(1e-9));
    expect([...distribution.kept]).toEqual([1, 1, 1, 1]);
    expect([...distribution.probs]).toEqual([0, 0, 0, 1]);
    expect(drawableCount(distribution)).toBe(1);
    expect(drawableCount(samplingDistribution([0, 1, 2, 3], settings(0)))).toBe(1);
  });

  // A draw inverts the cumulative sum at (k + 0.5) · 2⁻³² for a whole k (sampling.ts, rng.ts): a token is drawable when
  // one of those numbers falls in its share of [0, 1).
  const kept = (n: number) => new Uint8Array(n).fill(1);
  const step = 2 ** -32;

  it('leaves out a token above 0 that no draw can land on: its share of [0, 1) holds none of the numbers drawn', () => {
    // 0.3 / step = 1,288,490,188.8: the next number drawn, 1,288,490,189.5 · step, is past 0.3 + 1e-12.
    expect(drawableCount({ probs: [0.3, 1e-12, 0.7 - 1e-12], kept: kept(3) })).toBe(2);
    // A share half a step wide, from 2³¹ + 0.25 steps to 2³¹ + 0.75, holds 2³¹ + 0.5; from 2³¹ + 0.75 to 2³¹ + 1, none.
    expect(drawableCount({ probs: [0.5 + step / 4, step / 2, 0.5 - (3 * step) / 4], kept: kept(3) })).toBe(3);
    expect(drawableCount({ probs: [0.5 + (3 * step) / 4, step / 4, 0.5 - step], kept: kept(3) })).toBe(2);
    // 1e-87 after a top token of 1 (rounded): nothing is left for it.
    expect(drawableCount({ probs: [1, 1e-87], kept: kept(2) })).toBe(1);
    // Nor is a tiny first token drawn: the numbers drawn start half a step above 0.
    expect(drawableCount({ probs: [1e-70, 1], kept: kept(2) })).toBe(1);
  });

  it('counts the last token when the total falls short of 1 by more than half a step, as a draw past the total gives it', () => {
    // [0.3, 0.3 + 1e-12) holds none of the numbers drawn, but 0.31 is past the total and gives the last token.
    expect(drawableCount({ probs: [0.3, 1e-12], kept: kept(2) })).toBe(2);
    // Here the total, 1 − 2⁻⁴⁰ + 2⁻⁵⁰, leaves no number drawn past it.
    expect(drawableCount({ probs: [1 - 2 ** -40, 2 ** -50], kept: kept(2) })).toBe(1);
  });

  it('draws exactly the tokens it counts, at the numbers next to a share’s edges', () => {
    // A stand-in for the generator that gives k · step, as rng.ts does.
    const at = (k: number) => ({ next: () => k * step, normal: () => 0 });
    const probs = [0.5 + step / 4, step / 2, 0.5 - (3 * step) / 4];
    expect(drawFrom(probs, at(2 ** 31 - 1))).toBe(0);
    expect(drawFrom(probs, at(2 ** 31))).toBe(1);
    expect(drawFrom(probs, at(2 ** 31 + 1))).toBe(2);
    expect(drawFrom([1e-70, 1], at(0))).toBe(1);
  });

  it('near temperature 0, counts what the figure shows: the top token alone, not every token above 0', () => {
    // At T = 0.05 logits 2 apart are 40 apart: e^-40 = 4e-18, far below 2⁻³² ≈ 2.3e-10.
    const distribution = samplingDistribution([0, 2, 4, 6, 8], settings(0.05));
    expect(distribution.probs.every((p) => p > 0)).toBe(true);
    expect(drawableCount(distribution)).toBe(1);
  });
});

describe('sampling frequencies match the softmax', () => {
  for (const temperature of [1, 0.5, 2]) {
    it(`at temperature ${temperature}: 20,000 draws land within 0.01 of every probability`, () => {
      const expected = referenceSoftmax(LOGITS, temperature);
      const freq = frequencies(LOGITS, { temperature, ...off }, 20_000, 42);
      const worst = Math.max(...freq.map((f, i) => Math.abs(f - expected[i])));
      expect(worst).toBeLessThan(0.01);
      // Chi-square with 4 degrees of freedom: 18.47 is the 0.1% critical value.
      const chi2 = freq.reduce((sum, f, i) => sum + (20_000 * (f - expected[i])) ** 2 / (20_000 * expected[i]), 0);
      expect(chi2).toBeLessThan(18.47);
    });
  }

  it('top-k 2 draws only the two most likely tokens, in their renormalised ratio', () => {
    const p = referenceSoftmax(LOGITS, 1);
    const freq = frequencies(LOGITS, { temperature: 1, topK: 2, topP: null }, 20_000, 7);
    expect(freq[2] + freq[3] + freq[4]).toBe(0);
    expect(Math.abs(freq[0] - p[0] / (p[0] + p[1]))).toBeLessThan(0.01);
  });

  it('greedy (temperature 0) always gives the argmax, whatever the random stream', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.integer(), (logits, seed) => {
        const best = logits.indexOf(Math.max(...logits));
        const rng = createRng(seed);
        for (let i = 0; i < 5; i++) expect(sampleToken(logits, { temperature: 0, ...off }, rng)).toBe(best);
      }),
    );
  });
});

describe('top-k and top-p filters', () => {
  const settings = fc.record({
    temperature: fc.double({ min: 0.05, max: 5, noNaN: true }),
    topK: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
    topP: fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: null }),
  });
  const logitVector = fc.array(fc.double({ min: -15, max: 15, noNaN: true }), { minLength: 1, maxLength: 50 });

  it('never draws a removed token, and keeps exactly the set the definitions ask for', () => {
    fc.assert(
      fc.property(logitVector, settings, fc.integer(), (logits, s, seed) => {
        const { probs, kept } = samplingDistribution(logits, s);
        const id = sampleToken(logits, s, createRng(seed));
        expect(kept[id]).toBe(1);
        expect(probs[id]).toBeGreaterThan(0);

        const total = probs.reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(1, 9);
        for (let i = 0; i < logits.length; i++) if (!kept[i]) expect(probs[i]).toBe(0);

        const p = referenceSoftmax(logits, s.temperature);
        const keptIds = [...kept.keys()].filter((i) => kept[i]);
        expect(keptIds.length).toBeGreaterThanOrEqual(1);
        if (s.topK !== null) expect(keptIds.length).toBeLessThanOrEqual(s.topK);
        // Whatever is kept is at least as likely as whatever is removed.
        const minKept = Math.min(...keptIds.map((i) => p[i]));
        for (let i = 0; i < logits.length; i++) if (!kept[i]) expect(p[i]).toBeLessThanOrEqual(minKept * (1 + 1e-9));
        if (s.topP !== null && keptIds.length > 1) {
          // Nucleus is minimal: without its least likely member it would hold less than p
          // of the (top-k renormalised) mass.
          const afterK = s.topK === null ? p : renormalisedTopK(p, s.topK);
          const mass = keptIds.reduce((a, i) => a + afterK[i], 0);
          const minMass = Math.min(...keptIds.map((i) => afterK[i]));
          expect(mass - minMass).toBeLessThan(s.topP + 1e-9);
          // ...and with it, it holds at least p (or it is everything top-k left).
          const available = afterK.filter((x) => x > 0).length;
          if (keptIds.length < available) expect(mass).toBeGreaterThanOrEqual(s.topP - 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('top-p keeps the smallest set reaching p: [0.5, 0.3, 0.2] with p = 0.75 keeps two tokens', () => {
    const logits = [Math.log(0.5), Math.log(0.3), Math.log(0.2)];
    const { probs, kept } = samplingDistribution(logits, { temperature: 1, topK: null, topP: 0.75 });
    expect([...kept]).toEqual([1, 1, 0]);
    expect(probs[0]).toBeCloseTo(0.5 / 0.8, 12);
    expect(samplingDistribution(logits, { temperature: 1, topK: null, topP: 0.5 }).kept).toEqual(Uint8Array.from([1, 0, 0]));
    expect(samplingDistribution(logits, { temperature: 1, topK: null, topP: 0.01 }).kept).toEqual(Uint8Array.from([1, 0, 0]));
  });
});

// Ties at the k-th place go to the lower index, the documented rule of samplingDistribution.
function renormalisedTopK(p: number[], k: number): number[] {
  const keep = new Set(
    p
      .map((_, i) => i)
      .sort((a, b) => p[b] - p[a] || a - b)
      .slice(0, k),
  );
  const masked = p.map((x, i) => (keep.has(i) ? x : 0));
  const sum = masked.reduce((a, b) => a + b, 0);
  return masked.map((x) => x / sum);
}

describe('drawFrom', () => {
  it('returns the last possible token when rounding leaves the total under 1', () => {
    const almostOne = { next: () => 0.9999999999, normal: () => 0 };
    expect(drawFrom([0.3, 0.3, 0.3999999, 0], almostOne)).toBe(2);
  });
});

describe('validateSettings', () => {
  it('passes good values through untouched', () => {
    expect(validateSettings({ temperature: 0.7, topK: 40, topP: 0.9 })).toEqual({
      settings: { temperature: 0.7, topK: 40, topP: 0.9 },
      problems: [],
    });
    expect(validateSettings({})).toEqual({ settings: { temperature: 1, topK: null, topP: null }, problems: [] });
    expect(validateSettings({ temperature: '0.5', topK: '3', topP: '' }).settings).toEqual({ temperature: 0.5, topK: 3, topP: null });
  });

  it('clamps, rounds or switches off odd values and says so', () => {
    const codes = (raw: Parameters<typeof validateSettings>[0], v?: number) => {
      const r = validateSettings(raw, v);
      return { s: r.settings, codes: r.problems.map((p) => p.code) };
    };
    expect(codes({ temperature: -3 })).toEqual({ s: { temperature: 0, topK: null, topP: null }, codes: ['temperatureClamped'] });
    expect(codes({ temperature: 1e9 }).s.temperature).toBe(5);
    expect(codes({ temperature: NaN }).codes).toEqual(['temperatureNotANumber']);
    // Far too big is still a number: clamped, like 1e9.
    expect(codes({ temperature: Infinity })).toEqual({ s: { temperature: 5, topK: null, topP: null }, codes: ['temperatureClamped'] });
    expect(codes({ temperature: '1e999' }).s.temperature).toBe(5);
    // Typed the way people type decimals, and only that: no hexadecimal 16 out of "0x10".
    expect(codes({ temperature: '1,5' })).toEqual({ s: { temperature: 1.5, topK: null, topP: null }, codes: [] });
    expect(codes({ temperature: '１.５' }).s.temperature).toBe(1.5);
    // A comma and three digits may be a thousands separator: refused, never silently read as 1.
    expect(codes({ topK: '1,000' }).codes).toEqual(['topKNotANumber']);
    expect(codes({ topP: '0,125' }).s.topP).toBe(0.125);
    expect(codes({ temperature: ' .5 ' }).s.temperature).toBe(0.5);
    expect(codes({ temperature: '0x10' }).codes).toEqual(['temperatureNotANumber']);
    expect(codes({ temperature: '1.2.3' }).codes).toEqual(['temperatureNotANumber']);
    expect(codes({ temperature: 'hot' }).s.temperature).toBe(1);
    expect(codes({ temperature: {} }).codes).toEqual(['temperatureNotANumber']);
    expect(codes({ topK: 2.6 })).toEqual({ s: { temperature: 1, topK: 3, topP: null }, codes: ['topKRounded'] });
    expect(codes({ topK: 0 })).toEqual({ s: { temperature: 1, topK: null, topP: null }, codes: [] }); // 0 means off
    expect(codes({ topK: 0.4 })).toEqual({ s: { temperature: 1, topK: null, topP: null }, codes: ['topKOff'] });
    expect(codes({ topK: -5 }).codes).toEqual(['topKOff']);
    expect(codes({ topK: 1e12 }, 8192)).toEqual({ s: { temperature: 1, topK: 8192, topP: null }, codes: ['topKClamped'] });
    expect(codes({ topK: [1] }).codes).toEqual(['topKNotANumber']);
    expect(codes({ topP: 1.5 })).toEqual({ s: { temperature: 1, topK: null, topP: 1 }, codes: ['topPClamped'] });
    expect(codes({ topP: 0 }).codes).toEqual(['topPOff']);
    expect(codes({ topP: -0.2 }).s.topP).toBeNull();
    expect(codes({ topP: 'x' }).codes).toEqual(['topPNotANumber']);
    const p = validateSettings({ temperature: -1 }).problems[0];
    expect(p).toMatchObject({ value: -1, to: 0 });
    expect(p.message).toContain('temperature -1');
  });

  it('describes a value that refuses to become text', () => {
    const stubborn = { toString: undefined, valueOf: undefined };
    const { settings, problems } = validateSettings({ temperature: stubborn });
    expect(settings.temperature).toBe(DEFAULT_SETTINGS.temperature);
    expect(problems[0].message).toMatch(/^temperature .* is not a number; using 1$/);
  });

  it('anything at all gives settings that sample without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (temperature, topK, topP) => {
        const { settings } = validateSettings({ temperature, topK, topP }, 5);
        const id = sampleToken(LOGITS, settings, createRng(1));
        expect(id).toBeGreaterThanOrEqual(0);
        expect(id).toBeLessThan(LOGITS.length);
      }),
    );
  });
});

describe('generate', () => {
  const config = tinyConfig({ vocabSize: 11, nPositions: 8, nEmbd: 8, nLayer: 2, nHead: 2 });
  const model = initModel(config, createRng(3));
  // Sharpen the output layer so the tiny random model has a real preference to follow.
  model.params.lm_head!.data.forEach((x, i, a) => (a[i] = x * 30));
  const letters = 'abcdefghijk';
  const tokenizer = new Tokenizer(new Map([...letters].map((ch, i) => [ch, i])), []);
  const settings = { temperature: 1, topK: null, topP: null };

  it('is reproducible with the same seed and differs with another', () => {
    const a = generate(model, tokenizer, [1, 2], 5, settings, 123);
    const b = generate(model, tokenizer, [1, 2], 5, settings, 123);
    expect(a).toEqual(b);
    expect(a.ids.slice(0, 2)).toEqual([1, 2]);
    expect(a.ids).toHaveLength(7);
    const others = [1, 2, 3, 4, 5].map((seed) => generate(model, tokenizer, [1, 2], 5, settings, seed).ids.join());
    expect(new Set(others).size).toBeGreaterThan(1);
  });

  it('stops when the model draws the stop token, and leaves it out of the ids', () => {
    const greedy = { temperature: 0, topK: null, topP: null };
    const free = generate(model, tokenizer, [1, 2], 5, greedy, 1);
    const stopAt = free.ids[4]; // the third token greedy decoding picks
    const stopped = generate(model, tokenizer, [1, 2], 5, greedy, 1, undefined, stopAt);
    expect(stopped.stoppedAtToken).toBe(true);
    expect(stopped.ids).toEqual(free.ids.slice(0, free.ids.indexOf(stopAt, 2))); // the prompt's own tokens never stop it
    expect(free.stoppedAtToken).toBe(false);
  });

  it('gives the same tokens whether made in one run or resumed in pieces', () => {
    const whole = generate(model, tokenizer, [4], 6, settings, 99);
    const first = generate(model, tokenizer, [4], 2, settings, 99);
    const rest = generate(model, tokenizer, first.ids, 4, settings, 99);
    expect(rest.ids).toEqual(whole.ids);
    const byHand = [4];
    for (let i = 0; i < 6; i++) {
      const trace = forward(model, byHand, { logitRows: 'last' });
      byHand.push(sampleToken(trace.logits.data, settings, tokenRng(99, byHand.length)));
    }
    expect(byHand).toEqual(whole.ids);
  });

  it('greedy generation follows the argmax of a full forward pass', () => {
    const { ids } = generate(model, tokenizer, [0, 5], 4, { temperature: 0, topK: null, topP: null }, 1);
    for (let t = 2; t < ids.length; t++) {
      const trace = forward(model, ids.slice(0, t));
      const row = Array.from(trace.logits.data.subarray((t - 1) * 11, t * 11));
      expect(ids[t]).toBe(row.indexOf(Math.max(...row)));
    }
  });

  it('stops cleanly at the context length and says so', () => {
    const seen: string[] = [];
    const r = generate(model, tokenizer, [1, 2, 3], 50, settings, 5, (_id, text) => seen.push(text));
    expect(r.ids).toHaveLength(config.nPositions);
    expect(r.stoppedAtContext).toBe(true);
    expect(seen).toHaveLength(config.nPositions - 3);
    expect(seen.join('')).toBe(tokenizer.decode(r.ids.slice(3)));
    expect(generate(model, tokenizer, [1, 2, 3], 5, settings, 5).stoppedAtContext).toBe(false);
  });
});
