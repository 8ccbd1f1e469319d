import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { learningRate } from '../../src/core/train/adamw.ts';
import type { LoggedEvaluation } from './card-context.ts';
import type { TrainingLog } from './card.ts';
import { ROOT } from './paths.ts';

// The evaluations in FIRST_RECIPE_RUN's training log, which the card's recipe table compares with: the comparison
// runs on that run's first schedule stopped at steps it logged. The log shipped with that model until December 6:
//
//   git show 3abda27:public/models/tiny/training-log.json > /tmp/first-recipe-training-log.json
//   npx tsx scripts/train/first-recipe-log.ts /tmp/first-recipe-training-log.json
const log = JSON.parse(readFileSync(resolve(process.argv[2] ?? ''), 'utf8')) as TrainingLog;
const { steps, peakLr, warmupSteps } = log.settings;
const evaluations: LoggedEvaluation[] = log.rows.flatMap((r) =>
  r.valLoss !== null && r.bestPrevious !== undefined && r.entropy
    ? [
        {
          step: r.step,
          lr: r.lr,
          // The rate a run following the first schedule as settings.ts has it would have had at this step.
          scheduledLr: learningRate(r.step, steps, peakLr, warmupSteps),
          tokens: r.tokens,
          valLoss: r.valLoss,
          bestPrevious: r.bestPrevious,
          entropy: r.entropy,
        },
      ]
    : [],
);
const out = resolve(ROOT, 'scripts/train/results/first-recipe-log.json');
writeFileSync(out, JSON.stringify(evaluations) + '\n');
console.log(`${evaluations.length} evaluations written to ${out}`);
