import type { GPTConfig } from '../../src/core/config.ts';
import { forwardFlops } from '../../src/core/flops.ts';
import { forward } from '../../src/core/gpt.ts';
import { initModel, type GPTModel } from '../../src/core/model.ts';
import { simdSupported } from '../../src/core/ops/simd.ts';
import { countParameters, GPT2_SMALL, paramConfigFromModel } from '../../src/core/param-count.ts';
import { createRng } from '../../src/core/rng.ts';
import { TraceMemory } from '../../src/core/traceMemory.ts';
import { robustMaxAbs } from '../../src/viz/colors.ts';
import { DEFAULT_WARM_UP, median, type WarmUp } from './median.ts';

// The bench's forward-pass cases, timed the same way in Node (`npm run bench -- --gpt2-shaped`,
// scripts/bench/browser.ts) and in Chromium (the bench page, scripts/bench/page.ts). No Node or DOM here.

/** GPT-2 small's shape (12 layers, C = 768, 12 heads, V = 50,257, 1024 positions, W_u tied), with random weights. */
export const GPT2_SHAPED: GPTConfig = {
  vocabSize: GPT2_SMALL.vocabSize,
  nPositions: GPT2_SMALL.nPositions,
  nEmbd: GPT2_SMALL.nEmbd,
  nLayer: GPT2_SMALL.nLayer,
  nHead: GPT2_SMALL.nHead ?? 12,
  layerNormEpsilon: 1e-5,
  activationFunction: 'gelu_new',
  tieWordEmbeddings: true,
};
/** --quick: GPT-2's vocabulary and context at 2 layers of width 192, to check that the bench runs, not to time. */
export const GPT2_SHAPED_QUICK: GPTConfig = { ...GPT2_SHAPED, nLayer: 2, nEmbd: 192 };
export const gpt2Config = (quick: boolean): GPTConfig => (quick ? GPT2_SHAPED_QUICK : GPT2_SHAPED);
const WEIGHT_SEED = 2019;
const IDS_SEED = 42;

/** How one token count is timed: a pass of GPT-2's shape at 256 tokens is warm after a run. */
export interface TimingPlan {
  tokens: number;
  warmUp: WarmUp;
  repeats: number;
}

export function gpt2Plan(quick: boolean): TimingPlan[] {
  if (quick) return [16, 64, 256].map((tokens) => ({ tokens, warmUp: { runs: 1, ms: 0 }, repeats: 3 }));
  return [
    { tokens: 16, warmUp: { runs: 3, ms: 300 }, repeats: 11 },
    { tokens: 64, warmUp: { runs: 2, ms: 300 }, repeats: 7 },
    { tokens: 256, warmUp: { runs: 1, ms: 300 }, repeats: 5 },
  ];
}

/** T token ids drawn uniformly from the vocabulary, the same ones on every run. */
export function randomIds(T: number, vocabSize: number, seed = IDS_SEED): number[] {
  const rng = createRng(seed);
  return Array.from({ length: T }, () => Math.floor(rng.next() * vocabSize));
}

export function describeModel(config: GPTConfig): string {
  const { nLayer, nEmbd, nHead, vocabSize, nPositions } = config;
  return `${nLayer} layers, C=${nEmbd}, ${nHead} heads, V=${vocabSize}, ${nPositions} positions`;
}

export interface ForwardTiming {
  tokens: number;
  /** forwardFlops(config, T).total: what the pass computes, logits for the last row only. */
  flops: number;
  forward_ms_median: number;
  gflops_per_s: number;
  /** What the reused TraceMemory holds after the pass (the whole trace and c_attn's scratch). */
  trace_memory_bytes: number;
}

/** The pass as the app runs it: logits for the last position, written into `memory` reused from pass to pass. */
export function timeForward(model: GPTModel, plan: TimingPlan, memory: TraceMemory): ForwardTiming {
  const ids = randomIds(plan.tokens, model.config.vocabSize);
  const ms = median(() => forward(model, ids, { logitRows: 'last' }, memory), plan.repeats, plan.warmUp);
  const flops = forwardFlops(model.config, plan.tokens).total;
  return { tokens: plan.tokens, flops, forward_ms_median: ms, gflops_per_s: flops / ms / 1e6, trace_memory_bytes: memory.bytes };
}

export interface Gpt2ShapedResult {
  model: string;
  parameters: number;
  matrix_products: string;
  /** Drawing the random weights with the core's seeded rng (initModel), once. */
  init_ms: number;
  /**
   * The colour limit of W_e's picture (robustMaxAbs over its 38.6 million values), which the page computes once
   * when chapter 3 or 4 first draws this model's W_e: it took about 5 s in Chromium while it sorted every value.
   */
  wte_colour_limit_ms: number;
  cases: ForwardTiming[];
}

export function matrixProducts(): string {
  return simdSupported() ? 'WebAssembly SIMD' : 'scalar JavaScript (no WebAssembly SIMD here)';
}

/** A random GPT-2-shaped model, timed at 16, 64 and 256 tokens with one TraceMemory reused throughout. */
export function runGpt2Shaped(quick: boolean): Gpt2ShapedResult {
  const config = gpt2Config(quick);
  const t0 = performance.now();
  const model = initModel(config, createRng(WEIGHT_SEED));
  const initMs = performance.now() - t0;
  const memory = new TraceMemory();
  return {
    model: describeModel(config),
    parameters: countParameters(paramConfigFromModel(config, 'GPT-2-shaped')).total,
    matrix_products: matrixProducts(),
    init_ms: initMs,
    // A second or more a run in Chromium before the fix: three runs, no warm-up beyond the first.
    wte_colour_limit_ms: median(() => robustMaxAbs(model.params.wte.data), 3, { runs: 1, ms: 0 }),
    cases: gpt2Plan(quick).map((plan) => timeForward(model, plan, memory)),
  };
}

export const TINY_TOKENS = 128;

export interface TinyResult {
  model: string;
  tokens: number;
  flops: number;
  /** Every pass writes its trace into fresh memory, as the app did before TraceMemory. */
  fresh_memory_ms_median: number;
  /** Every pass writes into one TraceMemory, as the app does now. */
  reused_memory_ms_median: number;
  reused_gflops_per_s: number;
}

/** The shipped model at 128 tokens (its whole context), with fresh and with reused trace memory. */
export function runTiny(model: GPTModel): TinyResult {
  const T = Math.min(TINY_TOKENS, model.config.nPositions);
  const ids = randomIds(T, model.config.vocabSize);
  const fresh = median(() => forward(model, ids, { logitRows: 'last' }), 21);
  const reused = timeForward(model, { tokens: T, warmUp: DEFAULT_WARM_UP, repeats: 21 }, new TraceMemory());
  return {
    model: describeModel(model.config),
    tokens: T,
    flops: reused.flops,
    fresh_memory_ms_median: fresh,
    reused_memory_ms_median: reused.forward_ms_median,
    reused_gflops_per_s: reused.gflops_per_s,
  };
}
