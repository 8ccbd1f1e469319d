// GPT-2's byte-level BPE tokenizer (openai/gpt-2 encoder.py), in pure TypeScript.
//
// encode: text -> GPT-2 chunks -> UTF-8 bytes -> one byte token each -> BPE merges -> ids
// decode: ids -> token strings -> bytes -> UTF-8 text (bad sequences become U+FFFD,
//         like Python's errors="replace")
//
// Lone surrogates: a JavaScript string can hold half of a UTF-16 pair, which has no
// UTF-8 spelling. TextEncoder writes U+FFFD for it (bytes EF BF BD), so encode never
// fails on one, and decode gives back U+FFFD in its place. Every other string,
// i.e. every sequence of valid code points, round-trips exactly.
//
// "<|endoftext|>" inside the text is encoded as ordinary characters, as encoder.py
// does; use idOf("<|endoftext|>") to insert the real special token.
import { applyMerges, pairKey, type MergeTable } from './bpe.ts';
import { byteToChar, charToByte } from './bytes.ts';
import { DEFAULT_FILE_NAMES, parseMerges, parseVocab, type TokenizerFileNames } from './parse.ts';
import { pretokenize } from './pretokenize.ts';

/** Encoding repeats the same chunks (" the", ","), so remember their ids, up to a bound. */
const CACHE_LIMIT = 50_000;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

export class Tokenizer {
  /** One more than the largest id, so every id is in 0..vocabSize-1. */
  readonly vocabSize: number;
  private readonly tokenById: (string | undefined)[];
  private readonly idByToken: ReadonlyMap<string, number>;
  /** byte -> id of its single-byte token, or -1 if the vocab lacks it. */
  private readonly byteIds: Int32Array;
  private readonly merges: MergeTable;
  private readonly charBytes = charToByte();
  private readonly byteChars = byteToChar();
  private readonly vocabFile: string;
  private readonly cache = new Map<string, number[]>();

  /**
   * `merges` in rank order as pairs of token strings, or (from fromFiles, which has checked them) already
   * as the table the BPE loop reads, built with this vocabulary's size as its base.
   */
  constructor(
    vocab: ReadonlyMap<string, number>,
    merges: readonly (readonly [string, string])[] | MergeTable,
    vocabFile = 'the vocabulary',
  ) {
    this.vocabFile = vocabFile;
    this.idByToken = vocab;
    this.vocabSize = vocabSizeOf(vocab);
    this.tokenById = new Array(this.vocabSize);
    for (const [token, id] of vocab) this.tokenById[id] = token;

    this.byteIds = new Int32Array(256);
    for (let b = 0; b < 256; b++) this.byteIds[b] = vocab.get(this.byteChars[b]) ?? -1;
    this.merges = 'rank' in merges ? merges : mergeTable(vocab, merges, this.vocabSize, vocabFile);
  }

  /** Build from the text of GPT-2-style vocab.json and merges.txt files. */
  static fromFiles(vocabJson: string, mergesTxt: string, fileNames: TokenizerFileNames = DEFAULT_FILE_NAMES): Tokenizer {
    const vocab = parseVocab(vocabJson, fileNames.vocab);
    return new Tokenizer(vocab, parseMerges(mergesTxt, vocab, fileNames, vocabSizeOf(vocab)), fileNames.vocab);
  }

  encode(text: string): number[] {
    const ids: number[] = [];
    for (const chunk of pretokenize(text)) {
      let chunkIds = this.cache.get(chunk);
      if (chunkIds === undefined) {
        chunkIds = applyMerges(this.byteSymbols(chunk), this.merges);
        if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
        this.cache.set(chunk, chunkIds);
      }
      for (const id of chunkIds) ids.push(id);
    }
    return ids;
  }

  decode(ids: readonly number[]): string {
    const bytes: number[] = [];
    for (const id of ids) {
      for (const ch of this.tokenString(id)) {
        const code = ch.charCodeAt(0);
        const b = code < this.charBytes.length ? this.charBytes[code] : -1;
        // A character outside the byte table (only in hand-made vocabularies) stands for itself.
        if (b >= 0) bytes.push(b);
        else for (const raw of utf8Encoder.encode(ch)) bytes.push(raw);
      }
    }
    return utf8Decoder.decode(new Uint8Array(bytes));
  }

  /** The text one token stands for; U+FFFD where it holds only part of a UTF-8 character. */
  tokenText(id: number): string {
    return this.decode([id]);
  }

  /** The token as written in vocab.json, e.g. "Ġking" for " king". */
  tokenString(id: number): string {
    const token = Number.isInteger(id) ? this.tokenById[id] : undefined;
    if (token === undefined) {
      throw new Error(`Token id ${id} is not in ${this.vocabFile} (ids run from 0 to ${this.vocabSize - 1}).`);
    }
    return token;
  }

  /** Whether `id` names a token: a vocab.json may skip ids, and a model may have more rows than tokens. */
  hasToken(id: number): boolean {
    return Number.isInteger(id) && this.tokenById[id] !== undefined;
  }

  idOf(tokenString: string): number | undefined {
    return this.idByToken.get(tokenString);
  }

  /** (n bytes of the chunk) -> (n) ids of the single-byte tokens. */
  private byteSymbols(chunk: string): number[] {
    const bytes = utf8Encoder.encode(chunk);
    const symbols: number[] = new Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) {
      const id = this.byteIds[bytes[i]];
      if (id < 0) {
        const hex = bytes[i].toString(16).toUpperCase().padStart(2, '0');
        throw new Error(
          `Cannot encode ${JSON.stringify(chunk)}: byte 0x${hex} (token ${JSON.stringify(this.byteChars[bytes[i]])}) is not in ${this.vocabFile}. ` +
            'A byte-level vocabulary needs all 256 single-byte tokens.',
        );
      }
      symbols[i] = id;
    }
    return symbols;
  }
}

/** One more than the largest id. */
function vocabSizeOf(vocab: ReadonlyMap<string, number>): number {
  let maxId = -1;
  for (const id of vocab.values()) if (id > maxId) maxId = id;
  return maxId + 1;
}

/** Merges given as pairs of token strings, in rank order, as the table the BPE loop reads; a repeated pair keeps its first rank. */
function mergeTable(
  vocab: ReadonlyMap<string, number>,
  merges: readonly (readonly [string, string])[],
  base: number,
  vocabFile: string,
): MergeTable {
  const table: MergeTable = { rank: new Map(), result: new Map(), base };
  merges.forEach(([left, right], rank) => {
    const l = vocab.get(left);
    const r = vocab.get(right);
    const merged = vocab.get(left + right);
    if (l === undefined || r === undefined || merged === undefined) {
      throw new Error(`Merge ${JSON.stringify(`${left} ${right}`)} (rank ${rank}) uses a token that is not in ${vocabFile}.`);
    }
    const key = pairKey(l, r, base);
    if (!table.rank.has(key)) {
      table.rank.set(key, rank);
      table.result.set(key, merged);
    }
  });
  return table;
}
