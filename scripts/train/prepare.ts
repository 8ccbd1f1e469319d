import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Tokenizer, mergesToTxt, trainBpe, vocabToJson } from '../../src/core/tokenizer/index.ts';
import { CORPUS_DIR } from './paths.ts';
import { proseEnd, readCorpusStats } from './windows.ts';

export interface PreparedData {
  tokenizer: Tokenizer;
  vocabJson: string;
  mergesTxt: string;
  train: Uint16Array; // every training document's tokens, documents joined by <|endoftext|>
  val: Uint16Array;
  proseEnd: number; // train[0, proseEnd) is the Brown Corpus's prose, the rest WordNet's glosses
}

/** A corpus file's documents, as `npm run corpus` writes them. */
export function readCorpus(split: 'train' | 'val' | 'more-prose-train' | 'more-prose-val', maxChars: number | null): string[] {
  const path = resolve(CORPUS_DIR, `${split}.txt`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run corpus\` first.`);
  let text = readFileSync(path, 'utf8');
  if (maxChars !== null) text = text.slice(0, maxChars);
  return text.split('\n\n');
}

/** Every document's tokens, each followed by <|endoftext|>: what training and the PPMI + SVD embedding read. */
export function encodeDocuments(tokenizer: Tokenizer, docs: string[]): Uint16Array {
  const eot = tokenizer.idOf('<|endoftext|>');
  if (eot === undefined) throw new Error('the vocabulary has no <|endoftext|> token to end each document with.');
  const ids: number[] = [];
  for (const doc of docs) {
    for (const id of tokenizer.encode(doc)) ids.push(id);
    ids.push(eot);
  }
  return Uint16Array.from(ids);
}

/**
 * The further prose (scripts/corpus/more-prose.ts) in the run's vocabulary, cached in `dir` like the corpus's tokens:
 * read only by the schedules that draw windows from it. `maxChars` cuts it as it cuts the corpus (the quick run's).
 */
export function loadMoreProse(dir: string, tokenizer: Tokenizer, maxChars: number | null, log: (s: string) => void): Uint16Array {
  const docs = () => readCorpus('more-prose-train', maxChars);
  return cachedTokens(resolve(dir, 'more-prose-train.u16'), tokenizer, docs, 'the further prose', log);
}

/** Documents' tokens from their cache file, tokenizing and writing it first if it is missing. */
function cachedTokens(path: string, tokenizer: Tokenizer, docs: () => string[], label: string, log: (s: string) => void): Uint16Array {
  if (!existsSync(path)) {
    const t0 = performance.now();
    const ids = encodeDocuments(tokenizer, docs());
    writeFileSync(path, ids);
    log(`tokenized ${label}: ${ids.length} tokens in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const buf = readFileSync(path);
  return new Uint16Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

/** Train the BPE vocabulary and tokenize the corpus, caching both in `dir`. */
export function prepareData(dir: string, vocabSize: number, maxChars: number | null, log: (s: string) => void): PreparedData {
  mkdirSync(dir, { recursive: true });
  const vocabPath = resolve(dir, 'vocab.json');
  const mergesPath = resolve(dir, 'merges.txt');
  const trainDocs = readCorpus('train', maxChars);
  if (!existsSync(vocabPath) || !existsSync(mergesPath)) {
    const t0 = performance.now();
    const { vocab, merges } = trainBpe(trainDocs, { vocabSize });
    writeFileSync(vocabPath, vocabToJson(vocab));
    writeFileSync(mergesPath, mergesToTxt(merges));
    log(`BPE: ${vocab.size} tokens in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const vocabJson = readFileSync(vocabPath, 'utf8');
  const mergesTxt = readFileSync(mergesPath, 'utf8');
  const tokenizer = Tokenizer.fromFiles(vocabJson, mergesTxt);
  const load = (split: 'train' | 'val', docs: () => string[]) => cachedTokens(resolve(dir, `${split}.u16`), tokenizer, docs, split, log);
  const train = load('train', () => trainDocs);
  const val = load('val', () => readCorpus('val', maxChars === null ? null : Math.ceil(maxChars / 50)));
  const stats = readCorpusStats();
  const eot = tokenizer.idOf('<|endoftext|>')!;
  // train.u16 is cached (and shared between runs): it must still be the tokens of this corpus for the prose to end where stats.json says.
  const documents = train.reduce((n, id) => n + (id === eot ? 1 : 0), 0);
  if (maxChars === null && documents !== stats.splits.train.documents) {
    throw new Error(
      `${dir}/train.u16 holds ${documents} documents and data/corpus/train.txt ${stats.splits.train.documents}: delete the .u16 files to tokenize the corpus again.`,
    );
  }
  const prose = proseEnd(train, eot, stats.sources.brown.train.documents);
  return { tokenizer, vocabJson, mergesTxt, train, val, proseEnd: prose };
}
