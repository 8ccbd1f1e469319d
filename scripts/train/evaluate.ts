import type { LoadedModel } from '../../src/core/bundle.ts';
import { forward } from '../../src/core/gpt.ts';
import { crossEntropyForward } from '../../src/core/ops/crossentropy.ts';
import { generate } from '../../src/core/sampling.ts';
import { parameterCounts } from '../../src/core/checkpoint.ts';
import { bigramNats, unigramNats } from './baselines.ts';
import { genderAnalogies, type AnalogyResult } from './analogies.ts';

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
  samples: { prompt: string; text: string }[];
  analogies: AnalogyResult[];
  params: { name: string; shape: number[]; count: number }[];
}

export const SAMPLE_PROMPTS = ['The king said to the queen that', 'In the morning, the children', 'The history of the city', 'She looked at him and'];
export const SAMPLE_TEMPERATURE = 0.8;

/** Validation loss over non-overlapping context windows, next to count baselines over the same targets. */
export function evaluate(loaded: LoadedModel, val: Uint16Array, train: Uint16Array, dtype: string): Evaluation {
  const { model, tokenizer } = loaded;
  const T = model.config.nPositions;
  const V = model.config.vocabSize;
  let nats = 0;
  let count = 0;
  let bytes = 0;
  const contexts: number[] = [];
  const targets: number[] = [];
  for (let start = 0; start + T + 1 <= val.length; start += T) {
    const ids = Array.from(val.subarray(start, start + T));
    const next = val.subarray(start + 1, start + T + 1);
    nats += crossEntropyForward(forward(model, ids).probs.data, next, T, V) * T;
    count += T;
    for (let i = 0; i < T; i++) {
      contexts.push(ids[i]);
      targets.push(next[i]);
      // Byte-level BPE spells each byte as one character of the token string.
      bytes += tokenizer.tokenString(next[i]).length;
    }
  }
  const modelNats = nats / count;
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
    samples: SAMPLE_PROMPTS.map((prompt, i) => {
      const ids = tokenizer.encode(prompt);
      const out = generate(model, tokenizer, ids, 24, { temperature: SAMPLE_TEMPERATURE, topK: null, topP: null }, i + 1);
      return { prompt, text: tokenizer.decode(out.ids) };
    }),
    analogies: genderAnalogies(model.params.wte, tokenizer),
    params: parameterCounts(model),
  };
}
