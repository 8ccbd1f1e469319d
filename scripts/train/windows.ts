import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Rng } from '../../src/core/rng.ts';
import { moreProseShareAt, type ScheduledRun } from './schedule.ts';
import type { CorpusStats } from '../corpus/build.ts';
import { CORPUS_DIR } from './paths.ts';

/** data/corpus/stats.json, which `npm run corpus` writes beside the text. */
export function readCorpusStats(): CorpusStats {
  return JSON.parse(readFileSync(resolve(CORPUS_DIR, 'stats.json'), 'utf8')) as CorpusStats;
}

/**
 * Where the prose ends in the training tokens: the Brown Corpus's documents come first in train.txt
 * (scripts/corpus/build.ts), each followed by <|endoftext|>, then WordNet's glosses. A corpus cut short
 * (the quick run) may hold fewer prose documents than that, and then all of it is prose.
 */
export function proseEnd(train: Uint16Array, endOfText: number, proseDocuments: number): number {
  let seen = 0;
  for (let i = 0; i < train.length; i++) {
    if (train[i] === endOfText && ++seen === proseDocuments) return i + 1;
  }
  return train.length;
}

export interface ProseMix {
  end: number; // training tokens before this index are prose
  share: number; // the share of windows that start in the prose
}

/** Further prose placed after the training tokens, [start, end), from which a share of the windows start. */
export interface MoreProse {
  start: number;
  end: number;
  share: number;
}

/**
 * The first token of each training window of seqLen tokens (plus the one it predicts). Without a mix, every start
 * is equally likely, so each source is read in proportion to its length; with one, a window starts in the prose
 * with probability mix.share, and otherwise in the glosses. With further prose, a window starts there with
 * probability more.share, and the rest are drawn as before; a share of 0 draws exactly what no further prose draws.
 */
export function drawWindowStarts(rng: Rng, count: number, seqLen: number, trainLength: number, mix?: ProseMix, more?: MoreProse): number[] {
  const within = (from: number, to: number) => from + Math.floor(rng.next() * (to - from - seqLen - 1));
  // A mix whose side cannot hold a window would quietly read both sources as they come: the run it names would not be the run it is.
  if (mix && (mix.end - seqLen - 1 <= 0 || trainLength - mix.end - seqLen - 1 <= 0)) {
    throw new Error(
      `a prose share needs room for a window of ${seqLen} tokens on both sides of token ${mix.end} of ${trainLength}; is data/corpus from \`npm run corpus\`?`,
    );
  }
  if (more && !(more.share >= 0 && more.share <= 1))
    throw new Error(`the further prose's share of windows must lie in [0, 1], not ${more.share}`);
  if (more && more.share > 0 && more.end - more.start - seqLen - 1 <= 0) {
    throw new Error(
      `the further prose holds ${more.end - more.start} tokens, too few for a window of ${seqLen}; is data/corpus from \`npm run corpus\`?`,
    );
  }
  return Array.from({ length: count }, () => {
    if (more && more.share > 0 && rng.next() < more.share) return within(more.start, more.end);
    if (!mix) return within(0, trainLength);
    return rng.next() < mix.share ? within(0, mix.end) : within(mix.end, trainLength);
  });
}

/**
 * Where a step's further-prose windows come from: the further prose's tokens placed after the training tokens, with
 * the step's schedule's share; none for a run that does not read it or a step whose schedule reads none of it.
 */
export function moreProseAt(run: ScheduledRun, step: number, trainLength: number, moreProseLength: number): MoreProse | undefined {
  const share = moreProseShareAt(run, step);
  return moreProseLength > 0 && share > 0 ? { start: trainLength, end: trainLength + moreProseLength, share } : undefined;
}
