import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { initModel } from '../../src/core/model.ts';
import { scaleQueryKeyStart } from '../../src/core/train/queryKeyStart.ts';
import { sinusoidalPositions } from '../../src/core/train/positions.ts';
import { forward } from '../../src/core/gpt.ts';
import { bestPreviousTokenHead, headStats } from '../../src/core/headStats.ts';
import { createRng } from '../../src/core/rng.ts';
import { buildGenderSwap, drawSwapped } from './genderSwap.ts';
import { flatSize, flattenParams, paramsFromFlat } from '../../src/core/train/flat.ts';
import { adamwStep, clipGradNorm, type ParamGroup } from '../../src/core/train/adamw.ts';
import { configToJson, tensorsFromModel } from '../../src/core/checkpoint.ts';
import { writeSafetensors } from '../../src/core/safetensors.ts';
import { writeModelDir } from '../lib/model-dir.ts';
import { loadMoreProse, prepareData } from './prepare.ts';
import { drawWindowStarts, moreProseAt } from './windows.ts';
import { buildEmbedding } from './embed.ts';
import { genderAnalogies, genderPairsFirstWhileTraining } from './analogies.ts';
import { agreement, agreementByKind, type AgreementPair } from './context-evals.ts';
import { genderSwapByAt, genderSwapShareAt, plannedSteps, readsMoreProse, scheduledLr, swapsGenderBy } from './schedule.ts';
import type { RunSettings } from './settings.ts';
import { loadState, saveState } from './checkpoint-state.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from './protocol.ts';

// The training loop: the main thread owns the optimiser, two worker threads compute gradients on shared buffers.

const WORKERS = 2; // fixed, so the summation order and thus the run are the same on any machine
/** Seeds the generator that picks a step's swapped windows apart from the one that picks its windows. */
const SWAP_SEED_OFFSET = 0x5bd1e995;

export interface LogRow {
  step: number;
  loss: number;
  valLoss: number | null;
  /** At evaluations: the best head's mean weight on the previous token, and each layer's mean normalised entropy. */
  bestPrevious?: number;
  entropy?: number[];
  /** At evaluations of a full-size vocabulary: how many of the 7 gender pairs rank first in W_e (the card's target is 6). */
  genderPairsFirst?: number;
  /** At evaluations of a full-size vocabulary: the agreement pairs right, of each kind (context-evals.ts). */
  agreementRight?: Record<AgreementPair['kind'], number>;
  lr: number;
  tokens: number;
  seconds: number;
}

function paramGroups(settings: RunSettings): ParamGroup[] {
  const { config } = settings;
  const flat = new Float32Array(flatSize(config));
  const views = paramsFromFlat(config, flat);
  const groups: ParamGroup[] = [];
  const add = (t: { data: Float32Array; shape: readonly number[] }, lrScale = 1, decay = t.shape.length === 2) => {
    const start = t.data.byteOffset / 4;
    groups.push({ start, end: start + t.data.length, decay, lrScale });
  };
  add(views.wte, settings.freezeWte ? 0 : (settings.wteLrScale ?? 1), settings.decayWte ?? true);
  add(views.wpe, 1, settings.decayWpe ?? true);
  for (const b of views.h) {
    add(b.attn.c_attn.weight, 1, settings.decayAttention ?? true);
    for (const t of [
      b.ln_1.weight,
      b.ln_1.bias,
      b.attn.c_attn.bias,
      b.attn.c_proj.weight,
      b.attn.c_proj.bias,
      b.ln_2.weight,
      b.ln_2.bias,
      b.mlp.c_fc.weight,
      b.mlp.c_fc.bias,
      b.mlp.c_proj.weight,
      b.mlp.c_proj.bias,
    ])
      add(t);
  }
  add(views.ln_f.weight);
  add(views.ln_f.bias);
  if (views.lm_head) add(views.lm_head);
  return groups;
}

function concatTokens(a: Uint16Array, b: Uint16Array): Uint16Array {
  const joined = new Uint16Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function progressLine(step: number, total: number, loss: number, tokensPerSec: number, etaSec: number): string {
  const width = 24;
  const filled = Math.round((step / total) * width);
  const eta = `${Math.floor(etaSec / 60)}m${String(Math.floor(etaSec % 60)).padStart(2, '0')}s`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] step ${step}/${total} loss ${loss.toFixed(3)} ${tokensPerSec.toFixed(0)} tok/s ETA ${eta}`;
}

/** The PPMI + SVD embedding, cached next to the tokens because it takes a minute to build. */
function loadOrBuildEmbedding(dir: string, train: Uint16Array, settings: RunSettings, log: (s: string) => void): Float32Array {
  const { config } = settings;
  const V = config.vocabSize;
  const wtePath = resolve(dir, `wte-${settings.embedding.dims}.f32`);
  const wteKeyPath = `${wtePath}.json`;
  let wte: Float32Array;
  if (existsSync(wtePath) && existsSync(wteKeyPath) && readFileSync(wteKeyPath, 'utf8') === JSON.stringify(settings.embedding)) {
    const buf = readFileSync(wtePath);
    wte = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  } else {
    const t0 = performance.now();
    wte = buildEmbedding(train, V, settings.embedding, settings.seed);
    writeFileSync(wtePath, wte);
    writeFileSync(wteKeyPath, JSON.stringify(settings.embedding));
    log(`embedding: PPMI + SVD to ${settings.embedding.dims} dims in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return wte;
}

/** The planned length changed when the run was resumed after `afterStep`. */
export interface ScheduleChange {
  afterStep: number;
  fromSteps: number;
  toSteps: number;
}

export interface TrainOptions {
  dir: string; // build folder: caches, checkpoint, loss log
  out: string; // where the finished model folder is written
  fresh: boolean; // ignore an existing checkpoint
  exportOnly: boolean; // write the model at the last checkpoint without training further
  quiet?: boolean; // only the final line (for scripted comparisons)
  dtype: 'F32' | 'F16';
}

/** Corpus → BPE → PPMI+SVD embedding → transformer training → model folder; returns the log rows. */
export async function runTraining(runSettings: RunSettings, args: TrainOptions): Promise<LogRow[]> {
  const settings = structuredClone(runSettings);
  const dir = args.dir;
  const log = (s: string) => {
    if (!args.quiet) console.log(s);
  };
  const data = prepareData(dir, settings.config.vocabSize, settings.corpusChars, log);
  settings.config.vocabSize = data.tokenizer.vocabSize;
  const { config } = settings;
  const T = config.nPositions;
  const V = config.vocabSize;
  const runKey = JSON.stringify(settings);

  const wte = settings.wteInit === 'random' ? null : loadOrBuildEmbedding(dir, data.train, settings, log);
  if (wte && !args.quiet && V > 1000) {
    for (const r of genderAnalogies({ data: wte, shape: [V, config.nEmbd] }, data.tokenizer)) {
      log(`  ${r.query} → ${r.top[0].text.trim()} (expected ${r.expected}, rank ${r.rank ?? '>50'})`);
    }
  }
  const init = initModel(config, createRng(settings.seed), settings.initStd ?? 0.02);
  if (wte) init.params.wte.data.set(wte);
  if (settings.queryKeyInitScale !== undefined) scaleQueryKeyStart(init, settings.queryKeyInitScale);
  if (settings.wpeInit === 'sinusoidal') {
    init.params.wpe.data.set(sinusoidalPositions(T, config.nEmbd, settings.wpeInitStd ?? 0.1));
  } else if (settings.wpeInitStd !== undefined) {
    const rng = createRng(settings.seed + 1);
    for (let i = 0; i < init.params.wpe.data.length; i++) init.params.wpe.data[i] = rng.normal() * settings.wpeInitStd;
  }
  if (wte && settings.lmHeadInit === 'wte' && init.params.lm_head) {
    const scale = (settings.lmHeadRms ?? 0.1) / settings.embedding.rms;
    for (let i = 0; i < wte.length; i++) init.params.lm_head.data[i] = wte[i] * scale;
  }
  const paramsBuf = new SharedArrayBuffer(flatSize(config) * 4);
  const params = new Float32Array(paramsBuf);
  params.set(flattenParams(config, init.params));
  const statePath = resolve(dir, 'train-state.bin');
  const logPath = resolve(dir, 'loss-log.json');
  const totalSteps = plannedSteps(settings);
  const resumed = args.fresh ? null : loadState(statePath, runKey, params);
  // Starting afresh over another run's checkpoint would overwrite it: that takes --fresh.
  if (!args.fresh && !resumed && existsSync(statePath)) {
    throw new Error(`${statePath} is a checkpoint of a run with other settings; move it away, or add --fresh to train over it.`);
  }
  const m = resumed?.m ?? new Float32Array(params.length);
  const v = resumed?.v ?? new Float32Array(params.length);
  const rows: LogRow[] =
    resumed && existsSync(logPath) ? (JSON.parse(readFileSync(logPath, 'utf8')) as LogRow[]).filter((r) => r.step <= resumed.step) : [];
  const firstStep = (resumed?.step ?? 0) + 1;
  if (resumed) log(`resuming after step ${resumed.step}`);
  // A run resumed with another length keeps its steps so far and follows the new schedule from here on;
  // the change is recorded in the training log, since a fresh run of the new length differs from it.
  const changesPath = resolve(dir, 'schedule-changes.json');
  const scheduleChanges: ScheduleChange[] = resumed && existsSync(changesPath) ? JSON.parse(readFileSync(changesPath, 'utf8')) : [];
  if (!resumed) writeFileSync(changesPath, '[]');
  if (resumed && resumed.plannedSteps !== totalSteps) {
    log(`the run was planned for ${resumed.plannedSteps} steps; from step ${firstStep} it follows a ${totalSteps}-step schedule`);
    scheduleChanges.push({ afterStep: resumed.step, fromSteps: resumed.plannedSteps, toSteps: totalSteps });
    writeFileSync(changesPath, JSON.stringify(scheduleChanges));
  }
  log(
    `model: ${config.nLayer} layers, ${config.nHead} heads, C=${config.nEmbd}, T=${T}, V=${V}: ${params.length} parameters; ${WORKERS} workers on ${availableParallelism()} cores`,
  );

  const share = (a: Uint16Array) => {
    const sab = new SharedArrayBuffer(a.byteLength);
    new Uint16Array(sab).set(a);
    return sab;
  };
  // The further prose, for the schedules that read it, sits after the training tokens in the workers' buffer; the
  // windows of every other step are drawn from data.train alone, as they were before it existed.
  const moreProse = readsMoreProse(settings) ? loadMoreProse(dir, data.tokenizer, settings.corpusChars, log) : null;
  if (moreProse) log(`the further prose: ${moreProse.length} tokens, after the training tokens, for the schedules that read it`);
  const trainSab = share(moreProse ? concatTokens(data.train, moreProse) : data.train);
  const valSab = share(data.val);
  const gradBufs = Array.from({ length: WORKERS }, () => new SharedArrayBuffer(params.length * 4));
  const genderSwap = swapsGenderBy(settings, 'tokens') ? buildGenderSwap(data.tokenizer) : undefined;
  const textSwap = swapsGenderBy(settings, 'text') ? { vocabJson: data.vocabJson, mergesTxt: data.mergesTxt } : undefined;
  const workers = gradBufs.map((grads) => {
    const workerData: WorkerInit = {
      config,
      params: paramsBuf,
      grads,
      train: trainSab,
      val: valSab,
      seqLen: T,
      freezeWte: settings.freezeWte,
      genderSwap,
      textSwap,
    };
    return new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData });
  });
  const pending = new Map<Worker, (reply: WorkerReply) => void>();
  for (const w of workers) {
    w.on('message', (reply: WorkerReply) => pending.get(w)?.(reply));
    w.on('error', (e: Error) => {
      console.error(`\ntraining worker failed: ${e.message}`);
      process.exit(1);
    });
  }
  const ask = (w: Worker, req: WorkerRequest) =>
    new Promise<WorkerReply>((ok) => {
      pending.set(w, ok);
      w.postMessage(req);
    });
  const splitAcross = <T>(items: T[]) => workers.map((_, i) => items.filter((__, j) => j % WORKERS === i));

  const valStarts = Array.from({ length: settings.evalSequences }, (_, i) =>
    Math.floor((i * (data.val.length - T - 1)) / settings.evalSequences),
  );
  const evaluate = async () => {
    const replies = await Promise.all(splitAcross(valStarts).map((starts, i) => ask(workers[i], { kind: 'eval', starts })));
    return replies.reduce((a, r) => a + r.lossSum, 0) / valStarts.length;
  };
  const headModel = { config, params: paramsFromFlat(config, params) };
  const headWindows = valStarts.slice(0, 8).map((s) => Array.from(data.val.subarray(s, s + T)));
  const measureHeads = () => {
    const stats = headStats(headWindows.map((ids) => forward(headModel, ids, { logitRows: 'last' })));
    const entropy = Array.from({ length: config.nLayer }, (_, l) => {
      const layer = stats.filter((s) => s.layer === l);
      return layer.reduce((a, s) => a + s.entropy, 0) / layer.length;
    });
    // Training moves W_e off its start's analogies; logged so that a run shows when, not only where it ended.
    const genderPairsFirst = V > 1000 ? genderPairsFirstWhileTraining(headModel.params.wte, data.tokenizer) : undefined;
    // So that a run shows when, and whether, it starts to follow a subject to its pronoun or verb.
    const agreementRight = V > 1000 ? agreementByKind(agreement(headModel, data.tokenizer)) : undefined;
    return { bestPrevious: bestPreviousTokenHead(stats).previous, entropy, genderPairsFirst, agreementRight };
  };

  const groups = paramGroups(settings);
  const grad0 = new Float32Array(gradBufs[0]);
  const others = gradBufs.slice(1).map((b) => new Float32Array(b));
  const started = performance.now();
  const priorSeconds = resumed?.elapsedSeconds ?? 0;
  const seconds = () => priorSeconds + (performance.now() - started) / 1000;
  const tokensPerStep = settings.batchSequences * T;
  const persist = (step: number) => {
    saveState(statePath, { step, elapsedSeconds: seconds(), params, m, v }, runKey);
    writeFileSync(logPath, JSON.stringify(rows));
  };

  if (args.exportOnly && !resumed) throw new Error(`--export-only needs a checkpoint in ${dir}; train first.`);
  const lastStep = args.exportOnly ? firstStep - 1 : Math.min(totalSteps, settings.stopAfter ?? totalSteps);
  for (let step = firstStep; step <= lastStep; step++) {
    // Each step's batch depends only on the seed and the step, so a resumed run sees the same data.
    const rng = createRng(settings.seed * 100_003 + step);
    const seqLen = settings.windowSchedule?.find((w) => step <= w.untilStep)?.seqLen ?? T;
    const sequences = (settings.batchSequences * T) / seqLen;
    const mix = settings.proseShare === undefined ? undefined : { end: data.proseEnd, share: settings.proseShare };
    const more = moreProseAt(settings, step, data.train.length, moreProse?.length ?? 0);
    const starts = drawWindowStarts(rng, sequences, seqLen, data.train.length, mix, more);
    const scale = 1 / sequences;
    // Drawn after the starts, from a generator of its own, so the windows are the same as without swapping.
    const swapShare = genderSwapShareAt(settings, step);
    const swapped =
      swapShare > 0 ? drawSwapped(createRng(settings.seed * 100_003 + step + SWAP_SEED_OFFSET), sequences, swapShare) : undefined;
    const swappedAcross = swapped && splitAcross(swapped);
    const swapBy = genderSwapByAt(settings, step);
    const replies = await Promise.all(
      splitAcross(starts).map((s, i) => ask(workers[i], { kind: 'step', starts: s, seqLen, scale, swapped: swappedAcross?.[i], swapBy })),
    );
    for (const g of others) for (let i = 0; i < grad0.length; i++) grad0[i] += g[i];
    clipGradNorm(grad0, settings.gradClip);
    const lr = scheduledLr(settings, step);
    adamwStep(params, grad0, m, v, groups, step, lr);
    const loss = replies.reduce((a, r) => a + r.lossSum, 0) / sequences;
    const valLoss = step % settings.evalEvery === 0 || step === lastStep ? await evaluate() : null;
    const heads: Partial<ReturnType<typeof measureHeads>> = valLoss !== null ? measureHeads() : {};
    rows.push({ step, loss, valLoss, ...heads, lr, tokens: step * tokensPerStep, seconds: seconds() });
    const runSeconds = (performance.now() - started) / 1000;
    const tps = ((step - firstStep + 1) * tokensPerStep) / runSeconds;
    const eta = ((totalSteps - step) * tokensPerStep) / tps;
    const headLine =
      heads.bestPrevious !== undefined
        ? ` prev-head ${heads.bestPrevious.toFixed(2)} entropy ${heads.entropy!.map((e) => e.toFixed(2)).join('/')}` +
          (heads.genderPairsFirst !== undefined ? ` gender-pairs ${heads.genderPairsFirst}/7` : '') +
          (heads.agreementRight
            ? ` agreement ${Object.entries(heads.agreementRight)
                .map(([kind, right]) => `${kind} ${right}`)
                .join(' ')}`
            : '')
        : '';
    const line = progressLine(step, totalSteps, loss, tps, eta) + (valLoss !== null ? ` val ${valLoss.toFixed(3)}${headLine}` : '');
    if (step % settings.checkpointEvery === 0 || step === lastStep) persist(step);
    if (args.quiet) continue;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
    else if (valLoss !== null || step % 10 === 0 || step === firstStep) console.log(line);
    if (valLoss !== null && process.stdout.isTTY) process.stdout.write('\n');
  }
  await Promise.all(workers.map((w) => w.terminate()));

  const model = { config, params: paramsFromFlat(config, params) };
  mkdirSync(args.out, { recursive: true });
  writeModelDir(args.out, {
    config: configToJson(config),
    safetensors: writeSafetensors(tensorsFromModel(model), { dtype: args.dtype }),
    vocab: data.vocabJson,
    merges: data.mergesTxt,
  });
  writeFileSync(resolve(args.out, 'training-log.json'), JSON.stringify({ settings, scheduleChanges, rows }) + '\n');
  const last = rows[rows.length - 1];
  console.log(`done: ${last?.step ?? 0} steps, ${last?.tokens ?? 0} tokens, ${(seconds() / 60).toFixed(1)} min; wrote ${args.out}`);
  return rows;
}
