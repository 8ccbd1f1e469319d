import { createElement, lazy, type ComponentType } from 'react';

// The parts of the page that are never on the first screen come in chunks of their own, so the first
// load reads and runs less script: the output chapters, the deeper section and the lab. Each is used inside
// a FigureBoundary, which holds its place while its chunk loads and says so if the chunk fails to load.
type Output = typeof import('./output');
type Lab = typeof import('./lab/EmbeddingLab');

let outputModule: Output | null = null;
let labModule: Lab | null = null;
const loadOutput = () => import('./output').then((m) => (outputModule = m));
const loadLab = () => import('./lab/EmbeddingLab').then((m) => (labModule = m));

/**
 * A component from a chunk: drawn at once when the chunk is already here (prefetched once the page was
 * ready), so a part drawn late never shows an empty frame that would move the page under the reader.
 */
function later<M, K extends keyof M>(load: () => Promise<M>, loaded: () => M | null, name: K): M[K] {
  // Every export named here is a component; the casts only carry its props through.
  const part = (m: M) => m[name] as ComponentType<object>;
  const Lazy = lazy(() => load().then((m) => ({ default: part(m) })));
  const Later = (props: object) => {
    const m = loaded();
    return createElement(m ? part(m) : Lazy, props);
  };
  return Later as M[K];
}

const fromOutput = <K extends keyof Output>(name: K) => later(loadOutput, () => outputModule, name);

export const LogitsFigure = fromOutput('LogitsFigure');
export const SoftmaxFigure = fromOutput('SoftmaxFigure');
export const GenerationPanel = fromOutput('GenerationPanel');
export const LogitLens = fromOutput('LogitLens');
export const AblationPanel = fromOutput('AblationPanel');
export const ParameterCounter = fromOutput('ParameterCounter');
export const EmbeddingLab = later(loadLab, () => labModule, 'EmbeddingLab');

/** Asked for once the page is ready, so a reader who scrolls or opens the lab seldom waits for a chunk. */
export function prefetchLaterParts(): void {
  void loadOutput();
  void loadLab();
}
