import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as r50k from 'gpt-tokenizer/encoding/r50k_base';
import { gpt2Tokenizer } from '../src/app/explainer/figures/gpt2Tokens';

const gpt2 = gpt2Tokenizer(r50k);

describe("GPT-2's tokens as the tokens chapter shows them", () => {
  it('writes the bytes of a split character as ⟨XX⟩, each token on its own', () => {
    // 國 is E5 9C 8B in UTF-8 and 👑 is F0 9F 91 91; GPT-2 splits both across tokens.
    const ids = gpt2.encode('國王 king 👑');
    expect(ids.map(gpt2.tokenText)).toEqual(['⟨E5⟩⟨9C⟩', '⟨8B⟩', '王', ' king', ' ⟨F0⟩⟨9F⟩⟨91⟩', '⟨91⟩']);
  });

  it('reads "<|endoftext|>" in the text as plain characters, never as the special token, like our tokenizer', () => {
    const ids = gpt2.encode('The end.<|endoftext|>');
    expect(ids).not.toContain(50256);
    expect(ids.map(gpt2.tokenText).join('')).toBe('The end.<|endoftext|>');
  });

  it('labels every token so that, read back as bytes, they spell the text exactly', () => {
    const utf8 = new TextEncoder();
    // ⟨XX⟩ stands for one byte; every other character for its own UTF-8 bytes.
    const bytesOf = (label: string) =>
      label
        .split(/(⟨[0-9A-F]{2}⟩)/)
        .flatMap((part) => (/^⟨[0-9A-F]{2}⟩$/.test(part) ? [parseInt(part.slice(1, 3), 16)] : [...utf8.encode(part)]));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 24 }), (text) => {
        const labels = gpt2.encode(text).map(gpt2.tokenText);
        expect(labels.flatMap(bytesOf)).toEqual([...utf8.encode(text)]);
      }),
      { numRuns: 200 },
    );
  });
});
