import type { GPTModel } from './model';
import type { Tokenizer } from './tokenizer/index.ts';
import type { Rng } from './rng';
import { createRng, RNG_STEPS } from './rng';
import { softmax } from './ops/softmax';
import { TraceMemory } from './traceMemory';
import { forward } from './gpt';
import { lastLogits } from './trace';

// Sampling acts on logits the forward pass already computed. Changing the temperature, top-k
// or top-p never reruns the model; only appending a token does.

export interface SamplingSettings {
  /** 0 means greedy: always the most likely token. */
  temperature: number;
  /** Keep only the k most likely tokens; null keeps all. */
  topK: number | null;
  /** Keep the smallest set of most likely tokens whose probability adds up to at least p; null keeps all. */
  topP: number | null;
}

export const DEFAULT_SETTINGS: SamplingSettings = { temperature: 1, topK: null, topP: null };
export const MAX_TEMPERATURE = 5;

export type SettingsProblemCode =
  | 'temperatureNotANumber'
  | 'temperatureClamped'
  | 'topKNotANumber'
  | 'topKRounded'
  | 'topKOff'
  | 'topKClamped'
  | 'topPNotANumber'
  | 'topPClamped'
  | 'topPOff';

/** What validateSettings changed: `code` for the UI to translate, `message` for the command line. */
export interface SettingsProblem {
  code: SettingsProblemCode;
  value: unknown;
  to: number | null;
  message: string;
}

// Accepts numbers and numeric strings (the URL and the command line hand over strings).
// A decimal number as people type it: digits with a point or a comma (1,5), an optional exponent.
// Not JavaScript's wider syntax, which reads "0x10" as 16, a number the reader never wrote.
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/i;
// "1,000" is a thousand to some readers and one to others: refused, rather than read as 1.
const THOUSANDS = /^[+-]?[1-9]\d*,\d{3}$/;

/** A number as a reader types it, null for nothing typed, 'bad' for anything else ("0x10", "1,000", "abc"). */
export function parseDecimal(raw: unknown): number | null | 'bad' {
  if (raw === undefined || raw === null || raw === '') return null;
  // Infinity (or 1e999) is a number, only far too big: it is clamped like any other big one.
  if (typeof raw === 'number') return Number.isNaN(raw) ? 'bad' : raw;
  if (typeof raw === 'string' && raw.trim() !== '') {
    // Full-width digits from a Chinese keyboard (１.５) are the same digits.
    const typed = raw.normalize('NFKC').trim();
    if (!DECIMAL.test(typed) || THOUSANDS.test(typed)) return 'bad';
    return Number(typed.replace(',', '.'));
  }
  return 'bad';
}

/**
 * A count as a reader types it: digits only, with spaces around them or none, full-width (１０) as well; null for anything
 * else, "1e3", "1.0" and "0x10" included, which would otherwise be read as 1000, 1 and 16.
 */
export function parseWholeNumber(raw: string): number | null {
  const typed = raw.normalize('NFKC').trim();
  return /^\d+$/.test(typed) ? Number(typed) : null;
}

/**
 * Turn whatever the reader typed into settings sampling can use, saying what was changed and why.
 * `vocabSize`, when given, caps top-k (keeping more tokens than exist means keeping all).
 */
export function validateSettings(
  raw: { temperature?: unknown; topK?: unknown; topP?: unknown },
  vocabSize?: number,
): { settings: SamplingSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const note = (code: SettingsProblemCode, value: unknown, to: number | null, message: string) =>
    problems.push({ code, value, to, message });
  const show = (v: unknown) => {
    if (typeof v === 'string') return JSON.stringify(v);
    // Objects from a URL or a script can refuse to become strings; the message must still be written.
    try {
      return String(v);
    } catch {
      return 'that value';
    }
  };

  // What the reader typed, for a message: "1e999" stays "1e999" rather than the Infinity it parses to.
  const typed = (v: unknown, parsed: number) => (typeof v === 'string' ? v.trim() : parsed);

  let temperature = DEFAULT_SETTINGS.temperature;
  const t = parseDecimal(raw.temperature);
  if (t === 'bad') {
    note(
      'temperatureNotANumber',
      raw.temperature,
      temperature,
      `temperature ${show(raw.temperature)} is not a number; using ${temperature}`,
    );
  } else if (t !== null) {
    temperature = Math.min(MAX_TEMPERATURE, Math.max(0, t));
    if (temperature !== t) {
      note(
        'temperatureClamped',
        typed(raw.temperature, t),
        temperature,
        `temperature ${show(raw.temperature)} is outside 0..${MAX_TEMPERATURE}; using ${temperature}`,
      );
    }
  }

  let topK: number | null = null;
  const k = parseDecimal(raw.topK);
  if (k === 'bad') {
    note('topKNotANumber', raw.topK, null, `top-k ${show(raw.topK)} is not a number; keeping all tokens`);
  } else if (k !== null) {
    const whole = Math.round(k);
    if (k === 0) {
      // 0 is how a reader switches top-k off, as the control's help says: nothing to report.
    } else if (whole < 1) {
      note('topKOff', typed(raw.topK, k), null, `top-k ${show(raw.topK)} keeps no token; top-k is off (all tokens kept)`);
    } else {
      topK = whole;
      // Rounding a number too big to count is no news next to capping it, and Infinity rounds to itself.
      if (whole !== k && (vocabSize === undefined || whole <= vocabSize))
        note('topKRounded', typed(raw.topK, k), whole, `top-k must be a whole number; using ${whole}`);
      if (vocabSize !== undefined && topK > vocabSize) {
        note(
          'topKClamped',
          typed(raw.topK, k),
          vocabSize,
          `top-k ${show(raw.topK)} is more than the ${vocabSize} tokens there are; using ${vocabSize}`,
        );
        topK = vocabSize;
      }
    }
  }

  let topP: number | null = null;
  const p = parseDecimal(raw.topP);
  if (p === 'bad') {
    note('topPNotANumber', raw.topP, null, `top-p ${show(raw.topP)} is not a number; keeping all tokens`);
  } else if (p !== null) {
    if (p <= 0) {
      note('topPOff', typed(raw.topP, p), null, `top-p ${show(raw.topP)} keeps no probability mass; top-p is off (all tokens kept)`);
    } else {
      topP = Math.min(1, p);
      if (topP !== p) note('topPClamped', typed(raw.topP, p), topP, `top-p ${show(raw.topP)} is above 1; using 1`);
    }
  }

  return { settings: { temperature, topK, topP }, problems };
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** Token indices ordered by probability, most likely first (ties: lower index first, so results are reproducible). */
function byProbability(probs: Float64Array, kept: Uint8Array): number[] {
  const order: number[] = [];
  for (let i = 0; i < probs.length; i++) if (kept[i]) order.push(i);
  return order.sort((a, b) => probs[b] - probs[a] || a - b);
}

function renormalise(probs: Float64Array, kept: Uint8Array): void {
  let sum = 0;
  for (let i = 0; i < probs.length; i++) {
    if (!kept[i]) probs[i] = 0;
    sum += probs[i];
  }
  for (let i = 0; i < probs.length; i++) probs[i] /= sum;
}

/**
 * The distribution a token is drawn from: softmax(logits / T), then top-k, then top-p, renormalised.
 * logits (V) -> probs (V) summing to 1, kept (V) with 1 where the token survived the filters.
 */
export function samplingDistribution(logits: ArrayLike<number>, s: SamplingSettings): { probs: Float64Array; kept: Uint8Array } {
  const V = logits.length;
  const kept = new Uint8Array(V);
  if (V === 0) throw new Error('sampling: there are no logits to sample from');
  if (s.temperature === 0) {
    // Greedy is the limit T -> 0 of the softmax: all the mass ends on the largest logit.
    const probs = new Float64Array(V);
    const best = argmax(logits);
    probs[best] = 1;
    kept[best] = 1;
    return { probs, kept };
  }
  const probs = softmax(logits, s.temperature);
  // A logit of -Infinity is an id with no token (see tokenMask.ts): it is never kept.
  for (let i = 0; i < V; i++) kept[i] = logits[i] > -Infinity ? 1 : 0;
  if (s.topK !== null && s.topK < V) {
    const order = byProbability(probs, kept);
    for (const i of order.slice(s.topK)) kept[i] = 0;
    renormalise(probs, kept);
  }
  if (s.topP !== null && s.topP < 1) {
    const order = byProbability(probs, kept);
    let cumulative = 0;
    let n = 0;
    // Always keep at least one token, then stop as soon as the kept mass reaches p.
    while (n < order.length && (n === 0 || cumulative < s.topP)) cumulative += probs[order[n++]];
    for (const i of order.slice(n)) kept[i] = 0;
    renormalise(probs, kept);
  }
  return { probs, kept };
}

/**
 * How many tokens a draw from samplingDistribution could give: those drawFrom returns for at least one of the numbers
 * it can draw (drawnNumber). Not every kept token, nor every one above 0: near temperature 0 the others' shares of
 * [0, 1) (1e-18, say) are far narrower than the step between those numbers, and no draw lands in them.
 */
export function drawableCount(distribution: { probs: ArrayLike<number>; kept: ArrayLike<number> }): number {
  const { probs, kept } = distribution;
  // The same walk as drawFrom: token i is drawn for u in [before, cumulative). In units of the step (scaling by a
  // power of 2 is exact), the numbers drawn are k + 0.5 for each whole k below RNG_STEPS.
  const firstDrawnFrom = (x: number) => Math.ceil(x * RNG_STEPS - 0.5) + 0.5;
  let n = 0;
  let cumulative = 0;
  let last = -1;
  let lastCounted = false;
  for (let i = 0; i < probs.length; i++) {
    if (probs[i] <= 0) continue;
    const before = cumulative;
    cumulative += probs[i];
    last = i;
    lastCounted = kept[i] !== 0 && firstDrawnFrom(before) < cumulative * RNG_STEPS;
    if (lastCounted) n++;
  }
  // A draw past a total rounded short of 1 gives the last token.
  if (last >= 0 && !lastCounted && kept[last] !== 0 && firstDrawnFrom(cumulative) < RNG_STEPS) n++;
  return n;
}

/**
 * The number a draw inverts the cumulative sum at: the middle of one of the RNG_STEPS equal steps of [0, 1), never 0
 * itself, which would give the first token with a chance of 2⁻³² however small its probability.
 */
function drawnNumber(rng: Rng): number {
  return rng.next() + 0.5 / RNG_STEPS;
}

/** Draw one index from a distribution by inverting its cumulative sum. */
export function drawFrom(probs: ArrayLike<number>, rng: Rng): number {
  const u = drawnNumber(rng);
  let cumulative = 0;
  let last = -1;
  for (let i = 0; i < probs.length; i++) {
    if (probs[i] <= 0) continue;
    cumulative += probs[i];
    last = i;
    if (u < cumulative) return i;
  }
  // Rounding can leave the total a hair under 1; u then lands past the end and belongs to the last token.
  return last;
}

export function sampleToken(logits: ArrayLike<number>, s: SamplingSettings, rng: Rng): number {
  return drawFrom(samplingDistribution(logits, s).probs, rng);
}

/**
 * The random stream for the token that will sit at `position`. Deriving it from (seed, position)
 * instead of running one stream through the whole run means a run gives the same tokens whether it
 * is made in one call, one click at a time, or resumed after reloading a shared link.
 */
export function tokenRng(seed: number, position: number): Rng {
  return createRng((seed ^ Math.imul(position + 1, 0x9e3779b9)) >>> 0);
}

export interface GenerationResult {
  ids: number[];
  /** True when generation ended early because the text filled the model's context (nPositions tokens). */
  stoppedAtContext: boolean;
  /** True when the model drew `stopAt` (GPT-2's "<|endoftext|>"): the run ends there, without it in `ids`. */
  stoppedAtToken: boolean;
}

/**
 * Append up to n sampled tokens, rerunning the model on the whole sequence each time (no KV cache:
 * the point is to show that each new word costs a full forward pass). Stops at nPositions tokens
 * rather than silently dropping the start of the text, which would change what the model sees, and
 * when the model draws `stopAt`, the token that in training ended one document before the next.
 */
export function generate(
  model: GPTModel,
  tokenizer: Tokenizer,
  ids: number[],
  n: number,
  s: SamplingSettings,
  seed: number,
  onToken?: (id: number, text: string) => void,
  stopAt: number | null = null,
): GenerationResult {
  const out = [...ids];
  const limit = model.config.nPositions;
  const memory = new TraceMemory(); // each step needs only the last step's logits
  for (let i = 0; i < n; i++) {
    if (out.length >= limit) return { ids: out, stoppedAtContext: true, stoppedAtToken: false };
    const trace = forward(model, out, { logitRows: 'last' }, memory);
    const id = sampleToken(lastLogits(trace), s, tokenRng(seed, out.length));
    if (id === stopAt) return { ids: out, stoppedAtContext: false, stoppedAtToken: true };
    out.push(id);
    onToken?.(id, tokenizer.tokenText(id));
  }
  return { ids: out, stoppedAtContext: false, stoppedAtToken: false };
}
