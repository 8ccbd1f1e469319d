import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readModelDir } from '../scripts/lib/model-dir';
import { genderAnalogies, genderPairsFirstWhileTraining } from '../scripts/train/analogies';
import { modelFromFiles } from '../src/core/bundle';
import { lookupWord } from '../src/core/words';

const { model, tokenizer } = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));

describe('gender pairs counted while W_e trains', () => {
  it('counts a W_e changed in place since the last count as it is now, not with the old row norms', () => {
    const [V, C] = model.params.wte.shape;
    const training = { data: Float32Array.from(model.params.wte.data), shape: [V, C] };
    const before = genderPairsFirstWhileTraining(training, tokenizer);
    expect(before).toBe(genderAnalogies(model.params.wte, tokenizer).filter((a) => a.rank === 1).length);
    // Shrinking a row changes no cosine, so a count with fresh norms stays put; with the first count's norms,
    // queen's score would shrink tenfold and king − man + woman would rank it lower.
    const queen = lookupWord(tokenizer, 'queen');
    if (!queen.ok) throw new Error('" queen" is not one token');
    for (let c = 0; c < C; c++) training.data[queen.id * C + c] *= 0.1;
    expect(genderPairsFirstWhileTraining(training, tokenizer)).toBe(before);
    expect(genderAnalogies({ data: Float32Array.from(training.data), shape: [V, C] }, tokenizer)[0].rank).toBe(1);
  });
});
