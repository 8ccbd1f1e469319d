import type { LoadedModel } from './bundle';
import type { Tokenizer } from './tokenizer/index.ts';
import { fitToContext } from './context';
import { forward } from './gpt';
import { lastProbs } from './trace';

export interface NextToken {
  ids: number[]; // (T) the prompt's tokens, at most nPositions of them (the end is kept)
  probs: Float32Array; // (V) the next-token probabilities after the last token, temperature 1
}

/** The model's next-token distribution after `text`: one forward pass with logits for the last position only. */
export function nextTokenAfter(loaded: LoadedModel, text: string): NextToken {
  const { ids } = fitToContext(loaded.tokenizer.encode(text), loaded.model.config.nPositions);
  const trace = forward(loaded.model, ids, { logitRows: 'last' });
  return { ids, probs: lastProbs(trace) };
}

/** The id of `word` when the tokenizer reads it as exactly one token (" she" is one token; a rare word may be several); otherwise null. */
export function singleTokenId(tokenizer: Pick<Tokenizer, 'encode'>, word: string): number | null {
  const ids = tokenizer.encode(word);
  return ids.length === 1 ? ids[0] : null;
}
