import { parseFlag, useUrlParam, writeFlag } from '../state/url';

// Every lab setting lives in the URL under lab.*, so a shared link reproduces the lab exactly.
// Each panel owns its own keys through one hook below.

export const DEFAULT_EXPRESSION = 'king - man + woman';
export const DEFAULT_X_AXIS: WordPair = ['man', 'woman'];
export const DEFAULT_Y_AXIS: WordPair = ['man', 'king'];
export const DEFAULT_DIRECTION: WordPair = ['man', 'woman'];
export const DEFAULT_DOT_WORDS: WordPair = ['king', 'queen'];
export const ALPHA_STEPS = 30; // the slider moves in tenths of a step, ±3 steps

export type WordPair = readonly [string, string];
export type AxesMode = 'pca' | 'pairs';

// A cleared word stays cleared (the panels then ask for a word) instead of snapping back to the default pair.
const pair =
  (fallback: WordPair) =>
  (raw: string | null): WordPair => {
    const parts = (raw ?? '').split(',').map((s) => s.trim());
    return parts.length === 2 ? [parts[0].slice(0, 40), parts[1].slice(0, 40)] : fallback;
  };
const writePair = (p: WordPair) => `${p[0]},${p[1]}`;
// An absent key means "show the default example"; a cleared box is kept as a single space so it stays cleared.
const clearable = (fallback: string) => (raw: string | null) => (raw === null ? fallback : raw.trim() === '' ? '' : raw);
const writeClearable = (s: string) => (s === '' ? ' ' : s);
const axesMode = (raw: string | null): AxesMode => (raw === 'pairs' ? 'pairs' : 'pca');
const writeAxes = (m: AxesMode) => (m === 'pca' ? null : m);
/** A step count in tenths, clamped to ±ALPHA_STEPS: a hand-edited URL cannot push s out of range. One step by default. */
const steps = (raw: string | null) => {
  const n = raw === null ? 10 : Math.round(Number(raw) * 10);
  return Number.isFinite(n) ? Math.max(-ALPHA_STEPS, Math.min(ALPHA_STEPS, n)) : 10;
};
const writeSteps = (n: number) => (n / 10).toString();
/** null means "choose for me" (the first input word's position, else the last token); -1 means off. */
const injection = (raw: string | null) => {
  if (raw === 'off') return -1;
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
};
const writeInjection = (p: number | null) => (p === null ? null : p < 0 ? 'off' : String(p));

/** The expression box and its two switches: the expression section edits them, the whole lab reads them. */
export function useExpressionSettings() {
  const [expression, setExpression] = useUrlParam('lab.expr', clearable(DEFAULT_EXPRESSION), writeClearable, 'replace');
  const [includeInputs, setIncludeInputs] = useUrlParam('lab.inputs', parseFlag, writeFlag, 'replace');
  const [allTokens, setAllTokens] = useUrlParam('lab.all', parseFlag, writeFlag, 'replace');
  return { expression, setExpression, includeInputs, setIncludeInputs, allTokens, setAllTokens };
}

export type ExpressionSettings = ReturnType<typeof useExpressionSettings>;

/** The picture's axes: principal components, or two word pairs. */
export function usePictureAxes() {
  const [axes, setAxes] = useUrlParam('lab.axes', axesMode, writeAxes, 'replace');
  const [xAxis, setXAxis] = useUrlParam('lab.x', pair(DEFAULT_X_AXIS), writePair, 'replace');
  const [yAxis, setYAxis] = useUrlParam('lab.y', pair(DEFAULT_Y_AXIS), writePair, 'replace');
  return { axes, setAxes, xAxis, setXAxis, yAxis, setYAxis };
}

/** The direction panel: a word pair, the word moved along it and how far. */
export function useDirectionSettings() {
  const [direction, setDirection] = useUrlParam('lab.dir', pair(DEFAULT_DIRECTION), writePair, 'replace');
  const [moveWord, setMoveWord] = useUrlParam('lab.move', clearable('king'), writeClearable, 'replace');
  const [alphaTenths, setAlphaTenths] = useUrlParam('lab.alpha', steps, writeSteps, 'replace');
  return { direction, setDirection, moveWord, setMoveWord, alphaTenths, setAlphaTenths };
}

/** Where the injection panel puts the result vector. */
export function useInjectPosition() {
  return useUrlParam('lab.inject', injection, writeInjection, 'replace');
}

/** The two words whose embeddings the dot-product panel multiplies. */
export function useDotWords() {
  return useUrlParam('lab.dot', pair(DEFAULT_DOT_WORDS), writePair, 'replace');
}
