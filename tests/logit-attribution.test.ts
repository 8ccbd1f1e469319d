import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readModelDir } from '../scripts/lib/model-dir';
import { logitAttribution } from '../scripts/train/attribution';
import { modelFromFiles } from '../src/core/bundle';
import { forward } from '../src/core/gpt';
import { singleTokenId } from '../src/core/nextToken';

const { model, tokenizer } = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));
const id = (w: string) => singleTokenId(tokenizer, w)!;

describe('direct logit attribution', () => {
  it('splits the logit difference into parts that add up to it', () => {
    for (const prompt of ['The queen said that', 'She opened the door and']) {
      const ids = tokenizer.encode(prompt);
      const a = logitAttribution(model, ids, id(' she'), id(' he'));
      const parts = a.embeddings + a.biases + a.layers.reduce((s, l) => s + l.mlp + l.heads.reduce((h, x) => h + x.adds, 0), 0);
      const probs = forward(model, ids).probs;
      const last = (probs.shape[0] - 1) * model.config.vocabSize;
      expect(a.total).toBeCloseTo(Math.log(probs.data[last + id(' she')] / probs.data[last + id(' he')]), 3);
      expect(parts).toBeCloseTo(a.total, 3);
    }
  });

  it('changes sign when the two words swap', () => {
    const ids = tokenizer.encode('The king said that');
    const a = logitAttribution(model, ids, id(' she'), id(' he'));
    const b = logitAttribution(model, ids, id(' he'), id(' she'));
    expect(b.total).toBeCloseTo(-a.total, 5);
    expect(b.layers[0].heads[0].adds).toBeCloseTo(-a.layers[0].heads[0].adds, 5);
  });
});
