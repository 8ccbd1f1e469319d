// Readers for GPT-2's two tokenizer files, with errors that say which file and line is wrong.
//
// vocab.json:  {"!": 0, "\"": 1, ..., "Ġthe": 262, ..., "<|endoftext|>": 50256}
// merges.txt:  "#version: 0.2" then one merge per line, "Ġ t", in rank order (rank 0 first).

import { MAX_VOCAB_SIZE } from '../config';
import { showJsonValue, withoutByteOrderMark } from '../jsonValue';
import { pairKey, type MergeTable } from './bpe';

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
  const entries = parsed as Record<string, unknown>;
  for (const token in entries) {
    const id = entries[token];
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

/**
 * The merges as the BPE loop reads them: each adjacent pair of ids -> its rank (its line among the merges,
 * 0 first) and the id of the merged token. Every symbol and every merged result must be in the vocab, and a
 * pair may appear once. `base` must exceed every id (see pairKey).
 */
export function parseMerges(
  mergesTxt: string,
  vocab: ReadonlyMap<string, number>,
  fileNames: TokenizerFileNames,
  base: number,
): MergeTable {
  const table: MergeTable = { rank: new Map(), result: new Map(), base };
  const lineOfRank: number[] = [];
  const lines = withoutByteOrderMark(mergesTxt).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line === '' || (i === 0 && line.startsWith('#version'))) continue;
    const space = line.indexOf(' ');
    const left = line.slice(0, space);
    const right = line.slice(space + 1);
    if (space <= 0 || right === '' || right.includes(' ')) {
      throw new Error(
        `${fileNames.merges} line ${lineNo}: expected two symbols separated by one space, like "Ġ t", but found ${JSON.stringify(line)}.`,
      );
    }
    const l = vocab.get(left);
    const r = vocab.get(right);
    const missing = l === undefined ? left : r === undefined ? right : null;
    if (missing !== null)
      throw new Error(`${fileNames.merges} line ${lineNo}: symbol ${JSON.stringify(missing)} is not in ${fileNames.vocab}.`);
    const merged = vocab.get(left + right);
    if (merged === undefined) {
      throw new Error(
        `${fileNames.merges} line ${lineNo}: merging ${JSON.stringify(left)} and ${JSON.stringify(right)} gives ${JSON.stringify(left + right)}, which is not in ${fileNames.vocab}.`,
      );
    }
    const key = pairKey(l!, r!, base);
    const earlier = table.rank.get(key);
    if (earlier !== undefined) {
      throw new Error(
        `${fileNames.merges} line ${lineNo}: the merge ${JSON.stringify(line)} already appears on line ${lineOfRank[earlier]}.`,
      );
    }
    lineOfRank.push(lineNo);
    table.rank.set(key, lineOfRank.length - 1);
    table.result.set(key, merged);
  }
  return table;
}
