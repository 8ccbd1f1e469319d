// Deterministic document grouping and train/validation split.

export interface CorpusDocument {
  id: string;
  source: string;
  text: string;
}

export type Split = 'train' | 'val';

// Every 100th document of each source (in its fixed order) is held out, so both sources are
// represented in validation and the split never changes between runs.
export const VAL_EVERY = 100;

export function splitOf(indexInSource: number): Split {
  return (indexInSource + 1) % VAL_EVERY === 0 ? 'val' : 'train';
}

// Consecutive runs of `size` items; the last run may be shorter.
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size <= 0) throw new Error(`chunk size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// Documents are separated by a blank line; the file ends with one newline.
export function joinDocuments(texts: readonly string[]): string {
  return texts.length === 0 ? '' : `${texts.join('\n\n')}\n`;
}
