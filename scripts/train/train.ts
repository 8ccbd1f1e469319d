import { resolve } from 'node:path';
import { buildDir, SHIPPED_MODEL_DIR } from './paths.ts';
import { FULL_RUN, QUICK_RUN } from './settings.ts';
import { runTraining } from './loop.ts';

// `npm run train` reproduces the shipped model: corpus → BPE → PPMI+SVD embedding → transformer training → export.
// It checkpoints as it goes; rerunning it resumes where it stopped. `--quick` is a toy run for the tests.

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const outIdx = argv.indexOf('--out');
runTraining(quick ? QUICK_RUN : FULL_RUN, {
  dir: buildDir(quick),
  out: outIdx >= 0 ? resolve(argv[outIdx + 1]) : quick ? resolve(buildDir(true), 'model') : SHIPPED_MODEL_DIR,
  fresh: argv.includes('--fresh'),
  exportOnly: argv.includes('--export-only'),
  dtype: quick ? 'F32' : 'F16',
}).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
