import type { LoadedModel } from '../../src/core/bundle.ts';
import { forward } from '../../src/core/gpt.ts';
import { nearestRows, analogyVector } from '../../src/core/analogy.ts';
import { generate } from '../../src/core/sampling.ts';
import { logitLens } from '../../src/core/lens.ts';
import { analyse } from '../../src/core/expressionAnalysis.ts';
import { setSimdEnabled } from '../../src/core/ops/simd.ts';
import { median } from '../bench/median.ts';
import { gpt2Config, gpt2Plan, matrixProducts, randomIds, runGpt2Shaped } from '../bench/cases.ts';
import { runNumpy } from '../bench/numpy.ts';

export function runBench(loaded: LoadedModel, tokens: number) {
  const { model } = loaded;
  const T = Math.min(tokens, model.config.nPositions);
  const ids = randomIds(T, model.config.vocabSize);
  const wte = model.params.wte;
  const king = ids[0],
    man = ids[1],
    woman = ids[2];
  const trace = forward(model, ids, { logitRows: 'last' });
  // The pass the app reruns on every keystroke, and predict and generate run: logits for the last position.
  const forwardMs = median(() => forward(model, ids, { logitRows: 'last' }), 21);
  // The same pass with the matrix products in scalar JavaScript, as in an engine without WebAssembly SIMD.
  setSimdEnabled(false);
  let forwardScalarMs: number;
  try {
    forwardScalarMs = median(() => forward(model, ids, { logitRows: 'last' }), 21);
  } finally {
    setSimdEnabled(true);
  }
  return {
    tokens: T,
    matrix_products: matrixProducts(),
    forward_ms_median: forwardMs,
    forward_scalar_ms_median: forwardScalarMs,
    // Logits at every position, as training and the app's "every position" view need: W_u then dominates.
    forward_all_logits_ms_median: median(() => forward(model, ids), 21),
    nearest_neighbours_ms_median: median(
      () => nearestRows(wte, analogyVector(wte, king, man, woman), { k: 10, exclude: [king, man, woman] }),
      51,
    ),
    // What the lab does per keystroke in its expression box: parse, look the words up, and rank all
    // tokens by cosine and by dot product among whole words.
    lab_expression_ms_median: median(() => analyse(loaded, 'king - man + woman', false, false), 51),
    generate_32_tokens_ms: median(
      () => generate(model, loaded.tokenizer, ids.slice(0, 8), 32, { temperature: 0.8, topK: null, topP: null }, 1),
      3,
    ),
    logit_lens_ms_median: median(() => logitLens(model, trace, T - 1, 5), 51),
    model: `${model.config.nLayer} layers, C=${model.config.nEmbd}, V=${model.config.vocabSize}, ${model.config.nPositions} positions`,
  };
}

/**
 * `bench --gpt2-shaped`: a random model of GPT-2 small's shape at 16, 64 and 256 tokens, and the same
 * pass in NumPy run next to it (scripts/bench/gpt2_numpy.py) on `numpyThreads` BLAS threads.
 */
export function runGpt2ShapedBench(quick: boolean, numpyThreads: number, note: (message: string) => void) {
  const ours = runGpt2Shaped(quick);
  const numpy = runNumpy(gpt2Config(quick), gpt2Plan(quick), numpyThreads);
  if (!numpy.ok) note(`note: NumPy was not run beside it (${numpy.reason}), so there is no ratio.`);
  const cases = ours.cases.map((c) => {
    const theirs = numpy.ok ? numpy.run.cases.find((n) => n.tokens === c.tokens) : undefined;
    return {
      ...c,
      numpy_ms_median: theirs?.forward_ms_median ?? null,
      ratio_ours_to_numpy: theirs ? c.forward_ms_median / theirs.forward_ms_median : null,
    };
  });
  const numpyInfo = numpy.ok
    ? {
        threads: numpyThreads,
        version: numpy.run.numpy,
        blas: numpy.run.blas,
        threads_env: numpy.run.threads_env,
        threadpools: numpy.run.threadpools,
        init_ms: numpy.run.init_ms,
      }
    : { skipped: numpy.reason };
  return { ...ours, threads: 1, cases, numpy: numpyInfo };
}

type Gpt2ShapedBench = ReturnType<typeof runGpt2ShapedBench>;

/** The GPT-2-shaped bench as a table, one row per token count. */
export function gpt2BenchText(r: Gpt2ShapedBench): string {
  const cell = (x: number | null, digits: number) => (x === null ? '–' : x.toFixed(digits));
  const rows = r.cases.map((c) =>
    [
      String(c.tokens).padStart(6),
      cell(c.flops / 1e9, 2).padStart(8),
      cell(c.forward_ms_median, 1).padStart(10),
      cell(c.gflops_per_s, 1).padStart(8),
      cell(c.numpy_ms_median, 1).padStart(10),
      cell(c.ratio_ours_to_numpy, 2).padStart(11),
      cell(c.trace_memory_bytes / 2 ** 20, 0).padStart(9),
    ].join(''),
  );
  const numpy =
    'skipped' in r.numpy
      ? `NumPy: not run (${r.numpy.skipped})`
      : `NumPy ${r.numpy.version}, ${r.numpy.blas}, ${r.numpy.threads} BLAS thread${r.numpy.threads === 1 ? '' : 's'}`;
  return [
    `random GPT-2-shaped model: ${r.model}, ${r.parameters.toLocaleString('en')} parameters (drawn in ${(r.init_ms / 1000).toFixed(1)} s)`,
    `ours: one thread, matrix products in ${r.matrix_products}; ${numpy}`,
    `colour limit of W_e's picture, the 98th percentile of its |values| (chapters 3 and 4): ${r.wte_colour_limit_ms.toFixed(0)} ms`,
    `${'tokens'.padStart(6)}${'GFLOP'.padStart(8)}${'ours ms'.padStart(10)}${'GFLOP/s'.padStart(8)}${'NumPy ms'.padStart(10)}${'ours/NumPy'.padStart(11)}${'trace MB'.padStart(9)}`,
    ...rows,
  ].join('\n');
}
