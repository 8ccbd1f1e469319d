import { withTokenizer, type LoadedModel } from '../../core/bundle';
import { modelFromTensors, parseConfig } from '../../core/checkpoint';
import { readSafetensors } from '../../core/safetensors';
import { Tokenizer } from '../../core/tokenizer';
import { LOAD_MARKS } from './loadMarks';

export interface AppModel extends LoadedModel {
  /** The model card (README.md), shown in the app; null if the folder has none. */
  card: string | null;
  /** What the page calls the model: its folder's name ("tiny" for the shipped one). */
  name: string;
  /** The model the page opens on; links always open on it. */
  isDefault: boolean;
}

// Errors name the file and what the server or network said; the app words the sentence around them
// in the reader's language and shows this as a technical detail.
async function fetchOrExplain(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`${url}: ${(e as Error).message}`, { cause: e });
  }
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}

/** Fetch a model folder in the Hugging Face GPT-2 layout; the browser's HTTP cache keeps it after the first visit. */
export async function loadModel(baseUrl: string): Promise<AppModel> {
  const get = (name: string) => fetchOrExplain(`${baseUrl}/${name}`);
  const [config, weights, vocab, merges, card] = await Promise.all([
    get('config.json').then((r) => r.text()),
    get('model.safetensors').then((r) => r.arrayBuffer()),
    get('vocab.json').then((r) => r.text()),
    get('merges.txt').then((r) => r.text()),
    fetch(`${baseUrl}/README.md`)
      .then((r) => (r.ok ? r.text() : null))
      .catch(() => null),
  ]);
  performance.mark(LOAD_MARKS.files);
  // modelFromFiles (core/bundle.ts) step by step, so the first load can be timed part by part.
  const model = modelFromTensors(parseConfig(config), readSafetensors(new Uint8Array(weights)));
  performance.mark(LOAD_MARKS.weights);
  const tokenizer = Tokenizer.fromFiles(vocab, merges);
  performance.mark(LOAD_MARKS.tokenizer);
  const name = baseUrl.split('/').filter(Boolean).pop() ?? baseUrl;
  return {
    ...withTokenizer(model, tokenizer),
    card,
    name,
    isDefault: baseUrl === DEFAULT_MODEL_URL,
  };
}

export const DEFAULT_MODEL_URL = `${import.meta.env.BASE_URL}models/tiny`;

let defaultLoad: Promise<AppModel> | null = null;

/**
 * The default model, loaded once per page. main.tsx asks for it before React first renders, so its files
 * arrive while the page is being drawn rather than after.
 */
export function loadDefaultModel(): Promise<AppModel> {
  defaultLoad ??= loadModel(DEFAULT_MODEL_URL);
  return defaultLoad;
}
