import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDir, ROOT } from './paths.ts';
import { prepareData } from './prepare.ts';
import { buildEmbedding, type EmbeddingRecipe } from './embed.ts';
import { genderAnalogies } from './analogies.ts';
import { FULL_RUN } from './settings.ts';

// How the embedding recipe changes the gender analogies, on the full corpus's tokens.
// Writes scripts/train/results/embedding-sweep.json, which the model card shows.

const shipped = FULL_RUN.embedding;
const RECIPES: [string, EmbeddingRecipe][] = [
  ['shipped: 64 dims, ±8 window weighted 1/d, U·√S', shipped],
  ['±5 window, unweighted', { ...shipped, window: 5, harmonic: false }],
  ['±3 window, unweighted', { ...shipped, window: 3, harmonic: false }],
  ['rows = U (singular values dropped)', { ...shipped, singularPower: 0 }],
  ['rows = U·S', { ...shipped, singularPower: 1 }],
  ['32 dims', { ...shipped, dims: 32 }],
];

const data = prepareData(buildDir(false), FULL_RUN.config.vocabSize, null, console.log);
const V = data.tokenizer.vocabSize;
const rows = RECIPES.map(([recipe, r]) => {
  const t0 = performance.now();
  const wte = buildEmbedding(data.train, V, r, FULL_RUN.seed);
  const results = genderAnalogies({ data: wte, shape: [V, r.dims] }, data.tokenizer);
  const ranks = Object.fromEntries(results.map((a) => [a.expected, a.rank]));
  console.log(`${recipe}: ${JSON.stringify(ranks)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  return { recipe, ranks };
});
mkdirSync(resolve(ROOT, 'scripts/train/results'), { recursive: true });
writeFileSync(resolve(ROOT, 'scripts/train/results/embedding-sweep.json'), JSON.stringify(rows, null, 2) + '\n');
