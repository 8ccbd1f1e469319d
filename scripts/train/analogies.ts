import { analogyVector, nearestRows } from '../../src/core/analogy.ts';
import { GENDER_PAIRS } from '../../src/core/analogyRanking.ts';
import type { Tensor } from '../../src/core/tensor.ts';
import type { Tokenizer } from '../../src/core/tokenizer/index.ts';
import { isWholeWordToken, lookupWord } from '../../src/core/words.ts';

// X_male − man + woman should land on X_female: the test the model card reports (the pairs live in the core,
// since the app's before-and-after table ranks them too).
export { GENDER_PAIRS };

export interface AnalogyResult {
  query: string;
  expected: string;
  rank: number | null; // 1-based rank of the expected word among whole-word tokens, null if past top 50
  top: { text: string; score: number }[];
}

export function genderAnalogies(wte: Tensor, tokenizer: Tokenizer): AnalogyResult[] {
  const id = (w: string) => {
    const r = lookupWord(tokenizer, w);
    if (!r.ok) throw new Error(`" ${w}" is not a single token`);
    return r.id;
  };
  const wholeWord = new Uint8Array(tokenizer.vocabSize);
  for (let i = 0; i < tokenizer.vocabSize; i++) wholeWord[i] = isWholeWordToken(tokenizer.tokenString(i)) ? 1 : 0;
  return GENDER_PAIRS.map(([male, female]) => {
    const a = id(male),
      b = id('man'),
      c = id('woman');
    const top = nearestRows(wte, analogyVector(wte, a, b, c), { k: 50, exclude: [a, b, c], candidate: (i) => wholeWord[i] === 1 });
    const idx = top.findIndex((n) => n.id === id(female));
    return {
      query: `${male} − man + woman`,
      expected: female,
      rank: idx >= 0 ? idx + 1 : null,
      top: top.slice(0, 5).map((n) => ({ text: tokenizer.tokenText(n.id), score: n.score })),
    };
  });
}

/**
 * How many gender pairs rank their female word first, for a W_e that is still training. rowNorms caches a
 * matrix's row norms by its array, and the training loop changes W_e in place, so the count reads a copy: read
 * directly, every evaluation after the first reused the first one's norms.
 */
export function genderPairsFirstWhileTraining(wte: Tensor, tokenizer: Tokenizer): number {
  const snapshot = { data: Float32Array.from(wte.data), shape: wte.shape };
  return genderAnalogies(snapshot, tokenizer).filter((a) => a.rank === 1).length;
}
