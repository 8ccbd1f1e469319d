import { describe, expect, it } from 'vitest';
import { hasForeignScriptOrEmoji, readText } from '../src/app/model/runText';

// The note under the text box that the model learned from English only: it comes with any text the
// tokenizer takes apart into bytes, whatever the script, not with Chinese alone.

// Enough of a loaded model for readText: a tokenizer that reads bytes, and the context's length.
const bytesOnly = {
  tokenizer: { encode: (text: string) => [...new TextEncoder().encode(text)], tokenText: (id: number) => String(id) },
  model: { config: { nPositions: 1024 } },
} as unknown as Parameters<typeof readText>[0];

const noted = (text: string) => {
  const read = readText(bytesOnly, text);
  return read.kind === 'ok' && read.foreignScriptOrEmoji;
};

describe('the trained-on-English note', () => {
  it('comes with text in any script but Latin, alone or among English words', () => {
    for (const text of ['你好', 'שלום', 'مرحبا', 'Привет', 'γεια', 'こんにちは', '안녕', 'नमस्ते', 'The king said 你好'])
      expect(noted(text), text).toBe(true);
  });

  it('comes with emoji, alone or among words', () => {
    for (const text of ['😀', '🎉🎉', '👍🏽', '🇫🇷', '❤️', 'The king 👑', 'Step 1️⃣', '#️⃣']) expect(noted(text), text).toBe(true);
  });

  it('does not come with English, other Latin-script words, numbers, punctuation or ©', () => {
    for (const text of [
      'The king said to the queen',
      'café naïve Ærø',
      '2024 — 3.5%!',
      '“Quoted” (text)?',
      '© 1961 Brown™',
      'a cell 5 µm wide',
      '2 ℓ of water',
      'donʼt',
      'ˈstress',
    ])
      expect(noted(text), text).toBe(false);
  });

  it('reads the text as typed, not its tokens', () => {
    expect(hasForeignScriptOrEmoji('Привет')).toBe(true);
    expect(hasForeignScriptOrEmoji('king')).toBe(false);
  });
});
