import type { GPTConfig } from './config';

export class EmptyInputError extends Error {
  constructor() {
    super('There is no text to run: type at least one character.');
    this.name = 'EmptyInputError';
  }
}

export interface FittedInput {
  ids: number[]; // at most nPositions, the most recent tokens
  droppedTokens: number; // how many tokens from the start were cut to fit the context
}

/** A GPT sees at most nPositions tokens; longer input keeps its last nPositions tokens. */
export function fitToContext(ids: readonly number[], nPositions: number): FittedInput {
  const droppedTokens = Math.max(0, ids.length - nPositions);
  return { ids: ids.slice(droppedTokens), droppedTokens };
}

export function checkIds(config: GPTConfig, ids: readonly number[]): void {
  if (ids.length === 0) throw new EmptyInputError();
  if (ids.length > config.nPositions) {
    throw new Error(`The model sees at most ${config.nPositions} tokens but got ${ids.length}; cut the input with fitToContext first.`);
  }
  for (const id of ids) {
    if (!Number.isInteger(id) || id < 0 || id >= config.vocabSize) {
      throw new Error(`Token id ${id} is outside the vocabulary 0..${config.vocabSize - 1}.`);
    }
  }
}
