// npm run corpus [-- --out DIR]
// Builds the training corpus from the Brown Corpus and WordNet glosses into train.txt, val.txt
// and stats.json. Same inputs, same bytes: no randomness, no timestamps in the output.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brownDir, readBrownDocuments, readWordnetDocuments, wordnetDir } from './sources.ts';
import { joinDocuments, splitOf, VAL_EVERY, type CorpusDocument, type Split } from './split.ts';
import { addStats, EMPTY_STATS, measure, type TextStats } from './stats.ts';

const SPLITS: Split[] = ['train', 'val'];

function parseOutDir(argv: readonly string[]): string {
  const i = argv.indexOf('--out');
  if (i < 0) return join('data', 'corpus');
  const dir = argv[i + 1];
  if (!dir || dir.startsWith('--')) throw new Error('--out needs a folder name after it, e.g. --out data/corpus');
  return dir;
}

function main(): void {
  const started = performance.now();
  const outDir = parseOutDir(process.argv.slice(2));
  const sources: Record<string, CorpusDocument[]> = {
    brown: readBrownDocuments(brownDir()),
    wordnet: readWordnetDocuments(wordnetDir()),
  };

  const texts: Record<Split, string[]> = { train: [], val: [] };
  const perSource: Record<string, Record<Split, TextStats>> = {};
  for (const [name, documents] of Object.entries(sources)) {
    perSource[name] = { train: EMPTY_STATS, val: EMPTY_STATS };
    documents.forEach((doc, i) => {
      const split = splitOf(i);
      texts[split].push(doc.text);
      perSource[name][split] = addStats(perSource[name][split], measure(doc.text, 1));
    });
  }

  mkdirSync(outDir, { recursive: true });
  const splits = {} as Record<Split, TextStats>;
  for (const split of SPLITS) {
    const content = joinDocuments(texts[split]);
    writeFileSync(join(outDir, `${split}.txt`), content);
    splits[split] = measure(content, texts[split].length);
  }
  const stats = {
    rule: `document i of each source (0-based, in file order) is in val when (i + 1) % ${VAL_EVERY} === 0`,
    format: 'documents separated by "\\n\\n", paragraphs by "\\n"; per-source counts exclude the separators',
    splits,
    sources: perSource,
  };
  writeFileSync(join(outDir, 'stats.json'), `${JSON.stringify(stats, null, 2)}\n`);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Corpus written to ${outDir} in ${seconds}s`);
  for (const split of SPLITS) {
    const s = splits[split];
    console.log(
      `  ${`${split}.txt`.padEnd(10)} ${s.documents} documents, ${s.words.toLocaleString('en-US')} words, ${s.bytes.toLocaleString('en-US')} bytes`,
    );
  }
  for (const [name, bySplit] of Object.entries(perSource)) {
    const total = addStats(bySplit.train, bySplit.val);
    console.log(
      `  ${name.padEnd(10)} ${total.documents} documents (${bySplit.val.documents} in val), ${total.words.toLocaleString('en-US')} words`,
    );
  }
}

try {
  main();
} catch (err) {
  console.error(`corpus: ${(err as Error).message}`);
  process.exit(1);
}
