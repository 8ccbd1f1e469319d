import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tokenizer } from '../../src/core/tokenizer/index.ts';
import type { Tensor } from '../../src/core/tensor.ts';
import { RANK_DEPTH, rankAnalogies } from '../../src/core/analogyRanking.ts';
import {
  COMPARED_ANALOGIES,
  COMPARED_TOP,
  STARTING_EMBEDDING_FILE,
  type StartingEmbeddingFile,
} from '../../src/app/lab/startingEmbedding.ts';
import { buildEmbedding } from './embed.ts';
import { encodeDocuments } from './prepare.ts';
import { CORPUS_DIR, SHIPPED_MODEL_DIR } from './paths.ts';
import { FULL_RUN } from './settings.ts';

// `npm run starting-embedding [-- --corpus DIR] [--model DIR]`: the W_e that training started from (centred
// PPMI + SVD of the training tokens' co-occurrences, as `npm run train` builds it), ranked on the analogies
// the app shows, written to starting-embedding.json in the model folder. The app sets it beside the same
// ranking of the shipped W_e. It depends on the corpus, the vocabulary and FULL_RUN's embedding recipe,
// not on training, so retraining from the same vocabulary leaves it valid; tests/starting-embedding.test.ts
// rebuilds it and checks the file.

/** The starting W_e (V, dims), rebuilt from the training text with the tokenizer the model ships. */
export function buildStartingEmbedding(trainText: string, tokenizer: Tokenizer): { wte: Tensor; trainTokens: number } {
  const tokens = encodeDocuments(tokenizer, trainText.split('\n\n'));
  const V = tokenizer.vocabSize;
  const data = buildEmbedding(tokens, V, FULL_RUN.embedding, FULL_RUN.seed);
  return { wte: { data, shape: [V, FULL_RUN.embedding.dims] }, trainTokens: tokens.length };
}

/** The file's content: the rankings, with scores kept to 6 decimals. */
export function startingEmbeddingFile(wte: Tensor, tokenizer: Tokenizer, trainTokens: number): StartingEmbeddingFile {
  const { dims, window, harmonic, singularPower, rms, centre } = FULL_RUN.embedding;
  const analogies = rankAnalogies(wte, tokenizer, COMPARED_ANALOGIES, COMPARED_TOP).map((a) => ({
    ...a,
    top: a.top.map((n) => ({ ...n, score: Math.round(n.score * 1e6) / 1e6 })),
  }));
  return {
    note:
      'Analogies ranked in the W_e that training started from: centred PPMI + SVD of the training tokens, before any training step. ' +
      'Written by `npm run starting-embedding` from data/corpus (npm run corpus) and this folder’s vocabulary.',
    settings: {
      embedding: { dims, window, harmonic, singularPower, rms, centre: centre ?? false },
      seed: FULL_RUN.seed,
      vocabSize: tokenizer.vocabSize,
      trainTokens,
      similarity: 'cosine',
      candidates: 'whole-word tokens, the input words excluded',
    },
    analogies,
  };
}

function option(argv: readonly string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const value = argv[i + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a folder after it`);
  return resolve(value);
}

function main(): void {
  const argv = process.argv.slice(2);
  const corpus = option(argv, '--corpus', CORPUS_DIR);
  const model = option(argv, '--model', SHIPPED_MODEL_DIR);
  const tokenizer = Tokenizer.fromFiles(
    readFileSync(resolve(model, 'vocab.json'), 'utf8'),
    readFileSync(resolve(model, 'merges.txt'), 'utf8'),
  );
  const trainPath = resolve(corpus, 'train.txt');
  let trainText: string;
  try {
    trainText = readFileSync(trainPath, 'utf8');
  } catch {
    throw new Error(`${trainPath} is missing: run \`npm run corpus\` first.`);
  }
  const t0 = performance.now();
  const { wte, trainTokens } = buildStartingEmbedding(trainText, tokenizer);
  console.log(`PPMI + SVD W_e from ${trainTokens} tokens in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const file = startingEmbeddingFile(wte, tokenizer, trainTokens);
  for (const a of file.analogies) {
    const first = a.top[0];
    console.log(`${a.expression} → ${first.word} (${first.score.toFixed(3)}); ${a.expected}: rank ${a.rank ?? `>${RANK_DEPTH}`}`);
  }
  const out = resolve(model, STARTING_EMBEDDING_FILE);
  writeFileSync(out, JSON.stringify(file, null, 2) + '\n');
  console.log(`wrote ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
