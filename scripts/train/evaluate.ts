import type { LoadedModel } from '../../src/core/bundle.ts';
import type { Tensor } from '../../src/core/tensor.ts';
import { forward } from '../../src/core/gpt.ts';
import { crossEntropyForward } from '../../src/core/ops/crossentropy.ts';
import { generate } from '../../src/core/sampling.ts';
import { parameterCounts } from '../../src/core/checkpoint.ts';
import { bigramNats, unigramNats } from './baselines.ts';
import { genderAnalogies, type AnalogyResult } from './analogies.ts';
import { headStats, type AttentionWeights, type HeadStats } from '../../src/core/headStats.ts';
import { agreement, copying, type AgreementResult, type CopyingResult } from './context-evals.ts';
import { pronounProbe, type ProbePair } from './pronounProbe.ts';
import { nounFollowing, type NounFollowing } from './noun-pronouns.ts';

export interface Evaluation {
  trainTokens: number;
  dtype: string; // how model.safetensors stores the weights
  valTokens: number;
  valBytes: number;
  modelNats: number; // mean cross-entropy per token on validation
  unigramNats: number;
  bigramNats: number;
  bigramLambda: number;
  perplexity: number;
  bitsPerByte: number;
  /** Bits per byte on the Brown Corpus's prose and on WordNet's glosses, the two parts of the validation text (null if one is empty). */
  bitsPerByteBySource: { prose: number; glosses: number } | null;
  samples: { prompt: string; text: string }[];
  analogies: AnalogyResult[];
  initialAnalogies: AnalogyResult[] | null; // in the W_e that training started from
  heads: HeadStats[]; // over the validation windows
  headPatterns: Float32Array[]; // per head, its (HEAD_PATTERN_SIZE, HEAD_PATTERN_SIZE) mean weights over the windows' first positions
  agreement: AgreementResult[];
  probe: ProbePair[];
  /** In the training text: how far the model's pronoun follows a gendered noun (null without the text). */
  nounFollowing: NounFollowing | null;
  copying: CopyingResult;
  params: { name: string; shape: number[]; count: number }[];
}

export const SAMPLE_PROMPTS = [
  'The king said to the queen that',
  'In the morning, the children',
  'The history of the city',
  'She looked at him and',
  'The doctor told the nurse that',
  'After the war, the people of the town',
  'He opened the door and',
  'The river runs through',
];
export const SAMPLE_TEMPERATURE = 0.8;
export const HEAD_PATTERN_SIZE = 16;

/** The non-overlapping context windows of `tokens` that the loss is measured over, each with the tokens it predicts. */
function* contextWindows(tokens: Uint16Array, T: number): Generator<{ start: number; ids: number[]; next: Uint16Array }> {
  for (let start = 0; start + T + 1 <= tokens.length; start += T) {
    yield { start, ids: Array.from(tokens.subarray(start, start + T)), next: tokens.subarray(start + 1, start + T + 1) };
  }
}

/** Bits per byte over the context windows of any text: the loss alone, for text the card does not study. */
export function bitsPerByte(loaded: LoadedModel, tokens: Uint16Array): number {
  const { model, tokenizer } = loaded;
  const T = model.config.nPositions;
  let nats = 0;
  let bytes = 0;
  for (const { ids, next } of contextWindows(tokens, T)) {
    nats += crossEntropyForward(forward(model, ids).probs.data, next, T, model.config.vocabSize) * T;
    for (const id of next) bytes += tokenizer.tokenString(id).length;
  }
  return nats / bytes / Math.LN2;
}

/** Validation loss over non-overlapping context windows, next to count baselines over the same targets. */
export function evaluate(
  loaded: LoadedModel,
  val: Uint16Array,
  train: Uint16Array,
  dtype: string,
  initialWte: Tensor | null = null,
  proseValEnd: number | null = null, // val[0, proseValEnd) is prose, the rest glosses
  trainText: string | null = null,
): Evaluation {
  const { model, tokenizer } = loaded;
  const T = model.config.nPositions;
  const V = model.config.vocabSize;
  let nats = 0;
  let count = 0;
  let bytes = 0;
  const proseTotals = { nats: 0, bytes: 0 };
  const traces: AttentionWeights[] = [];
  const P = HEAD_PATTERN_SIZE;
  const L = model.config.nLayer;
  const NH = model.config.nHead;
  const headPatterns = Array.from({ length: L * NH }, () => new Float32Array(P * P));
  const contexts: number[] = [];
  const targets: number[] = [];
  for (const { start, ids, next } of contextWindows(val, T)) {
    const trace = forward(model, ids);
    nats += crossEntropyForward(trace.probs.data, next, T, V) * T;
    // Only the weights are kept: a whole trace per window would not fit in memory.
    traces.push({
      ids: trace.ids,
      blocks: trace.blocks.map((b) => ({ weights: { data: b.weights.data.slice(), shape: b.weights.shape } })),
    });
    trace.blocks.forEach((b, l) => {
      for (let h = 0; h < NH; h++) {
        for (let t = 0; t < P; t++) for (let s = 0; s < P; s++) headPatterns[l * NH + h][t * P + s] += b.weights.data[(h * T + t) * T + s];
      }
    });
    count += T;
    for (let i = 0; i < T; i++) {
      contexts.push(ids[i]);
      targets.push(next[i]);
      // Byte-level BPE spells each byte as one character of the token string.
      const tokenBytes = tokenizer.tokenString(next[i]).length;
      bytes += tokenBytes;
      if (proseValEnd !== null && start + i + 1 < proseValEnd) {
        proseTotals.nats -= Math.log(Math.max(trace.probs.data[i * V + next[i]], 1e-30));
        proseTotals.bytes += tokenBytes;
      }
    }
  }
  const modelNats = nats / count;
  for (const p of headPatterns) for (let i = 0; i < p.length; i++) p[i] /= traces.length;
  const bigram = bigramNats(train, contexts, targets, V);
  return {
    trainTokens: train.length,
    dtype,
    valTokens: count,
    valBytes: bytes,
    modelNats,
    unigramNats: unigramNats(train, targets, V),
    bigramNats: bigram.nats,
    bigramLambda: bigram.lambda,
    perplexity: Math.exp(modelNats),
    bitsPerByte: (modelNats * count) / Math.LN2 / bytes,
    bitsPerByteBySource:
      proseValEnd === null || proseTotals.bytes === 0 || proseTotals.bytes === bytes
        ? null
        : {
            prose: proseTotals.nats / Math.LN2 / proseTotals.bytes,
            glosses: (modelNats * count - proseTotals.nats) / Math.LN2 / (bytes - proseTotals.bytes),
          },
    samples: SAMPLE_PROMPTS.map((prompt, i) => {
      const ids = tokenizer.encode(prompt);
      const out = generate(model, tokenizer, ids, 24, { temperature: SAMPLE_TEMPERATURE, topK: null, topP: null }, i + 1);
      return { prompt, text: tokenizer.decode(out.ids) };
    }),
    analogies: genderAnalogies(model.params.wte, tokenizer),
    initialAnalogies: initialWte ? genderAnalogies(initialWte, tokenizer) : null,
    heads: headStats(traces),
    headPatterns,
    agreement: agreement(model, tokenizer),
    probe: pronounProbe(loaded),
    nounFollowing: trainText === null ? null : nounFollowing(loaded, trainText),
    copying: copying(model, tokenizer, train),
    params: parameterCounts(model),
  };
}
