import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelDir } from '../scripts/lib/model-dir';
import { modelFromFiles } from '../src/core/bundle';
import { forward } from '../src/core/gpt';
import { DEFAULT_TEXT } from '../src/app/state/text';
import { getUi } from '../src/content/chapters';

// The GELU figure's caption says most of a layer's neurons sit left of zero at the selected token, which the page
// opens on: the last token of the default sentence.
const { model, tokenizer } = modelFromFiles(readModelDir(resolve(import.meta.dirname, '../public/models/tiny')));

describe('the GELU figure on the shipped model', () => {
  it('is what the caption says, in both languages', () => {
    expect(getUi('en').geluCurveCaption).toContain('Most dots sit left of zero');
    expect(getUi('zh').geluCurveCaption).toContain('大多数点落在 0 的左边');
  });

  it('has most of every layer’s neurons left of zero at the last token of the default sentence', () => {
    const trace = forward(model, tokenizer.encode(DEFAULT_TEXT));
    const T = trace.ids.length;
    for (const block of trace.blocks) {
      const width = block.fc.shape[1];
      const row = block.fc.data.subarray((T - 1) * width, T * width);
      expect(row.filter((x) => x < 0).length).toBeGreaterThan(width / 2);
    }
  });
});
