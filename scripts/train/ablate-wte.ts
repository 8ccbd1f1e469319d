import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDir, ROOT } from './paths.ts';
import { FIRST_RECIPE_RUN, type RunSettings } from './settings.ts';
import { runTraining } from './loop.ts';
import { OLD_RECIPE } from './recipes.ts';
import { readModelDir } from '../lib/model-dir.ts';
import { modelFromFiles } from '../../src/core/bundle.ts';
import { genderAnalogies } from './analogies.ts';

// Short runs that differ only in how W_e is treated, to show what freezing the PPMI embedding costs or buys.
// Writes scripts/train/results/wte-ablation.json, which the model card shows.
// Usage: tsx scripts/train/ablate-wte.ts [steps] [variant ...]

const steps = Number(process.argv[2] ?? 120);
// The comparison runs were made at the earlier peak rate of 0.003; 'frozen-lr1e-2' is the one that tries 0.01.
const BASE: RunSettings = { ...FIRST_RECIPE_RUN, ...OLD_RECIPE, peakLr: 3e-3, warmupSteps: 100 };
const VARIANTS: { variant: string; description: string; change: Partial<RunSettings> }[] = [
  { variant: 'frozen', description: 'PPMI + SVD W_e, frozen (the original model’s choice)', change: {} },
  { variant: 'slow', description: 'PPMI + SVD W_e, learning at 0.1× the rate', change: { freezeWte: false, wteLrScale: 0.1 } },
  { variant: 'learned', description: 'PPMI + SVD W_e, learning at the full rate', change: { freezeWte: false } },
  { variant: 'random', description: 'random W_e learned from scratch (GPT-2 style)', change: { freezeWte: false, wteInit: 'random' } },
  { variant: 'frozen-lr1e-2', description: 'PPMI + SVD W_e, frozen, peak learning rate 0.01', change: { peakLr: 1e-2 } },
];

const source = buildDir(false);
const results = [];
const chosen = process.argv.slice(3);
for (const { variant, description, change } of VARIANTS.filter((v) => chosen.length === 0 || chosen.includes(v.variant))) {
  const dir = resolve(ROOT, `data/ablate-${variant}`);
  mkdirSync(dir, { recursive: true });
  // Reuse the full run's vocabulary, tokens and embedding so only the W_e treatment differs.
  for (const f of ['vocab.json', 'merges.txt', 'train.u16', 'val.u16', 'wte-64.f32', 'wte-64.f32.json']) {
    if (existsSync(resolve(source, f)) && !existsSync(resolve(dir, f))) copyFileSync(resolve(source, f), resolve(dir, f));
  }
  const settings: RunSettings = {
    ...BASE,
    ...change,
    steps,
    evalEvery: steps,
    warmupSteps: Math.min(BASE.warmupSteps, Math.floor(steps / 5)),
  };
  const out = resolve(dir, 'model');
  const rows = await runTraining(settings, { dir, out, fresh: true, exportOnly: false, quiet: true, dtype: 'F32' });
  const loaded = modelFromFiles(readModelDir(out));
  const queen = genderAnalogies(loaded.model.params.wte, loaded.tokenizer)[0];
  const row = { variant, description, steps, valLoss: rows[rows.length - 1].valLoss!, queenRank: queen.rank };
  console.log(JSON.stringify(row));
  results.push(row);
}
writeFileSync(resolve(ROOT, 'scripts/train/results/wte-ablation.json'), JSON.stringify(results, null, 2) + '\n');
