import { DEFAULT_MODEL_URL, loadModel } from '../../src/app/model/loadModel.ts';
import { runGpt2Shaped, runTiny, type Gpt2ShapedResult, type TinyResult } from './cases.ts';

// The bench page's side: the same cases as in Node, run in Chromium's main thread. The shipped model is
// fetched and built as the app builds it (loadModel), from the dev server's public/.

export interface PageBench {
  tiny(): Promise<TinyResult>;
  gpt2Shaped(quick: boolean): Gpt2ShapedResult;
}

declare global {
  interface Window {
    insideGptBench?: PageBench;
  }
}

window.insideGptBench = {
  tiny: async () => runTiny((await loadModel(DEFAULT_MODEL_URL)).model),
  gpt2Shaped: (quick) => runGpt2Shaped(quick),
};
