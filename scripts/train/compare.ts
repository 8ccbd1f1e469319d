import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, shareTokens } from './paths.ts';
import { FIRST_RECIPE_RUN, type RunSettings } from './settings.ts';
import { runTraining } from './loop.ts';
import { readModelDir } from '../lib/model-dir.ts';
import { modelFromFiles } from '../../src/core/bundle.ts';
import { genderAnalogies } from './analogies.ts';
import { OLD_RECIPE, RECIPE_VARIANTS } from './recipes.ts';

// Equal-step comparison runs of training recipes, each from scratch on the full run's tokens.
// Appends to scripts/train/results/recipe-comparison.json, which the model card shows.
// Usage: tsx scripts/train/compare.ts [--first-recipe-schedule] STEPS VARIANT [VARIANT ...]
// Each run has its own STEPS-long schedule, or with --first-recipe-schedule the first schedule of FIRST_RECIPE_RUN (the model
// shipped until December 6),
// stopped after STEPS, so that it compares with that run's training log at the same step.

const firstRecipeSchedule = process.argv[2] === '--first-recipe-schedule';
const args = process.argv.slice(firstRecipeSchedule ? 3 : 2);
const steps = Number(args[0]);
const chosen = args.slice(1);
if (!Number.isInteger(steps) || steps < 10 || chosen.length === 0) {
  console.error(`usage: compare.ts STEPS VARIANT... (variants: ${RECIPE_VARIANTS.map((v) => v.variant).join(', ')})`);
  process.exit(2);
}
const resultsPath = resolve(ROOT, 'scripts/train/results/recipe-comparison.json');
for (const name of chosen) {
  const found = RECIPE_VARIANTS.find((v) => v.variant === name);
  if (!found) throw new Error(`unknown variant ${name}`);
  const dir = resolve(ROOT, `data/compare-${name}`);
  shareTokens(dir);
  const settings: RunSettings = {
    ...FIRST_RECIPE_RUN,
    ...OLD_RECIPE,
    ...found.change,
    config: { ...FIRST_RECIPE_RUN.config, ...found.change.config },
    continuation: undefined, // an equal-step comparison has one schedule
    ...(firstRecipeSchedule
      ? {
          steps: FIRST_RECIPE_RUN.steps,
          warmupSteps: FIRST_RECIPE_RUN.warmupSteps,
          stopAfter: steps,
          evalEvery: FIRST_RECIPE_RUN.evalEvery,
        }
      : { steps, evalEvery: Math.max(10, Math.floor(steps / 6)), warmupSteps: Math.min(OLD_RECIPE.warmupSteps!, Math.floor(steps / 5)) }),
  };
  const out = resolve(dir, 'model');
  const started = performance.now();
  const rows = await runTraining(settings, { dir, out, fresh: true, exportOnly: false, quiet: false, dtype: 'F32' });
  const loaded = modelFromFiles(readModelDir(out));
  const analogies = genderAnalogies(loaded.model.params.wte, loaded.tokenizer);
  const last = rows[rows.length - 1];
  const row = {
    variant: name,
    description:
      found.description +
      (firstRecipeSchedule ? ` (on the first recipe's ${FIRST_RECIPE_RUN.steps}-step schedule, stopped after step ${steps})` : ''),
    steps,
    schedule: firstRecipeSchedule ? 'first-recipe' : 'own',
    tokens: last.tokens,
    minutes: Number(((performance.now() - started) / 60000).toFixed(1)),
    valLoss: last.valLoss,
    bestPrevious: last.bestPrevious,
    entropy: last.entropy,
    genderPairsFirst: analogies.filter((a) => a.rank === 1).length,
    curve: rows
      .filter((r) => r.valLoss !== null)
      .map((r) => ({ step: r.step, valLoss: r.valLoss, bestPrevious: r.bestPrevious, genderPairsFirst: r.genderPairsFirst })),
  };
  console.log(JSON.stringify(row));
  const results = existsSync(resultsPath)
    ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as { variant: string; steps: number; schedule?: string }[])
    : [];
  writeFileSync(
    resultsPath,
    JSON.stringify(
      [...results.filter((r) => r.variant !== name || r.steps !== steps || (r.schedule ?? 'own') !== row.schedule), row],
      null,
      2,
    ) + '\n',
  );
}
