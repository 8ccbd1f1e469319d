import { readModelDir } from './lib/model-dir.ts';
import { modelFromFiles } from '../src/core/bundle.ts';
import { nextTokenAfter, singleTokenId } from '../src/core/nextToken.ts';

// Which gendered nouns flip the pronoun the model expects, in which frames?
const dir = process.argv[2] ?? 'public/models/tiny';
const loaded = modelFromFiles(readModelDir(dir));
const { tokenizer } = loaded;
const id = (w: string) => singleTokenId(tokenizer, w)!;
const nouns: [string, string][] = [
  ['The king', 'The queen'], ['The man', 'The woman'], ['Mr. Brown', 'Mrs. Brown'], ['His father', 'His mother'],
  ['The boy', 'The girl'], ['Her husband', 'Her wife'], ['The old man', 'The old woman'], ['John', 'Mary'],
  ['The son', 'The daughter'], ['My brother', 'My sister'], ['The gentleman', 'The lady'], ['He', 'She'],
];
const frames: [string, string, string][] = [
  ['{N} said that', ' he', ' she'], ['{N} sat down and closed', ' his', ' her'], ['{N} opened', ' his', ' her'],
  ['{N} looked at', ' his', ' her'], ['{N} was tired, so', ' he', ' she'], ['{N} came home, and', ' he', ' she'],
  ['{N} lost', ' his', ' her'], ['{N} put on', ' his', ' her'], ['{N} shook', ' his', ' her'], ['{N} raised', ' his', ' her'],
  ['{N} thought that', ' he', ' she'], ['{N} smiled because', ' he', ' she'], ['{N} took off', ' his', ' her'],
];
let flips = 0, total = 0;
for (const [frame, m, f] of frames) {
  const row: string[] = [];
  for (const [male, female] of nouns) {
    const pm = nextTokenAfter(loaded, frame.replace('{N}', male)).probs;
    const pf = nextTokenAfter(loaded, frame.replace('{N}', female)).probs;
    const mOk = pm[id(m)] > pm[id(f)], fOk = pf[id(f)] > pf[id(m)];
    total++;
    if (mOk && fOk) flips++;
    row.push(`${male.split(' ').pop()}:${mOk && fOk ? 'FLIP' : mOk ? 'm' : fOk ? 'f' : 'x'}(${(100 * pf[id(f)]).toFixed(1)}/${(100 * pf[id(m)]).toFixed(1)})`);
  }
  console.log(frame.padEnd(26), row.join(' '));
}
console.log(`flips ${flips}/${total}`);
