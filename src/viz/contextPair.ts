import { topK } from '../core/topk';

// The context-pair figure (chapter 5): two prompts side by side, each with its most likely next tokens,
// and two compared tokens marked in both. Pure: the component renders what these return.

export interface PairRow {
  id: number;
  prob: number;
  /** 1 for the most likely token; ties share the lower number. */
  rank: number;
  /** Which compared token this row is (0 or 1), or null for neither. */
  compared: 0 | 1 | null;
  /** The bar's length as a fraction of the largest probability in either column, so both columns share one scale. */
  fraction: number;
  /** A compared token outside the top k, listed after them with its rank. */
  beyondTop: boolean;
}

export interface PairColumn {
  rows: PairRow[];
  /** The two compared tokens' probabilities in this column. */
  compared: [number, number];
  /** Which compared token is the more likely here (0 on a tie). */
  leader: 0 | 1;
}

/** How many tokens have a higher probability than `p`, plus one. */
function rankOf(probs: ArrayLike<number>, p: number): number {
  let above = 0;
  for (let i = 0; i < probs.length; i++) if (probs[i] > p) above++;
  return above + 1;
}

/**
 * One column per distribution: its top `k` tokens, then each compared token that is not among them.
 * `compared` holds the two token ids being compared.
 */
export function layoutPairColumns(dists: readonly ArrayLike<number>[], compared: readonly [number, number], k: number): PairColumn[] {
  const tops = dists.map((probs) => topK(probs, k));
  const scaleMax = Math.max(
    ...tops.map((top) => (top.length > 0 ? top[0].value : 0)),
    ...dists.flatMap((p) => compared.map((id) => p[id])),
  );
  const fraction = (p: number) => (scaleMax > 0 ? p / scaleMax : 0);
  const which = (id: number): 0 | 1 | null => (id === compared[0] ? 0 : id === compared[1] ? 1 : null);
  return dists.map((probs, c) => {
    const rows: PairRow[] = tops[c].map((r) => ({
      id: r.index,
      prob: r.value,
      rank: rankOf(probs, r.value),
      compared: which(r.index),
      fraction: fraction(r.value),
      beyondTop: false,
    }));
    for (const [j, id] of compared.entries()) {
      if (rows.some((r) => r.id === id)) continue;
      const p = probs[id];
      rows.push({ id, prob: p, rank: rankOf(probs, p), compared: j as 0 | 1, fraction: fraction(p), beyondTop: true });
    }
    const pair: [number, number] = [probs[compared[0]], probs[compared[1]]];
    return { rows, compared: pair, leader: pair[1] > pair[0] ? 1 : 0 };
  });
}

/** True when the first prompt puts the first compared token ahead and the second prompt the second: the effect the figure shows. */
export function orderFlips(columns: readonly PairColumn[]): boolean {
  return columns.length === 2 && columns[0].leader === 0 && columns[1].leader === 1 && columns[0].compared[0] > columns[0].compared[1];
}

export interface PromptPart {
  text: string;
  /** True for a word the other prompt does not have at this point. */
  differs: boolean;
}

/** Splits into words and the spaces between them, keeping both. */
function words(text: string): string[] {
  return text.split(/(\s+)/).filter((s) => s.length > 0);
}

/**
 * Each prompt as words and spaces, with the words that are not in the two prompts' longest common
 * sequence of words marked: for “Mary told her mother that” and “John told his mother that”, Mary/John and her/his.
 */
export function differingWords(a: string, b: string): [PromptPart[], PromptPart[]] {
  const wa = words(a);
  const wb = words(b);
  const isSpace = (s: string) => /^\s+$/.test(s);
  // lcs[i][j]: the longest common subsequence of wa[i..] and wb[j..].
  const lcs = Array.from({ length: wa.length + 1 }, () => new Array<number>(wb.length + 1).fill(0));
  for (let i = wa.length - 1; i >= 0; i--)
    for (let j = wb.length - 1; j >= 0; j--) lcs[i][j] = wa[i] === wb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const inA = new Array<boolean>(wa.length).fill(false);
  const inB = new Array<boolean>(wb.length).fill(false);
  for (let i = 0, j = 0; i < wa.length && j < wb.length;) {
    if (wa[i] === wb[j]) {
      inA[i++] = true;
      inB[j++] = true;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++;
    else j++;
  }
  const parts = (ws: string[], common: boolean[]) => ws.map((text, i) => ({ text, differs: !common[i] && !isSpace(text) }));
  return [parts(wa, inA), parts(wb, inB)];
}
