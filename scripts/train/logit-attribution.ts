import { readModelDir } from '../lib/model-dir.ts';
import { modelFromFiles } from '../../src/core/bundle.ts';
import { singleTokenId } from '../../src/core/nextToken.ts';
import { logitAttribution } from './attribution.ts';
import { SHIPPED_MODEL_DIR } from './paths.ts';

// Why does the model prefer one next word to another after a prompt? What the embeddings, each head and each MLP
// add to logit(first) − logit(second) at the last position, and the token each head looks at most there
// (scripts/train/attribution.ts). On "The queen said that" it shows the head that looks back at the noun and how
// much of the noun's gender it carries to ␣she (README, "Where the noun gets lost").
//
//   npx tsx scripts/train/logit-attribution.ts [--model DIR] [--words " she, he"] PROMPT...
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args.splice(i, 2)[1];
};
const { model, tokenizer } = modelFromFiles(readModelDir(option('--model', SHIPPED_MODEL_DIR)));
const words = option('--words', ' she, he').split(',');
const [first, second] = words.map((w) => {
  const id = singleTokenId(tokenizer, w);
  if (id === null) throw new Error(`${JSON.stringify(w)} is not one token`);
  return id;
});
const f = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(2);

for (const prompt of args) {
  const ids = tokenizer.encode(prompt);
  const a = logitAttribution(model, ids, first, second);
  console.log(`${JSON.stringify(prompt)}: logit(${JSON.stringify(words[0])}) − logit(${JSON.stringify(words[1])}) = ${f(a.total)}`);
  console.log(`  embeddings ${f(a.embeddings)}   biases ${f(a.biases)}`);
  a.layers.forEach((layer, l) => {
    const heads = layer.heads.map(
      (h, i) => `H${i + 1} ${f(h.adds)} (${(h.weight * 100).toFixed(0)}% on ${JSON.stringify(tokenizer.tokenText(ids[h.mostOn]))})`,
    );
    console.log(`  layer ${l + 1}: ${heads.join('  ')}  MLP ${f(layer.mlp)}`);
  });
}
