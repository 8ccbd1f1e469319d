import type { Tokenizer } from '../../core/tokenizer/index.ts';
import type { SamplingSettings } from '../../core/sampling';
import { sampleToken, tokenRng } from '../../core/sampling';
import { lastLogits } from '../../core/trace';
import type { ForwardResult } from '../model/useForward';

export type NextStep = { kind: 'token'; id: number; text: string } | { kind: 'contextFull' } | { kind: 'empty' };

/**
 * One generation step on the trace already computed for the reader's text: draw the next token
 * from its last logits and spell out the longer text. Decoding all the ids (rather than adding the
 * token's text) joins byte tokens that only make a character together.
 */
export function nextStep(result: ForwardResult, tokenizer: Tokenizer, settings: SamplingSettings, seed: number, nPositions: number): NextStep {
  if (result.kind !== 'ok') return { kind: 'empty' };
  if (result.droppedTokens > 0 || result.ids.length >= nPositions) return { kind: 'contextFull' };
  const position = result.ids.length;
  const id = sampleToken(lastLogits(result.trace), settings, tokenRng(seed, position));
  return { kind: 'token', id, text: tokenizer.decode([...result.ids, id]) };
}
