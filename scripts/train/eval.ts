import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readModelDir } from '../lib/model-dir.ts';
import { modelFromFiles } from '../../src/core/bundle.ts';
import { CORPUS_DIR, SHIPPED_MODEL_DIR } from './paths.ts';
import { evaluate } from './evaluate.ts';
import { renderCard, renderLossCurve, type TrainingLog } from './card.ts';

// `npm run eval`: the model card's numbers, recomputed from the shipped files and the corpus.
// `--write-card` also rewrites public/models/tiny/README.md and its loss-curve SVG.

function readTokens(loaded: ReturnType<typeof modelFromFiles>, split: 'train' | 'val'): Uint16Array {
  const path = resolve(CORPUS_DIR, `${split}.txt`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run corpus\` first.`);
  const eot = loaded.tokenizer.idOf('<|endoftext|>');
  const ids: number[] = [];
  for (const doc of readFileSync(path, 'utf8').split('\n\n')) {
    for (const id of loaded.tokenizer.encode(doc)) ids.push(id);
    if (eot !== undefined) ids.push(eot);
  }
  return Uint16Array.from(ids);
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
  const t0 = performance.now();
  const result = evaluate(loaded, readTokens(loaded, 'val'), readTokens(loaded, 'train'), storedDtype(files.safetensors));
  const seconds = (performance.now() - t0) / 1000;
  const f = (x: number) => x.toFixed(3);
  console.log(`validation: ${result.valTokens} tokens, ${result.valBytes} bytes`);
  console.log(`model    ${f(result.modelNats)} nats/token  perplexity ${f(result.perplexity)}  ${f(result.bitsPerByte)} bits/byte`);
  console.log(`bigram   ${f(result.bigramNats)} nats/token  perplexity ${f(Math.exp(result.bigramNats))}  (λ = ${result.bigramLambda})`);
  console.log(`unigram  ${f(result.unigramNats)} nats/token  perplexity ${f(Math.exp(result.unigramNats))}`);
  for (const a of result.analogies) console.log(`analogy  ${a.query} → ${a.top[0].text.trim()}  (${a.expected}: rank ${a.rank ?? '>50'})`);
  for (const s of result.samples) console.log(`sample   ${JSON.stringify(s.text)}`);
  console.log(`parameters ${result.params.reduce((a, p) => a + p.count, 0)}; evaluated in ${seconds.toFixed(1)} s`);
  if (process.argv.includes('--write-card')) {
    const log = JSON.parse(readFileSync(resolve(dir, 'training-log.json'), 'utf8')) as TrainingLog;
    writeFileSync(resolve(dir, 'loss-curve.svg'), renderLossCurve(log));
    writeFileSync(resolve(dir, 'README.md'), renderCard(loaded, log, result));
    console.log(`wrote ${resolve(dir, 'README.md')}`);
  }
}

main();
