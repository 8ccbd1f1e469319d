import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readModelDir } from '../scripts/lib/model-dir';
import { evaluate } from '../scripts/train/evaluate';
import { modelFromFiles } from '../src/core/bundle';
import { forward } from '../src/core/gpt';

const loaded = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));
const T = loaded.model.config.nPositions;
const V = loaded.model.config.vocabSize;
const prose = 'The old man walked down to the river in the morning, and his daughter followed him with a basket of bread. ';
const gloss = 'lantern: a light with a transparent case protecting the flame. ';
const tokens = (text: string) => Uint16Array.from(loaded.tokenizer.encode(text.repeat(40)));

/** Bits per byte of one window's T predictions, computed here from the forward pass's probabilities. */
function windowBitsPerByte(window: Uint16Array): number {
  const probs = forward(loaded.model, Array.from(window.subarray(0, T))).probs.data;
  let bits = 0;
  let bytes = 0;
  for (let i = 0; i < T; i++) {
    bits -= Math.log2(probs[i * V + window[i + 1]]);
    bytes += loaded.tokenizer.tokenString(window[i + 1]).length;
  }
  return bits / bytes;
}

describe('bits per byte by source', () => {
  it('scores each part of the validation text as if it were evaluated alone', () => {
    const first = tokens(prose).subarray(0, T + 1);
    const second = tokens(gloss).subarray(0, T);
    // Two windows: the first predicts val[1..T] (all prose), the second val[T+1..2T] (all glosses).
    const val = Uint16Array.from([...first, ...second]);
    const { bitsPerByte, bitsPerByteBySource } = evaluate(loaded, val, tokens(prose + gloss), 'F16', null, T + 1);
    const proseBits = windowBitsPerByte(val.subarray(0, T + 1));
    const glossBits = windowBitsPerByte(val.subarray(T, 2 * T + 1));
    expect(bitsPerByteBySource!.prose).toBeCloseTo(proseBits, 4);
    expect(bitsPerByteBySource!.glosses).toBeCloseTo(glossBits, 4);
    expect(Math.abs(proseBits - glossBits)).toBeGreaterThan(0.1);
    expect(bitsPerByte).toBeGreaterThan(Math.min(proseBits, glossBits));
    expect(bitsPerByte).toBeLessThan(Math.max(proseBits, glossBits));
  });
});
