// Size measures reported in stats.json.

export interface TextStats {
  documents: number;
  words: number;
  characters: number;
  bytes: number;
}

const encoder = new TextEncoder();

// Words are whitespace-separated runs; characters are Unicode code points; bytes are UTF-8.
export function measure(text: string, documents: number): TextStats {
  let words = 0;
  let characters = 0;
  let inWord = false;
  for (const ch of text) {
    characters++;
    const space = ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return { documents, words, characters, bytes: encoder.encode(text).length };
}

export function addStats(a: TextStats, b: TextStats): TextStats {
  return {
    documents: a.documents + b.documents,
    words: a.words + b.words,
    characters: a.characters + b.characters,
    bytes: a.bytes + b.bytes,
  };
}

export const EMPTY_STATS: TextStats = { documents: 0, words: 0, characters: 0, bytes: 0 };
