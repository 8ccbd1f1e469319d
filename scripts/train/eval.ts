import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readModelDir } from '../lib/model-dir.ts';
import { modelFromFiles } from '../../src/core/bundle.ts';
import { CORPUS_DIR, SHIPPED_MODEL_DIR } from './paths.ts';
import { bitsPerByte, evaluate } from './evaluate.ts';
import { proseEnd, readCorpusStats } from './windows.ts';
import { bestPreviousTokenHead } from '../../src/core/headStats.ts';
import { renderHeadPatterns } from './card-context.ts';
import { buildEmbedding } from './embed.ts';
import type { RunSettings } from './settings.ts';
import { forward } from '../../src/core/gpt.ts';
import type { Tensor } from '../../src/core/tensor.ts';
import { agreementByKind, isRight, meanTwinShift, twinShifts } from './context-evals.ts';
import { renderCard, renderLossCurve, type TrainingLog } from './card.ts';
import { encodeDocuments, readCorpus } from './prepare.ts';

/** The PPMI + SVD W_e that training started from, rebuilt from the corpus (about half a minute). */
function startingEmbedding(train: Uint16Array, settings: RunSettings): Tensor {
  const V = settings.config.vocabSize;
  return { data: buildEmbedding(train, V, settings.embedding, settings.seed), shape: [V, settings.embedding.dims] };
}

/** The app's pass on a full context: median of 30 after a warm-up. */
function medianForwardMs(loaded: ReturnType<typeof modelFromFiles>): number {
  const T = loaded.model.config.nPositions;
  const ids = Array.from({ length: T }, (_, i) => (i * 37) % loaded.model.config.vocabSize);
  for (let i = 0; i < 5; i++) forward(loaded.model, ids, { logitRows: 'last' });
  const times = Array.from({ length: 30 }, () => {
    const t0 = performance.now();
    forward(loaded.model, ids, { logitRows: 'last' });
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return times[15];
}

// `npm run eval`: the model card's numbers, recomputed from the shipped files and the corpus.
// `--write-card` also rewrites public/models/tiny/README.md and its loss-curve SVG.

function readTokens(loaded: ReturnType<typeof modelFromFiles>, split: 'train' | 'val' | 'more-prose-val'): Uint16Array {
  return encodeDocuments(loaded.tokenizer, readCorpus(split, null));
}

/** The dtype model.safetensors stores wte in, read from its JSON header. */
function storedDtype(bytes: Uint8Array): string {
  const headerLength = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  return (header['wte.weight'] ?? header['transformer.wte.weight'])?.dtype ?? 'unknown';
}

function main() {
  const dir = process.argv.includes('--model') ? resolve(process.argv[process.argv.indexOf('--model') + 1]) : SHIPPED_MODEL_DIR;
  const files = readModelDir(dir);
  const loaded = modelFromFiles(files);
  const eot = loaded.tokenizer.idOf('<|endoftext|>');
  if (eot === undefined)
    throw new Error(`${dir}/vocab.json has no <|endoftext|> token: the evaluation needs it to separate the corpus's documents.`);
  const log = existsSync(resolve(dir, 'training-log.json'))
    ? (JSON.parse(readFileSync(resolve(dir, 'training-log.json'), 'utf8')) as TrainingLog)
    : null;
  const train = readTokens(loaded, 'train');
  const initialWte = log && !log.settings.freezeWte && log.settings.wteInit !== 'random' ? startingEmbedding(train, log.settings) : null;
  const t0 = performance.now();
  const val = readTokens(loaded, 'val');
  const stats = readCorpusStats();
  const proseValEnd = proseEnd(val, eot, stats.sources.brown.val.documents);
  const trainText = readFileSync(resolve(CORPUS_DIR, 'train.txt'), 'utf8');
  const result = evaluate(loaded, val, train, storedDtype(files.safetensors), initialWte, proseValEnd, trainText);
  const seconds = (performance.now() - t0) / 1000;
  const f = (x: number) => x.toFixed(3);
  console.log(`validation: ${result.valTokens} tokens, ${result.valBytes} bytes`);
  console.log(`model    ${f(result.modelNats)} nats/token  perplexity ${f(result.perplexity)}  ${f(result.bitsPerByte)} bits/byte`);
  if (result.bitsPerByteBySource) {
    const { prose, glosses } = result.bitsPerByteBySource;
    console.log(`         prose (Brown) ${f(prose)} bits/byte, glosses (WordNet) ${f(glosses)} bits/byte`);
  }
  if (existsSync(resolve(CORPUS_DIR, 'more-prose-val.txt'))) {
    const further = bitsPerByte(loaded, readTokens(loaded, 'more-prose-val'));
    console.log(`         the further prose's held-out documents (State of the Union, Moby-Dick) ${f(further)} bits/byte`);
  }
  console.log(`bigram   ${f(result.bigramNats)} nats/token  perplexity ${f(Math.exp(result.bigramNats))}  (λ = ${result.bigramLambda})`);
  console.log(`unigram  ${f(result.unigramNats)} nats/token  perplexity ${f(Math.exp(result.unigramNats))}`);
  for (const a of result.analogies) console.log(`analogy  ${a.query} → ${a.top[0].text.trim()}  (${a.expected}: rank ${a.rank ?? '>50'})`);
  const best = bestPreviousTokenHead(result.heads);
  console.log(`heads    best previous-token head L${best.layer + 1}H${best.head + 1}: ${f(best.previous)}`);
  for (const h of result.heads) {
    console.log(
      `  L${h.layer + 1}H${h.head + 1}  previous ${f(h.previous)}  first ${f(h.first)}  self ${f(h.self)}  entropy ${f(h.entropy)}`,
    );
  }
  const right = result.agreement.filter(isRight).length;
  console.log(`agreement ${right} of ${result.agreement.length} pairs right (${((100 * right) / result.agreement.length).toFixed(0)}%)`);
  const probeRight = result.probe.filter((p) => p.maleRight && p.femaleRight).length;
  console.log(`probe    ${probeRight} of ${result.probe.length} pronoun-probe pairs right after both subjects`);
  const leanFeminine = result.probe.filter((p) => !p.maleRight && p.femaleRight).length;
  const leanMasculine = result.probe.filter((p) => p.maleRight && !p.femaleRight).length;
  const kingFrames = result.probe.filter((p) => p.maleSubject === 'The king');
  console.log(
    `         the feminine pronoun after both subjects ${leanFeminine}, the masculine after both ${leanMasculine}; king / queen frames both right: ${kingFrames.filter((p) => p.maleRight && p.femaleRight).length} of ${kingFrames.length}`,
  );
  const shifts = twinShifts(result.agreement);
  const rightByKind = agreementByKind(result.agreement);
  for (const kind of ['pronoun', 'number', 'article'] as const) {
    const pairs = result.agreement.filter((a) => a.kind === kind);
    const { mean, rightWay, twins } = meanTwinShift(shifts, kind);
    console.log(
      `  ${kind}: ${rightByKind[kind]} of ${pairs.length}; the word the twins differ in moves the odds ${f(mean)} nats on average, the right way in ${rightWay} of ${twins}`,
    );
  }
  const percent = (p: number) => `${(100 * p).toFixed(2)}%`;
  for (const a of result.agreement) {
    console.log(
      `  ${isRight(a) ? 'right' : 'wrong'}  ${a.prompt} → ${a.right} ${percent(a.pRight)}, ${a.wrong} ${percent(a.pWrong)} (${f(a.logOdds)} nats)`,
    );
  }
  if (result.nounFollowing) {
    const { places, model } = result.nounFollowing;
    console.log(
      `noun     a gendered noun swapped for the other gender's moves the feminine share ${model.nounEffect.toFixed(1)} points; the preference flips at ${model.flipped} of ${places} places`,
    );
  }
  const c = result.copying;
  console.log(`copying  first copy ${f(c.firstNats)} nats/token, second ${f(c.secondNats)}: ${f(c.firstNats - c.secondNats)} nats cheaper`);
  for (const s of result.samples) console.log(`sample   ${JSON.stringify(s.text)}`);
  console.log(`parameters ${result.params.reduce((a, p) => a + p.count, 0)}; evaluated in ${seconds.toFixed(1)} s`);
  const benchMs = medianForwardMs(loaded);
  console.log(`forward  128 tokens, the app's pass: ${benchMs.toFixed(1)} ms (median)`);
  if (process.argv.includes('--write-card')) {
    if (!log) throw new Error(`${dir}/training-log.json is missing: the card needs the training log.`);
    writeFileSync(resolve(dir, 'loss-curve.svg'), renderLossCurve(log));
    writeFileSync(resolve(dir, 'heads.svg'), renderHeadPatterns(result, loaded.model.config.nLayer, loaded.model.config.nHead));
    writeFileSync(resolve(dir, 'README.md'), renderCard(loaded, log, result, { fileBytes: files.safetensors.byteLength, benchMs }));
    console.log(`wrote ${resolve(dir, 'README.md')}`);
  }
}

main();
