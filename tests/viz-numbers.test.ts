import { describe, expect, it } from 'vitest';
import { cosine, dot } from '../src/core/vec';
import { layerNormChannel, layerNormStats, linearColumn, softmaxEntry } from '../src/viz/numbers';
import { layernormForward } from '../src/core/ops/layernorm';
import { bytesWithPartialsShown, fmt, formatPercent, tex, texFixed, tokenLabel, visibleToken } from '../src/viz/format';
import { bytesToUnicode } from '../src/core/tokenizer';
import { createRng } from '../src/core/rng';

describe('layer-norm statistics', () => {
  it('match a hand-computed row', () => {
    const s = layerNormStats([1, 2, 3, 6], 0);
    expect(s.mean).toBe(3);
    expect(s.variance).toBe((4 + 1 + 0 + 9) / 4);
    expect(s.denom).toBeCloseTo(Math.sqrt(3.5), 12);
  });

  it('reproduce the core layer norm for every channel', () => {
    const rng = createRng(1);
    const C = 16;
    const x = Float32Array.from({ length: C }, () => rng.normal() * 3 + 1);
    const g = Float32Array.from({ length: C }, () => rng.normal());
    const b = Float32Array.from({ length: C }, () => rng.normal());
    const out = new Float32Array(C);
    layernormForward(out, null, null, x, g, b, 1, C, 1e-5);
    const stats = layerNormStats(x, 1e-5);
    for (let c = 0; c < C; c++) expect(layerNormChannel(x, c, g[c], b[c], stats)).toBeCloseTo(out[c], 5);
  });
});

describe('products and softmax', () => {
  it('dot and cosine', () => {
    expect(dot([1, 2, 3], [4, -5, 6])).toBe(12);
    expect(cosine([1, 0], [0, 2])).toBe(0);
    expect(cosine([1, 1], [2, 2])).toBeCloseTo(1, 12);
    expect(cosine([0, 0], [1, 2])).toBe(0);
  });

  it('linearColumn reads W stored (in, out)', () => {
    // x (2) @ W (2, 3) + b (3), column 1: 1*20 + 2*50 + 7
    const r = linearColumn([1, 2], [10, 20, 30, 40, 50, 60], [0, 7, 0], 3, 1);
    expect(r.value).toBe(127);
    expect(r.terms).toEqual([
      [1, 20],
      [2, 50],
    ]);
  });

  it('softmaxEntry skips masked entries and sums to 1', () => {
    const row = [0.5, -1, 2, -Infinity];
    const total = [0, 1, 2, 3].reduce((s, j) => s + softmaxEntry(row, j).value, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(softmaxEntry(row, 3).value).toBe(0);
    expect(softmaxEntry([0, 0], 0).value).toBe(0.5);
  });
});

describe('number formatting', () => {
  it('uses a real minus and never shows −0', () => {
    expect(fmt(-0.12345)).toBe('−0.1235');
    expect(fmt(-0.00001)).toBe('0.0000');
    expect(fmt(-Infinity)).toBe('−∞');
    expect(tex(-1.5)).toBe('-1.5000');
    expect(tex(-Infinity)).toBe('-\\infty');
  });

  it("keeps three significant digits of small values inside formulas, and the readout's form for the result", () => {
    expect(tex(0.0099)).toBe('9.90 \\times 10^{-3}');
    expect(tex(-0.000012345)).toBe('-1.23 \\times 10^{-5}');
    expect(tex(0)).toBe('0.0000');
    expect(tex(0.01)).toBe('0.0100');
    expect(texFixed(0.0099)).toBe('0.0099');
  });

  it('makes token spaces visible', () => {
    expect(visibleToken(' king\n')).toBe('␣king↵');
    expect(visibleToken('a\u000eb\r\u007f')).toBe('a⟨0E⟩b⟨0D⟩⟨7F⟩');
  });

  it('writes percentages with a floor for tiny values', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(0.0004)).toBe('<0.1%');
    expect(formatPercent(0.00004, 2)).toBe('<0.01%');
    expect(formatPercent(0.00123, 2)).toBe('0.12%');
  });
});

describe('token labels', () => {
  // A byte-level vocabulary by hand: each token string is its bytes written through GPT-2's byte table.
  const byteChar = bytesToUnicode();
  const tokenOf = (bytes: number[]) => bytes.map((b) => byteChar.get(b)!).join('');
  const vocab = [
    tokenOf([0x20, 0x6b, 0x69, 0x6e, 0x67]), // ' king'
    tokenOf([0xe4]), // first byte of 中 (E4 B8 AD)
    tokenOf([0xb8, 0xad]), // its last two bytes
    tokenOf([0x20, 0xc3]), // a space, then half of 'é'
    tokenOf([0xe4, 0xb8, 0xad]), // the whole of 中
  ];
  const decoder = new TextDecoder();
  const tokenizer = {
    tokenString: (id: number) => vocab[id],
    tokenText: (id: number) => decoder.decode(new Uint8Array([...vocab[id]].map((ch) => [...byteChar].find(([, c]) => c === ch)![0]))),
  };

  it('shows whole characters as text, spaces made visible', () => {
    expect(tokenLabel(tokenizer, 0)).toBe('␣king');
    expect(tokenLabel(tokenizer, 4)).toBe('中');
  });

  it('shows the bytes of a partial character instead of the replacement character', () => {
    expect(tokenizer.tokenText(1)).toBe('\uFFFD'); // what the reader would otherwise see
    expect(tokenLabel(tokenizer, 1)).toBe('⟨E4⟩');
    expect(tokenLabel(tokenizer, 2)).toBe('⟨B8⟩⟨AD⟩');
    expect(tokenLabel(tokenizer, 3)).toBe('␣⟨C3⟩');
  });

  it('keeps valid sequences and marks only the stray bytes', () => {
    expect(bytesWithPartialsShown([0x61, 0xe4, 0xb8, 0xad, 0xb8, 0x62])).toBe('a中⟨B8⟩b');
    expect(bytesWithPartialsShown([0xf0, 0x9f, 0x98])).toBe('⟨F0⟩⟨9F⟩⟨98⟩');
    expect(bytesWithPartialsShown([0xf0, 0x9f, 0x98, 0x80])).toBe('😀');
    expect(bytesWithPartialsShown([0xc0, 0x80])).toBe('⟨C0⟩⟨80⟩'); // an overlong encoding is not a character
  });
});
