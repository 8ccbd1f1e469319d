import { cpSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildDir,
  DEEP_RUN_DIR,
  FIRST_RECIPE_RUN_DIR,
  GENDER_SWAP_RUN_DIR,
  LONG_RUN_DIR,
  MORE_PROSE_RUN_DIR,
  MORE_PROSE_SWAP_RUN_DIR,
  PROSE_LONG_RUN_DIR,
  PROSE_RUN_DIR,
  restoreCommittedRun,
  saveCommittedRun,
  shareTokens,
  SHARP_PROSE_FURTHER_RUN_DIR,
  SHARP_PROSE_RUN_DIR,
  SHARP_PROSE_SWAP_QUARTER_RUN_DIR,
  SHARP_PROSE_SWAP_TEXT_RUN_DIR,
  SHARP_PROSE_SWAP_RUN_DIR,
  SHARP_RUN_DIR,
  SHARP_SLOW_WE_RUN_DIR,
  SHIPPED_MODEL_DIR,
  WIDE_RUN_DIR,
} from './paths.ts';
import {
  DEEP_RUN,
  EXTENDED_RUN,
  FIRST_RECIPE_RUN,
  FULL_RUN,
  GENDER_SWAP_RUN,
  MORE_PROSE_RUN,
  MORE_PROSE_SWAP_RUN,
  PROSE_LONG_RUN,
  PROSE_RUN,
  QUICK_RUN,
  SHARP_PROSE_FURTHER_RUN,
  SHARP_PROSE_RUN,
  SHARP_PROSE_SWAP_QUARTER_RUN,
  SHARP_PROSE_SWAP_TEXT_RUN,
  SHARP_PROSE_SWAP_RUN,
  SHARP_RUN,
  SHARP_SLOW_WE_RUN,
  WIDE_RUN,
} from './settings.ts';
import { runTraining } from './loop.ts';

// `npm run train` reproduces the shipped model (FULL_RUN): corpus → BPE → PPMI+SVD embedding → transformer training →
// export. It checkpoints as it goes; rerunning it resumes where it stopped. `--quick` is a toy run for the tests.
// `--first-recipe`, `--wide`, `--sharp`, `--sharp-slow-we`, `--prose`, `--sharp-prose`, `--gender-swap` and `--deep`
// train FIRST_RECIPE_RUN (the model shipped until December 6), WIDE_RUN, SHARP_RUN, SHARP_SLOW_WE_RUN, PROSE_RUN,
// SHARP_PROSE_RUN, GENDER_SWAP_RUN and DEEP_RUN from the start, each in a folder of its own, on the shipped run's tokens.
// `--long` carries FIRST_RECIPE_RUN on (EXTENDED_RUN) from a copy of its folder, and `--prose-long` carries PROSE_RUN on
// (PROSE_LONG_RUN) the same way, `--sharp-prose-further` carries SHARP_PROSE_RUN on (SHARP_PROSE_FURTHER_RUN), and
// `--sharp-prose-swap`, `--sharp-prose-swap-quarter` and `--sharp-prose-swap-text` carry that on (SHARP_PROSE_SWAP_RUN,
// SHARP_PROSE_SWAP_QUARTER_RUN, SHARP_PROSE_SWAP_TEXT_RUN), as do `--more-prose` and `--more-prose-swap`
// (MORE_PROSE_RUN, MORE_PROSE_SWAP_RUN); each writes its model in its own folder, not over the shipped one.

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
// Runs that carry an earlier run on from its last state, in a folder of their own that starts as a copy of its folder.
const carriedOnRuns = [
  { flag: '--long', settings: EXTENDED_RUN, dir: LONG_RUN_DIR, from: FIRST_RECIPE_RUN_DIR },
  { flag: '--prose-long', settings: PROSE_LONG_RUN, dir: PROSE_LONG_RUN_DIR, from: PROSE_RUN_DIR },
  { flag: '--sharp-prose-further', settings: SHARP_PROSE_FURTHER_RUN, dir: SHARP_PROSE_FURTHER_RUN_DIR, from: SHARP_PROSE_RUN_DIR },
  { flag: '--sharp-prose-swap', settings: SHARP_PROSE_SWAP_RUN, dir: SHARP_PROSE_SWAP_RUN_DIR, from: SHARP_PROSE_FURTHER_RUN_DIR },
  {
    flag: '--sharp-prose-swap-quarter',
    settings: SHARP_PROSE_SWAP_QUARTER_RUN,
    dir: SHARP_PROSE_SWAP_QUARTER_RUN_DIR,
    from: SHARP_PROSE_FURTHER_RUN_DIR,
  },
  {
    flag: '--sharp-prose-swap-text',
    settings: SHARP_PROSE_SWAP_TEXT_RUN,
    dir: SHARP_PROSE_SWAP_TEXT_RUN_DIR,
    from: SHARP_PROSE_FURTHER_RUN_DIR,
  },
  { flag: '--more-prose', settings: MORE_PROSE_RUN, dir: MORE_PROSE_RUN_DIR, from: SHARP_PROSE_FURTHER_RUN_DIR },
  { flag: '--more-prose-swap', settings: MORE_PROSE_SWAP_RUN, dir: MORE_PROSE_SWAP_RUN_DIR, from: SHARP_PROSE_FURTHER_RUN_DIR },
];
const carriedOn = carriedOnRuns.find((r) => argv.includes(r.flag));
const ownFolderRuns = [
  { flag: '--first-recipe', settings: FIRST_RECIPE_RUN, dir: FIRST_RECIPE_RUN_DIR },
  { flag: '--wide', settings: WIDE_RUN, dir: WIDE_RUN_DIR },
  { flag: '--sharp', settings: SHARP_RUN, dir: SHARP_RUN_DIR },
  { flag: '--sharp-slow-we', settings: SHARP_SLOW_WE_RUN, dir: SHARP_SLOW_WE_RUN_DIR },
  { flag: '--prose', settings: PROSE_RUN, dir: PROSE_RUN_DIR },
  { flag: '--sharp-prose', settings: SHARP_PROSE_RUN, dir: SHARP_PROSE_RUN_DIR },
  { flag: '--gender-swap', settings: GENDER_SWAP_RUN, dir: GENDER_SWAP_RUN_DIR },
  { flag: '--deep', settings: DEEP_RUN, dir: DEEP_RUN_DIR },
];
const ownFolder = ownFolderRuns.find((r) => argv.includes(r.flag));
const outIdx = argv.indexOf('--out');
// `--save-state` copies the run's last checkpoint to runs/ (to commit it) and exits; a run that finds no
// checkpoint of its own in data/ starts from the one in runs/, if there is one.
const saveState = argv.includes('--save-state');
const common = { fresh: argv.includes('--fresh'), exportOnly: argv.includes('--export-only') };

async function run() {
  if (saveState && !ownFolder && !carriedOn) {
    const flags = [...ownFolderRuns, ...carriedOnRuns].map((r) => r.flag);
    throw new Error(`--save-state saves a run of its own folder: add one of ${flags.join(', ')}.`);
  }
  if (quick) {
    const out = outIdx >= 0 ? resolve(argv[outIdx + 1]) : resolve(buildDir(true), 'model');
    return runTraining(QUICK_RUN, { ...common, dir: buildDir(true), out, dtype: 'F32' });
  }
  if (carriedOn) {
    if (saveState) {
      console.log(`saved to ${saveCommittedRun(carriedOn.dir)}`);
      return;
    }
    // Its own committed state first; without one, it carries on from the earlier run's folder (restored from runs/
    // if it has a committed state); without that either, it trains from the start.
    if (!existsSync(carriedOn.dir) && !restoreCommittedRun(carriedOn.dir)) {
      restoreCommittedRun(carriedOn.from);
      if (existsSync(carriedOn.from)) cpSync(carriedOn.from, carriedOn.dir, { recursive: true });
    }
    shareTokens(carriedOn.dir);
    const out = outIdx >= 0 ? resolve(argv[outIdx + 1]) : resolve(carriedOn.dir, 'model');
    return runTraining(carriedOn.settings, { ...common, dir: carriedOn.dir, out, dtype: 'F16' });
  }
  if (ownFolder) {
    if (saveState) {
      console.log(`saved to ${saveCommittedRun(ownFolder.dir)}`);
      return;
    }
    if (restoreCommittedRun(ownFolder.dir)) console.log(`starting from the state committed in runs/`);
    shareTokens(ownFolder.dir);
    const out = outIdx >= 0 ? resolve(argv[outIdx + 1]) : resolve(ownFolder.dir, 'model');
    return runTraining(ownFolder.settings, { ...common, dir: ownFolder.dir, out, dtype: 'F16' });
  }
  const out = outIdx >= 0 ? resolve(argv[outIdx + 1]) : SHIPPED_MODEL_DIR;
  return runTraining(FULL_RUN, { ...common, dir: buildDir(false), out, dtype: 'F16' });
}

run().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
