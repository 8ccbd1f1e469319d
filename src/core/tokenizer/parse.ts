// Readers for GPT-2's two tokenizer files, with errors that say which file and line is wrong.
//
// vocab.json:  {"!": 0, "\"": 1, ..., "Ġthe": 262, ..., "<|endoftext|>": 50256}
// merges.txt:  "#version: 0.2" then one merge per line, "Ġ t", in rank order (rank 0 first).

import { MAX_VOCAB_SIZE } from '../config';
import { showJsonValue, withoutByteOrderMark } from '../jsonValue';

export interface TokenizerFileNames {
  vocab: string;
  merges: string;
}

export const DEFAULT_FILE_NAMES: TokenizerFileNames = { vocab: 'vocab.json', merges: 'merges.txt' };

/**
 * token string -> id. Ids must be unique non-negative integers below MAX_VOCAB_SIZE; gaps are allowed,
 * and an id with no token is never shown or chosen (the model's tokenMask leaves it out).
 */
export function parseVocab(vocabJson: string, fileName: string): Map<string, number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(withoutByteOrderMark(vocabJson));
  } catch (err) {
    throw new Error(`${fileName} is not valid JSON (${(err as Error).message}).`, { cause: err });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    throw new Error(`${fileName} must be a JSON object mapping token strings to ids, like {"a": 0}, but it is ${kind}.`);
  }
  const vocab = new Map<string, number>();
  const owner = new Map<number, string>();
  for (const [token, id] of Object.entries(parsed)) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) {
      throw new Error(`${fileName}: token ${showJsonValue(token)} has id ${showJsonValue(id)}, but ids must be non-negative integers.`);
    }
    if (id >= MAX_VOCAB_SIZE) {
      throw new Error(
        `${fileName}: token ${showJsonValue(token)} has id ${showJsonValue(id)}, but ids must be below ${MAX_VOCAB_SIZE} (GPT-2's run to 50,256).`,
      );
    }
    const previous = owner.get(id);
    if (previous !== undefined) {
      throw new Error(
        `${fileName}: id ${id} is given to both ${showJsonValue(previous)} and ${showJsonValue(token)}; each id must name one token.`,
      );
    }
    owner.set(id, token);
    vocab.set(token, id);
  }
  if (vocab.size === 0) throw new Error(`${fileName} has no tokens.`);
  return vocab;
}

/** The merges in rank order. Every symbol and every merged result must be in the vocab. */
export function parseMerges(mergesTxt: string, vocab: ReadonlyMap<string, number>, fileNames: TokenizerFileNames): [string, string][] {
  const merges: [string, string][] = [];
  const firstLine = new Map<string, number>();
  const lines = withoutByteOrderMark(mergesTxt).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].replace(/\r$/, '');
    if (line === '' || (i === 0 && line.startsWith('#version'))) continue;
    const parts = line.split(' ');
    if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
      throw new Error(
        `${fileNames.merges} line ${lineNo}: expected two symbols separated by one space, like "Ġ t", but found ${JSON.stringify(line)}.`,
      );
    }
    const [left, right] = parts;
    for (const symbol of parts) {
      if (!vocab.has(symbol)) {
        throw new Error(`${fileNames.merges} line ${lineNo}: symbol ${JSON.stringify(symbol)} is not in ${fileNames.vocab}.`);
      }
    }
    if (!vocab.has(left + right)) {
      throw new Error(
        `${fileNames.merges} line ${lineNo}: merging ${JSON.stringify(left)} and ${JSON.stringify(right)} gives ${JSON.stringify(left + right)}, which is not in ${fileNames.vocab}.`,
      );
    }
    const earlier = firstLine.get(line);
    if (earlier !== undefined) {
      throw new Error(`${fileNames.merges} line ${lineNo}: the merge ${JSON.stringify(line)} already appears on line ${earlier}.`);
    }
    firstLine.set(line, lineNo);
    merges.push([left, right]);
  }
  return merges;
}
