// npm run corpus [-- --out DIR]
// Builds the training corpus from the Brown Corpus and WordNet glosses into train.txt, val.txt
// and stats.json, and the further prose a later schedule may read (more-prose.ts) into more-prose-train.txt and
// more-prose-val.txt. Same inputs, same bytes: no randomness, no timestamps in the output. Tests build it
// in memory with buildCorpus(), the same code without the files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brownDir, readBrownDocuments, readWordnetDocuments, wordnetDir } from './sources.ts';
import { buildMoreProse } from './more-prose.ts';
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

/** What stats.json records: the split rule, the file format, and the sizes of each split and of each source's share. */
export interface CorpusStats {
  rule: string;
  format: string;
  splits: Record<Split, TextStats>;
  sources: Record<string, Record<Split, TextStats>>;
}

/** The corpus as the files hold it: the text of train.txt and val.txt, and the record in stats.json. */
export interface Corpus {
  text: Record<Split, string>;
  stats: CorpusStats;
}

/** Builds the corpus from the installed Brown Corpus and WordNet, writing nothing: main() writes it, tests read it. */
export function buildCorpus(): Corpus {
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

  const text = {} as Record<Split, string>;
  const splits = {} as Record<Split, TextStats>;
  for (const split of SPLITS) {
    text[split] = joinDocuments(texts[split]);
    splits[split] = measure(text[split], texts[split].length);
  }
  const stats = {
    rule: `document i of each source (0-based, in file order) is in val when (i + 1) % ${VAL_EVERY} === 0`,
    format: 'documents separated by "\\n\\n", paragraphs by "\\n"; per-source counts exclude the separators',
    splits,
    sources: perSource,
  };
  return { text, stats };
}

function main(): void {
  const started = performance.now();
  const outDir = parseOutDir(process.argv.slice(2));
  const { text, stats } = buildCorpus();
  const { splits, sources: perSource } = stats;

  mkdirSync(outDir, { recursive: true });
  for (const split of SPLITS) writeFileSync(join(outDir, `${split}.txt`), text[split]);
  writeFileSync(join(outDir, 'stats.json'), `${JSON.stringify(stats, null, 2)}\n`);
  const moreProse = buildMoreProse();
  for (const split of SPLITS) writeFileSync(join(outDir, `more-prose-${split}.txt`), moreProse[split]);
  for (const split of SPLITS) {
    const s = measure(moreProse[split], moreProse[split].split('\n\n').length);
    console.log(
      `  more-prose-${split}.txt: ${s.documents} documents, ${s.words.toLocaleString('en-US')} words (read only by a schedule that asks for it)`,
    );
  }

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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    console.error(`corpus: ${(err as Error).message}`);
    process.exit(1);
  }
}
