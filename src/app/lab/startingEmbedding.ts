import { GENDER_PAIRS, type AnalogyQuery, type RankedAnalogy } from '../../core/analogyRanking';
import { EXAMPLES } from './examples';

// What training did to W_e, told through the analogies the app shows: the seven gender pairs of the
// model card and the lab's chips, ranked in the W_e training started from (read from
// starting-embedding.json, written by `npm run starting-embedding`) and in the W_e the app loaded.

export const STARTING_EMBEDDING_FILE = 'starting-embedding.json';

/** The gender pairs, then each chip that is not one of them, in the lab's syntax. */
export const COMPARED_ANALOGIES: readonly AnalogyQuery[] = (() => {
  const queries: AnalogyQuery[] = GENDER_PAIRS.map(([male, female]) => ({ expression: `${male} - man + woman`, expected: female }));
  for (const { expression, answer } of EXAMPLES) {
    if (!queries.some((q) => q.expression === expression)) queries.push({ expression, expected: answer });
  }
  return queries;
})();

/** How many answers each side lists. */
export const COMPARED_TOP = 5;

export interface StartingEmbeddingFile {
  /** What the file is, in a sentence, and how to rebuild it. */
  note: string;
  /** The recipe and corpus W_e was built from (FULL_RUN.embedding, its seed, the tokens counted). */
  settings: {
    embedding: { dims: number; window: number; harmonic: boolean; singularPower: number; rms: number; centre: boolean };
    seed: number;
    vocabSize: number;
    trainTokens: number;
    similarity: 'cosine';
    candidates: string;
  };
  analogies: RankedAnalogy[];
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function isRanked(x: unknown): x is RankedAnalogy {
  return (
    isRecord(x) &&
    typeof x.expression === 'string' &&
    typeof x.expected === 'string' &&
    (x.rank === null || isNumber(x.rank)) &&
    Array.isArray(x.top) &&
    x.top.every((n) => isRecord(n) && isNumber(n.id) && typeof n.word === 'string' && isNumber(n.score))
  );
}

/** The file's content if it has the expected shape, else null: a broken file must not break the view. */
export function parseStartingEmbedding(json: unknown): StartingEmbeddingFile | null {
  if (!isRecord(json) || typeof json.note !== 'string' || !isRecord(json.settings) || !Array.isArray(json.analogies)) return null;
  if (!json.analogies.every(isRanked)) return null;
  return json as unknown as StartingEmbeddingFile;
}
