import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDir, ROOT, SHIPPED_MODEL_DIR } from './paths.ts';
import { PHASE_1, PHASE_2, QUICK_RUN } from './settings.ts';
import { runTraining, type LogRow } from './loop.ts';

// `npm run train` reproduces the shipped model: corpus → BPE → PPMI+SVD embedding → transformer training → export.
// It checkpoints as it goes; rerunning it resumes where it stopped. `--quick` is a toy run for the tests.

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const outIdx = argv.indexOf('--out');
const out = outIdx >= 0 ? resolve(argv[outIdx + 1]) : quick ? resolve(buildDir(true), 'model') : SHIPPED_MODEL_DIR;
const common = { fresh: argv.includes('--fresh'), exportOnly: argv.includes('--export-only') };

async function full() {
  const dir1 = buildDir(false);
  const dir2 = resolve(ROOT, PHASE_2.initFrom!.dir + '-phase2');
  const phase1Out = resolve(dir1, 'model');
  const rows1 = await runTraining(PHASE_1, { ...common, dir: dir1, out: phase1Out, dtype: 'F32' });
  // Phase 2 reads the same vocabulary, tokens and embedding; copying them saves rebuilding them.
  mkdirSync(dir2, { recursive: true });
  for (const f of ['vocab.json', 'merges.txt', 'train.u16', 'val.u16', 'wte-64.f32', 'wte-64.f32.json']) {
    if (!existsSync(resolve(dir2, f))) copyFileSync(resolve(dir1, f), resolve(dir2, f));
  }
  const rows2 = await runTraining(PHASE_2, { ...common, dir: dir2, out, dtype: 'F16' });
  const last1 = rows1[rows1.length - 1];
  const rows: LogRow[] = [
    ...rows1,
    ...rows2.map((r) => ({ ...r, step: r.step + last1.step, tokens: r.tokens + last1.tokens, seconds: r.seconds + last1.seconds })),
  ];
  const log = JSON.parse(readFileSync(resolve(out, 'training-log.json'), 'utf8'));
  writeFileSync(resolve(out, 'training-log.json'), JSON.stringify({ ...log, phases: [PHASE_1, PHASE_2], phaseBoundary: last1.step, rows }) + '\n');
}

(quick ? runTraining(QUICK_RUN, { ...common, dir: buildDir(true), out, dtype: 'F32' }) : full()).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
