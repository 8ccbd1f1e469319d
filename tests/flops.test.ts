import { describe, expect, it } from 'vitest';
import { forwardFlops } from '../src/core/flops';
import { GPT2_SMALL } from '../src/core/param-count';

describe('forwardFlops', () => {
  it('counts a one-layer pass by hand', () => {
    // L = 1, C = 4, V = 10, T = 2, logits for the last row:
    //   c_attn 2·2·4·12 = 192, attn.c_proj 2·2·4·4 = 64, MLP 2·2·4·16·2 = 512        -> linear 768
    //   scores 2·2·2·4 = 32 (the full square), weighted sum 2·3·4 = 24 (the triangle) -> attention 56
    //   W_u on one row 2·4·10 = 80
    expect(forwardFlops({ nLayer: 1, nEmbd: 4, vocabSize: 10 }, 2)).toEqual({
      linear: 768,
      attention: 56,
      unembedding: 80,
      total: 904,
    });
  });

  it('counts W_u once per row of logits', () => {
    const config = { nLayer: 1, nEmbd: 4, vocabSize: 10 };
    expect(forwardFlops(config, 2, 2).unembedding).toBe(160);
    expect(forwardFlops(config, 2, 2).total - forwardFlops(config, 2).total).toBe(80);
  });

  it('gives about 2 FLOPs per weight for one GPT-2 token', () => {
    // One token: 24·C²·L = 169,869,312 in the linear layers, (2 + 2)·C·L = 36,864 in attention,
    // and 2·C·V = 77,194,752 for W_u.
    expect(forwardFlops(GPT2_SMALL, 1).total).toBe(247_100_928);
  });

  it('grows with the square of T only in attention', () => {
    const config = { nLayer: 12, nEmbd: 768, vocabSize: 50257 };
    const a = forwardFlops(config, 64);
    const b = forwardFlops(config, 128);
    expect(b.linear).toBe(2 * a.linear);
    expect(b.unembedding).toBe(a.unembedding);
    expect(b.attention / a.attention).toBeCloseTo(((3 * 128 + 1) / (3 * 64 + 1)) * 2, 10);
  });
});
