import type { Evaluation } from './evaluate.ts';
import { HEAD_PATTERN_SIZE } from './evaluate.ts';
import { bestPreviousTokenHead } from '../../src/core/headStats.ts';
import { PROBE_FRAMES, PROBE_SUBJECTS } from './pronounProbe.ts';
import { WINDOW_WORDS, type NounFollowing } from './noun-pronouns.ts';
import { isRight, meanTwinShift, twinShifts } from './context-evals.ts';

// The model card's sections on how the model uses its context: heads, agreement, copying, and the
// models shipped before next to this one.

const f3 = (x: number) => x.toFixed(3);
const f2 = (x: number) => x.toFixed(2);
// A second reading this much cheaper per token is called copying: half the issue's "excellent" 1 nat, and over three
// times the most any model here has managed (0.14).
const COPYING_NATS = 0.5;

/** One small average-attention picture per head, rows = layers; darker is more weight. */
export function renderHeadPatterns(ev: Evaluation, nLayer: number, nHead: number): string {
  const P = HEAD_PATTERN_SIZE;
  const cell = 6,
    gap = 18,
    left = 34,
    top = 24;
  const size = P * cell;
  const W = left + nHead * (size + gap),
    H = top + nLayer * (size + gap);
  const parts: string[] = [];
  for (let l = 0; l < nLayer; l++) {
    parts.push(`<text x="4" y="${top + l * (size + gap) + size / 2}" dy="0.32em">L${l + 1}</text>`);
    for (let h = 0; h < nHead; h++) {
      const x0 = left + h * (size + gap),
        y0 = top + l * (size + gap);
      if (l === 0) parts.push(`<text x="${x0 + size / 2}" y="14" text-anchor="middle">H${h + 1}</text>`);
      const pattern = ev.headPatterns[l * nHead + h];
      for (let t = 0; t < P; t++) {
        for (let s = 0; s <= t; s++) {
          const w = pattern[t * P + s];
          const shade = Math.round(255 * (1 - Math.min(1, w)));
          parts.push(
            `<rect x="${x0 + s * cell}" y="${y0 + t * cell}" width="${cell}" height="${cell}" fill="rgb(${shade},${shade},255)"/>`,
          );
        }
      }
      parts.push(`<rect x="${x0}" y="${y0}" width="${size}" height="${size}" fill="none" stroke="#999"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="11" fill="#333">
<rect width="${W}" height="${H}" fill="#fff"/>
${parts.join('\n')}
</svg>
`;
}

export interface PreviousModel {
  name: string;
  description: string;
  bitsPerByte: number;
  bestPrevious: number;
  agreementRight: number;
  agreementPairs: number;
  /** Mean log-odds shift, in nats, between the pronoun twins and between the number twins (context-evals.ts, twinShifts). */
  pronounTwinShift: number;
  numberTwinShift: number;
  /** Pronoun-probe pairs (pronounProbe.ts) right after both subjects. */
  probeRight: number;
  probePairs: number;
  /** Points by which a gendered noun moves the feminine pronouns' share in the training text (noun-pronouns.ts). */
  nounEffectPoints: number;
  copyingGain: number;
  genderPairsFirst: number;
  queenRank: number | null;
  sample: string;
  benchMs: string;
  fileBytes: number;
}

export interface RecipeRow {
  variant: string;
  description: string;
  steps: number;
  tokens: number;
  minutes: number;
  valLoss: number;
  bestPrevious: number;
  entropy: number[];
  genderPairsFirst: number;
  /** 'first-recipe': on FIRST_RECIPE_RUN's first schedule, stopped after `steps`, to compare with that run's own log. */
  schedule?: 'own' | 'first-recipe';
}

/** The first recipe's run's own evaluation at a step, from its training log (results/first-recipe-log.json). */
export interface LoggedEvaluation {
  step: number;
  /** The learning rate the run had at this step, and the one a comparison on its first schedule has there. */
  lr: number;
  scheduledLr: number;
  tokens: number;
  valLoss: number;
  bestPrevious: number;
  entropy: number[];
}

export function contextSections(
  ev: Evaluation,
  fileBytes: number,
  benchMs: number | null,
  previous: readonly PreviousModel[],
  recipes: RecipeRow[] | null,
  firstRecipeLog: readonly LoggedEvaluation[] = [],
): string[] {
  const best = bestPreviousTokenHead(ev.heads);
  const right = ev.agreement.filter(isRight).length;
  const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(0)}%`;
  const gain = ev.copying.firstNats - ev.copying.secondNats;
  const probeRight = ev.probe.filter((p) => p.maleRight && p.femaleRight).length;
  const shifts = twinShifts(ev.agreement);
  const pronounShift = meanTwinShift(shifts, 'pronoun');
  const numberShift = meanTwinShift(shifts, 'number');
  const first = ev.analogies.filter((a) => a.rank === 1).length;
  const queen = ev.analogies.find((a) => a.expected === 'queen')!;
  const lines: string[] = [];
  if (previous.length > 0) {
    const models = [...previous, { name: 'this model' }];
    const row = (measure: string, cells: string[]) => `| ${measure} | ${cells.join(' | ')} |`;
    lines.push(
      `## This model next to the ones it replaced`,
      ``,
      ...previous.map((p) => `- The ${p.name}: ${p.description}.`),
      ``,
      `All measured by this card's own code on the same validation split.`,
      ``,
      row(
        'measure',
        models.map((m) => m.name),
      ),
      `|---|${models.map(() => '---').join('|')}|`,
      row('validation bits per byte', [...previous.map((p) => f3(p.bitsPerByte)), f3(ev.bitsPerByte)]),
      row('best previous-token head: mean weight on the previous token', [
        ...previous.map((p) => f3(p.bestPrevious)),
        `${f3(best.previous)} (L${best.layer + 1}H${best.head + 1})`,
      ]),
      row('agreement pairs right (below)', [
        ...previous.map((p) => `${p.agreementRight} of ${p.agreementPairs} (${pct(p.agreementRight, p.agreementPairs)})`),
        `${right} of ${ev.agreement.length} (${pct(right, ev.agreement.length)})`,
      ]),
      row('agreement twins: how far the word they differ in moves the odds, pronoun / number (below)', [
        ...previous.map((p) => `${f2(p.pronounTwinShift)} / ${f2(p.numberTwinShift)} nats`),
        `${f2(pronounShift.mean)} / ${f2(numberShift.mean)} nats`,
      ]),
      row('pronoun probe: pairs right after both the male and the female subject (below)', [
        ...previous.map((p) => `${p.probeRight} of ${p.probePairs}`),
        `${probeRight} of ${ev.probe.length}`,
      ]),
      ...(ev.nounFollowing
        ? [
            row("a noun swapped for the other gender's: how far the feminine pronouns' share moves (below)", [
              ...previous.map((p) => `${p.nounEffectPoints.toFixed(1)} points`),
              `${ev.nounFollowing.model.nounEffect.toFixed(1)} points`,
            ]),
          ]
        : []),
      row('copying: how much cheaper the second reading of a random sequence is', [
        ...previous.map((p) => `${f3(p.copyingGain)} nats/token`),
        `${f3(gain)} nats/token`,
      ]),
      row("king − man + woman: queen's rank; gender pairs ranked first", [
        ...previous.map((p) => `${p.queenRank ?? '> 50'}; ${p.genderPairsFirst} of 7`),
        `${queen.rank ?? '> 50'}; ${first} of ${ev.analogies.length}`,
      ]),
      row('a sample at temperature 0.8', [...previous.map((p) => JSON.stringify(p.sample)), JSON.stringify(ev.samples[0].text)]),
      row("forward pass, 128 tokens (the app's pass, median)", [
        ...previous.map((p) => p.benchMs),
        benchMs === null
          ? 'not measured'
          : `${benchMs.toFixed(1)} ms (measured by this evaluation; \`npm run bench\` on a quiet machine is the reference)`,
      ]),
      row('model.safetensors', [...previous.map((p) => `${(p.fileBytes / 1e6).toFixed(2)} MB`), `${(fileBytes / 1e6).toFixed(2)} MB`]),
      ``,
    );
  }
  lines.push(
    `## Attention heads`,
    ``,
    `Measured over every validation window. *previous*, *first* and *self* are the mean weights a head puts on the token just before, on the window's first token and on the token itself (rows 1 to ${HEAD_PATTERN_SIZE * 8 - 1}); *entropy* is each row's entropy over the most it could be, averaged (1 is spread evenly, 0 is all on one token). Layers and heads count from 1.`,
    ``,
    `| head | previous | first | self | entropy |`,
    `|---|---|---|---|---|`,
    ...ev.heads.map((h) => `| L${h.layer + 1}H${h.head + 1} | ${f3(h.previous)} | ${f3(h.first)} | ${f3(h.self)} | ${f3(h.entropy)} |`),
    ``,
    `Each head's average weights over the first ${HEAD_PATTERN_SIZE} positions of every validation window (row = the token looking, column = the token looked at):`,
    ``,
    `![Average attention pattern of every head](heads.svg)`,
    ``,
    `## Does it use its context?`,
    ``,
    `**Agreement.** ${ev.agreement.length} minimal pairs written for this test from ordinary English (\`scripts/train/context-evals.ts\`): a pronoun after a gendered noun a few tokens back, *is/are* or *was/were* after a singular or plural subject, and *a/an* before a word. Each prompt has a twin whose right answer is the other word, so always preferring one word scores 50%. A pair counts as right when the model gives the right word more probability than the wrong one: **${right} of ${ev.agreement.length} (${pct(right, ev.agreement.length)})**.`,
    ``,
    `| kind | right |`,
    `|---|---|`,
    ...(['pronoun', 'number', 'article'] as const).map((kind) => {
      const pairs = ev.agreement.filter((a) => a.kind === kind);
      return `| ${kind} | ${pairs.filter(isRight).length} of ${pairs.length} |`;
    }),
    ``,
    `| prompt | right | P(right) | wrong | P(wrong) |`,
    `|---|---|---|---|---|`,
    ...ev.agreement
      .filter((_, i) => i < 4 || (i >= 16 && i < 18) || i >= ev.agreement.length - 2)
      .map((a) => `| ${a.prompt} | ${a.right} | ${(100 * a.pRight).toFixed(1)}% | ${a.wrong} | ${(100 * a.pWrong).toFixed(1)}% |`),
    ``,
    `**Twins.** A twin differs from its pair in one word (king and queen, house and houses), so how far that word moves the odds between the two answers shows whether the model reads it, even where its lean to one answer wins after both: the log-odds of the first prompt's answer after it, less after its twin (0 for a model that ignores the word). The pronoun twins move the odds ${f2(pronounShift.mean)} nats on average (a factor of ${Math.exp(pronounShift.mean).toFixed(1)}), the right way in ${pronounShift.rightWay} of ${pronounShift.twins}; the number twins ${f2(numberShift.mean)} nats (a factor of ${Math.exp(numberShift.mean).toFixed(1)}), the right way in ${numberShift.rightWay} of ${numberShift.twins}.`,
    ``,
    `| twins | word | shift (nats) |`,
    `|---|---|---|`,
    ...shifts.filter((t) => t.kind !== 'article').map((t) => `| ${t.prompts[0]} / ${t.prompts[1]} | ${t.word} | ${f2(t.shift)} |`),
    ``,
    `**Following the subject.** ${PROBE_FRAMES.length} sentence frames ("{S} said that", "{S} lost", …) × ${PROBE_SUBJECTS.length} pairs of subjects ("The king" and "The queen", "His father" and "His mother", "He" and "She", …; \`scripts/train/pronounProbe.ts\`). A pair counts when the model expects the right pronoun next (he or she, his or her) after both subjects, so a model that always leans one way scores 0: **${probeRight} of ${ev.probe.length}**.`,
    ``,
    `| subjects | pairs right of ${PROBE_FRAMES.length} frames |`,
    `|---|---|`,
    ...PROBE_SUBJECTS.map(([male, female]) => {
      const pairs = ev.probe.filter((p) => p.maleSubject === male);
      return `| ${male} / ${female} | ${pairs.filter((p) => p.maleRight && p.femaleRight).length} |`;
    }),
    ``,
    ...(ev.nounFollowing ? nounFollowingParagraph(ev.nounFollowing) : []),
    `**Copying.** ${ev.copying.sequences} random sequences of ${ev.copying.length} tokens, drawn from the 2,000 most common whole words, each read twice in a row. The first reading costs ${f3(ev.copying.firstNats)} nats per token, the second ${f3(ev.copying.secondNats)}: ${f3(gain)} nats cheaper${gain >= COPYING_NATS ? ', because the model can look back at the first reading and copy it.' : '. The model hardly copies.'}`,
    ``,
  );
  if (recipes) {
    lines.push(
      `## How the recipe was chosen`,
      ``,
      `Runs from scratch on the same tokens, equal in steps (\`scripts/train/compare.ts\`, results in \`scripts/train/results/recipe-comparison.json\`). Every recipe has the shipped model's width, and so the same compute per step, except wide-128, whose steps each cost about twice as much. The minutes were measured on the shared 2-core machine while other work ran, so only the steps are comparable. This model's recipe is sharp-start with half of the windows drawn from the prose: that pair was chosen from full-length runs of each change, which the repository's README records ("Training the model again").`,
      ``,
      `| recipe | steps | tokens | validation loss | best previous-token head | entropy per layer | gender pairs first |`,
      `|---|---|---|---|---|---|---|`,
      ...recipes.map(
        (r) =>
          `| ${r.variant}: ${r.description} | ${r.steps} | ${r.tokens.toLocaleString('en-US')} | ${f3(r.valLoss)} | ${f3(r.bestPrevious)} | ${r.entropy.map((e) => e.toFixed(2)).join(' / ')} | ${r.genderPairsFirst} of 7 |`,
      ),
      ...comparedFirstRecipeSteps(recipes, firstRecipeLog).map(
        (r) =>
          `| **the first recipe's run**, the model shipped until December 6, at step ${r.step}: its own training log, which the rows above marked "on the first recipe's schedule" compare with${Math.abs(r.lr - r.scheduledLr) > 1e-6 ? `, though its learning rate there was ${r.lr.toFixed(5)} against their ${r.scheduledLr.toFixed(5)}, since that run's schedule was shortened after step 1,000, as its log records` : ''} | ${r.step} | ${r.tokens.toLocaleString('en-US')} | ${f3(r.valLoss)} | ${f3(r.bestPrevious)} | ${r.entropy.map((e) => e.toFixed(2)).join(' / ')} | not measured |`,
      ),
      ``,
    );
  }
  return lines;
}

/** The first recipe's logged evaluations at the steps where comparisons on its schedule stopped. */
function comparedFirstRecipeSteps(recipes: readonly RecipeRow[], firstRecipeLog: readonly LoggedEvaluation[]): LoggedEvaluation[] {
  const steps = new Set(recipes.filter((r) => r.schedule === 'first-recipe').map((r) => r.steps));
  return firstRecipeLog.filter((row) => steps.has(row.step));
}

/** What the training text says after a gendered noun, and how much of it the model follows. */
function nounFollowingParagraph({ places, text, model }: NounFollowing): string[] {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return [
    `**Following a noun in running text.** At the ${places.toLocaleString('en-US')} places in the training text where he, his, him, she or her comes within ${WINDOW_WORDS} words of a gendered noun (queen, mother, Mrs., king, father, Mr., …; \`scripts/train/noun-pronouns.ts\`), the text's pronoun is feminine ${pct(text.f.feminine / text.f.all)} of the time after a female noun and ${pct(text.m.feminine / text.m.all)} after a male one. The model, reading each document up to that pronoun, gives the feminine pronouns ${pct(model.feminine.f)} of the five pronouns' probability after a female noun and ${pct(model.feminine.m)} after a male one. Swapping only the noun for the other gender's (queen ↔ king, …) moves that share ${model.nounEffect.toFixed(1)} points towards the noun on average, and flips which gender it prefers at ${model.flipped.toLocaleString('en-US')} places (${pct(model.flipped / places)}). These are sentences the model was trained on: this measures how much of their signal it kept.`,
    ``,
  ];
}
