import { resolve } from 'node:path';
import { buildDir, SHIPPED_MODEL_DIR } from './paths.ts';
import { FULL_RUN, QUICK_RUN } from './settings.ts';
import { runTraining } from './loop.ts';

// `npm run train` reproduces the shipped model: corpus → BPE → PPMI+SVD embedding → transformer training → export.
// It checkpoints as it goes; rerunning it resumes where it stopped. `--quick` is a toy run for the tests.

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const outIdx = argv.indexOf('--out');
const out = outIdx >= 0 ? resolve(argv[outIdx + 1]) : quick ? resolve(buildDir(true), 'model') : SHIPPED_MODEL_DIR;
const common = { fresh: argv.includes('--fresh'), exportOnly: argv.includes('--export-only') };

(quick
  ? runTraining(QUICK_RUN, { ...common, dir: buildDir(true), out, dtype: 'F32' })
  : runTraining(FULL_RUN, { ...common, dir: buildDir(false), out, dtype: 'F16' })
).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
