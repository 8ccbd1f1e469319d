import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bytesToUnicode, vocabToJson } from '../../src/core/tokenizer/index.ts';

export interface Gpt2TokenizerFiles {
  vocabJson: string; // vocab.json: 50,257 tokens, "<|endoftext|>" last
  mergesTxt: string; // merges.txt: "#version: 0.2" and 50,000 merges
}

/**
 * GPT-2's vocab.json and merges.txt, rebuilt from gpt-tokenizer's r50k_base ranks.
 * r50k_base is GPT-2's vocabulary: rank = id, and the token of rank 256 + i is made by
 * merge i. Its pair is found by running BPE on the token's bytes with lower ranks only,
 * which must stop at exactly two parts.
 */
export function rebuildGpt2Files(): Gpt2TokenizerFiles {
  const require = createRequire(import.meta.url);
  const tiktoken = readFileSync(require.resolve('gpt-tokenizer/data/r50k_base.tiktoken'), 'utf8');
  const byteChars = bytesToUnicode();
  const spell = (latin1: string) => Array.from(latin1, (c) => byteChars.get(c.charCodeAt(0))!).join('');
  const rankOf = new Map<string, number>(); // latin1 spelling of the bytes -> rank
  const byRank: string[] = [];
  for (const line of tiktoken.split('\n')) {
    if (line === '') continue;
    const [b64, rank] = line.split(' ');
    const latin1 = Buffer.from(b64, 'base64').toString('latin1');
    rankOf.set(latin1, Number(rank));
    byRank[Number(rank)] = latin1;
  }
  const merges: string[] = [];
  for (let rank = 256; rank < byRank.length; rank++) {
    let parts = Array.from(byRank[rank]);
    for (;;) {
      let best = -1;
      let bestRank = rank;
      for (let i = 0; i + 1 < parts.length; i++) {
        const r = rankOf.get(parts[i] + parts[i + 1]);
        if (r !== undefined && r < bestRank) [best, bestRank] = [i, r];
      }
      if (best < 0) break;
      parts = [...parts.slice(0, best), parts[best] + parts[best + 1], ...parts.slice(best + 2)];
    }
    if (parts.length !== 2) throw new Error(`rank ${rank} did not split into two parts: ${parts.length}`);
    merges.push(`${spell(parts[0])} ${spell(parts[1])}`);
  }
  const vocab = new Map(byRank.map((latin1, rank) => [spell(latin1), rank]));
  vocab.set('<|endoftext|>', byRank.length);
  return { vocabJson: vocabToJson(vocab), mergesTxt: `#version: 0.2\n${merges.join('\n')}\n` };
}
