import type { LoadedModel } from '../../src/core/bundle.ts';
import { forward } from '../../src/core/gpt.ts';
import { createRng } from '../../src/core/rng.ts';
import { nearestRows, analogyVector } from '../../src/core/analogy.ts';
import { generate } from '../../src/core/sampling.ts';
import { logitLens } from '../../src/core/lens.ts';
import { analyse } from '../../src/core/expressionAnalysis.ts';
import { setSimdEnabled, simdSupported } from '../../src/core/ops/simd.ts';

// Timings are medians of repeated runs after a warm-up, so one slow run (GC, JIT) does not decide them.
// The warm-up lasts at least 10 runs and 300 ms: V8 keeps optimising a pass for its first few hundred
// milliseconds, and the app measures steady typing, not the first keystroke.
function median(run: () => void, repeats: number): number {
  const warmUntil = performance.now() + 300;
  for (let i = 0; i < 10 || performance.now() < warmUntil; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function runBench(loaded: LoadedModel, tokens: number) {
  const { model } = loaded;
  const T = Math.min(tokens, model.config.nPositions);
  const rng = createRng(42);
  const ids = Array.from({ length: T }, () => Math.floor(rng.next() * model.config.vocabSize));
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
    matrix_products: simdSupported() ? 'WebAssembly SIMD' : 'scalar JavaScript (no WebAssembly SIMD here)',
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
