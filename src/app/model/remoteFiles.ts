import { MODEL_FILES, OpenModelError, type ModelFile, type ModelFileName, type PickedModel } from './openFiles';

// A model folder at a URL the reader typed, read as openModelFiles reads one from disk. The three
// text files are fetched whole (GPT-2's vocab.json is 1 MB); model.safetensors is read through HTTP
// range requests, header first and then tensor by tensor, so the weights are never held twice. A
// server that ignores ranges sends the whole file instead, which the browser keeps as a Blob.

/** Where the four files are: the folder of a typed address, with Hugging Face's page links turned into file links. */
export function modelFolderUrl(typed: string): URL | null {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  let path = url.pathname.replace(/\/(tree|blob)\/([^/]+)/, '/resolve/$2'); // the page of a folder or a file
  if ((MODEL_FILES as readonly string[]).some((name) => path.endsWith(`/${name}`))) path = path.slice(0, path.lastIndexOf('/'));
  if (url.hostname === 'huggingface.co' && /^\/[^/]+\/[^/]+\/?$/.test(path)) path = `${path.replace(/\/$/, '')}/resolve/main`;
  url.pathname = path.endsWith('/') ? path : `${path}/`;
  url.search = '';
  url.hash = '';
  return url;
}

/** The model's name from its address: the repository before "resolve", else the last folder. */
export function modelNameFromUrl(folder: URL): string {
  const parts = folder.pathname.split('/').filter(Boolean);
  const resolveAt = parts.indexOf('resolve');
  return (resolveAt > 0 ? parts[resolveAt - 1] : parts.at(-1)) ?? folder.hostname;
}

async function request(url: string, signal: AbortSignal | undefined, range?: string): Promise<Response> {
  try {
    return await fetch(url, { signal, headers: range ? { Range: range } : undefined });
  } catch (e) {
    if (signal?.aborted) throw e;
    // CORS refusals and network failures look the same from a page: the fetch fails without a status.
    throw new OpenModelError(
      { kind: 'unreachable', host: new URL(url).host, detail: `${url}: ${(e as Error).message}` },
      `cannot fetch ${url}`,
    );
  }
}

/** A file at `url` that could not be read; the headline names it when the address ends in one of the model's files. */
function unreadableAt(url: string, what: string, message: string): OpenModelError {
  const name = new URL(url).pathname.split('/').pop();
  const file = MODEL_FILES.find((f): f is ModelFileName => f === name);
  return new OpenModelError({ kind: 'unreadable', detail: `${url}: ${what}`, ...(file ? { file } : {}) }, message);
}

/** A file the server answered with an error status. */
const httpError = (url: string, status: number) => unreadableAt(url, `HTTP ${status}`, `HTTP ${status}`);

function rangedFile(url: string, size: number, signal: AbortSignal | undefined): ModelFile {
  return {
    size,
    text: async () => (await request(url, signal)).text(),
    slice: (begin, end) => ({
      arrayBuffer: async () => {
        const response = await request(url, signal, `bytes=${begin}-${end - 1}`);
        if (response.status !== 206) {
          throw unreadableAt(url, `asked for bytes ${begin}–${end - 1}, the server answered ${response.status}`, 'range refused');
        }
        const bytes = await response.arrayBuffer();
        if (bytes.byteLength !== end - begin) {
          throw unreadableAt(url, `asked for bytes ${begin}–${end - 1}, the server sent ${bytes.byteLength} bytes`, 'range cut');
        }
        return bytes;
      },
    }),
  };
}

const totalFromContentRange = (header: string | null) => Number(/\/(\d+)\s*$/.exec(header ?? '')?.[1] ?? NaN);

async function weightsFile(url: string, signal: AbortSignal | undefined): Promise<ModelFile | null> {
  const first = await request(url, signal, 'bytes=0-7');
  if (first.status === 404) return null;
  if (!first.ok) throw httpError(url, first.status);
  const total = totalFromContentRange(first.headers.get('Content-Range'));
  if (first.status !== 206 || !Number.isInteger(total)) return first.blob(); // no ranges (or a total the page may not read): this is the whole file
  // Chromium's cache, holding a file a server sent gzipped, answers a range with the compressed size and no bytes:
  // ranges that do not give what was asked for are not trusted, and the file is fetched whole.
  if ((await first.arrayBuffer()).byteLength === Math.min(8, total)) return rangedFile(url, total, signal);
  const whole = await request(url, signal);
  if (!whole.ok) throw httpError(url, whole.status);
  return whole.blob();
}

/**
 * The four files at `folder`, ready for openModelFiles. Fetches the three text files and the first bytes
 * of the weights; rejects with an OpenModelError naming missing files or an unreachable server.
 */
export async function remoteModelFiles(folder: URL, signal?: AbortSignal): Promise<PickedModel> {
  const at = (name: string) => new URL(name, folder).href;
  const text = async (name: string): Promise<ModelFile | null> => {
    const response = await request(at(name), signal);
    if (response.status === 404) return null;
    if (!response.ok) throw httpError(at(name), response.status);
    return response.blob();
  };
  const [config, weights, vocab, merges] = await Promise.all([
    text('config.json'),
    weightsFile(at('model.safetensors'), signal),
    text('vocab.json'),
    text('merges.txt'),
  ]);
  const found = { 'config.json': config, 'model.safetensors': weights, 'vocab.json': vocab, 'merges.txt': merges };
  const picked: PickedModel = { files: {}, folder: modelNameFromUrl(folder) };
  for (const name of MODEL_FILES) if (found[name] !== null) picked.files[name] = found[name];
  return picked;
}
