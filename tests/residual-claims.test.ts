import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { forward } from '../src/core/gpt';
import { DEFAULT_TEXT } from '../src/app/state/text';
import { getChapter } from '../src/content/chapters';

// Chapter 7 says |x| jumps at the first MLP, which, for most tokens, writes a change more than twice as large as the
// embedding.
const { model, tokenizer } = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));
const C = model.config.nEmbd;

function meanRowNorm(data: Float32Array): number {
  const T = data.length / C;
  let sum = 0;
  for (let t = 0; t < T; t++) {
    let sq = 0;
    for (let c = 0; c < C; c++) sq += data[t * C + c] ** 2;
    sum += Math.sqrt(sq);
  }
  return sum / T;
}

describe('the residual stream of the shipped model (chapter 7)', () => {
  it.each([
    ['en', 'for most tokens, writes a change more than twice as large as the embedding'],
    ['zh', '对大多数词元来说，第一个 MLP 写入的改动足有原先嵌入向量的两倍多'],
  ] as const)('is what the chapter says (%s)', (lang, claim) => {
    expect(getChapter(lang, 'layers').body.join('\n')).toContain(claim);
  });

  it.each([DEFAULT_TEXT, 'She sat down and closed the door.', 'The river runs through the old town', '他说'])(
    'grows most at the first MLP: %s',
    (text) => {
      const trace = forward(model, tokenizer.encode(text));
      const embedding = meanRowNorm(trace.x0.data);
      const firstMlp = meanRowNorm(trace.blocks[0].mlpProj.data);
      const others = trace.blocks.flatMap((b, l) => [meanRowNorm(b.attnProj.data), ...(l > 0 ? [meanRowNorm(b.mlpProj.data)] : [])]);
      expect(firstMlp).toBeGreaterThan(2 * embedding);
      expect(firstMlp).toBeGreaterThan(Math.max(...others));
    },
  );

  it.each([DEFAULT_TEXT, 'She sat down and closed the door.', 'The river runs through the old town'])(
    'has the first MLP write more than twice the embedding’s size at most tokens: %s',
    (text) => {
      const trace = forward(model, tokenizer.encode(text));
      const T = trace.ids.length;
      const rowNorm = (data: Float32Array, t: number) => Math.hypot(...data.subarray(t * C, (t + 1) * C));
      const ratios = Array.from({ length: T }, (_, t) => rowNorm(trace.blocks[0].mlpProj.data, t) / rowNorm(trace.x0.data, t));
      expect(ratios.filter((r) => r > 2).length).toBeGreaterThan(T / 2);
      // The residual figure opens on the last token of the default sentence: |x| jumps most at the first MLP there too.
      if (text === DEFAULT_TEXT) {
        const changes = trace.blocks.flatMap((b) => [rowNorm(b.attnProj.data, T - 1), rowNorm(b.mlpProj.data, T - 1)]);
        expect(Math.max(...changes)).toBe(changes[1]);
      }
    },
  );
});
