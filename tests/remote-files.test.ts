import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFromFiles } from '../src/core/bundle';
import { forward } from '../src/core/gpt';
import { OpenModelError, openModelFiles } from '../src/app/model/openFiles';
import { modelFolderUrl, modelNameFromUrl, remoteModelFiles } from '../src/app/model/remoteFiles';

// Opening a model folder from a URL, against local servers that do and do not answer range requests.
// The shipped tiny model's files are the folder.

const TINY = new URL('../public/models/tiny/', import.meta.url);
const files = new Map(
  ['config.json', 'model.safetensors', 'vocab.json', 'merges.txt'].map((name) => [name, readFileSync(new URL(name, TINY))]),
);

interface Served {
  url: string;
  requests: { path: string; range: string | undefined; bytes: number }[];
  server: Server;
}

/**
 * ranges: true answers a range with its bytes; false sends the whole file; 'empty' answers one as Chromium's cache does
 * for a file it holds gzipped (a 206 with another total and no bytes); 'short' sends the header's ranges and then
 * too few bytes for a tensor.
 */
function serve(options: { ranges: boolean | 'empty' | 'short'; missing?: string }): Promise<Served> {
  const requests: Served['requests'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const name = req.url!.split('/').pop()!;
    const body = name === options.missing ? undefined : files.get(name);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (options.ranges === 'empty' && range) {
      requests.push({ path: name, range: req.headers.range, bytes: 0 });
      res.writeHead(206, { 'Content-Range': `bytes ${range[1]}-${range[2]}/${Math.round(body.length * 0.9)}`, 'Content-Length': 0 }).end();
      return;
    }
    if (options.ranges && range) {
      const [begin, last] = [Number(range[1]), Math.min(Number(range[2]), body.length - 1)];
      const sent = options.ranges === 'short' && begin > 1000 ? Math.floor((last - begin + 1) / 2) : last - begin + 1;
      requests.push({ path: name, range: req.headers.range, bytes: sent });
      res.writeHead(206, { 'Content-Range': `bytes ${begin}-${last}/${body.length}`, 'Content-Length': sent });
      res.end(body.subarray(begin, begin + sent));
      return;
    }
    requests.push({ path: name, range: req.headers.range, bytes: body.length });
    res.writeHead(200, { 'Content-Length': body.length }).end(body);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/models/tiny/`, requests, server }),
    ),
  );
}

const reference = modelFromFiles({
  config: files.get('config.json')!.toString('utf8'),
  safetensors: new Uint8Array(files.get('model.safetensors')!),
  vocab: files.get('vocab.json')!.toString('utf8'),
  merges: files.get('merges.txt')!.toString('utf8'),
});
const open = (url: string, signal?: AbortSignal) =>
  remoteModelFiles(modelFolderUrl(url)!, signal).then((picked) => openModelFiles(picked, { memoryLimitBytes: 2 ** 30, signal }));

describe('modelFolderUrl', () => {
  it.each([
    ['https://huggingface.co/openai-community/gpt2', 'https://huggingface.co/openai-community/gpt2/resolve/main/'],
    ['https://huggingface.co/openai-community/gpt2/tree/main', 'https://huggingface.co/openai-community/gpt2/resolve/main/'],
    ['https://huggingface.co/gpt2/blob/main/config.json', 'https://huggingface.co/gpt2/resolve/main/'],
    ['  https://example.org/models/gpt2/model.safetensors?download=1 ', 'https://example.org/models/gpt2/'],
    ['http://127.0.0.1:8000/gpt2', 'http://127.0.0.1:8000/gpt2/'],
  ])('reads %s as the folder %s', (typed, folder) => {
    expect(modelFolderUrl(typed)?.href).toBe(folder);
  });

  it.each(['', 'gpt2', 'file:///home/me/gpt2', 'javascript:alert(1)', 'ftp://example.org/gpt2'])('refuses %j', (typed) => {
    expect(modelFolderUrl(typed)).toBeNull();
  });

  it('names the model after its repository or its last folder', () => {
    expect(modelNameFromUrl(modelFolderUrl('https://huggingface.co/openai-community/gpt2-medium')!)).toBe('gpt2-medium');
    expect(modelNameFromUrl(modelFolderUrl('https://example.org/a/tiny/')!)).toBe('tiny');
  });
});

describe('remoteModelFiles', () => {
  let ranged: Served;
  let whole: Served;
  let missing: Served;
  beforeAll(async () => {
    [ranged, whole, missing] = await Promise.all([
      serve({ ranges: true }),
      serve({ ranges: false }),
      serve({ ranges: true, missing: 'vocab.json' }),
    ]);
  });
  afterAll(() => [ranged, whole, missing].forEach((s) => s.server.close()));

  it('opens the folder through range requests, never fetching the weights whole', async () => {
    const model = await open(ranged.url);
    expect(model.name).toBe('tiny');
    const ids = model.tokenizer.encode('The king said to the queen');
    expect(Array.from(forward(model.model, ids).probs.data)).toEqual(Array.from(forward(reference.model, ids).probs.data));
    const weights = ranged.requests.filter((r) => r.path === 'model.safetensors');
    expect(weights.length).toBeGreaterThan(2); // the first bytes, the header, then the tensors
    expect(weights.every((r) => r.range !== undefined && r.bytes < files.get('model.safetensors')!.length)).toBe(true);
  });

  it('opens it too from a server that ignores ranges, which sends the file whole', async () => {
    const model = await open(whole.url);
    const ids = model.tokenizer.encode('king');
    expect(Array.from(forward(model.model, ids).logits.data)).toEqual(Array.from(forward(reference.model, ids).logits.data));
  });

  it('fetches the weights whole when a range comes back without the bytes asked for, as from a cache holding them gzipped', async () => {
    const cached = await serve({ ranges: 'empty' });
    try {
      const model = await open(cached.url);
      const ids = model.tokenizer.encode('king');
      expect(Array.from(forward(model.model, ids).logits.data)).toEqual(Array.from(forward(reference.model, ids).logits.data));
      expect(cached.requests.filter((r) => r.path === 'model.safetensors').map((r) => r.range)).toEqual(['bytes=0-7', undefined]);
    } finally {
      cached.server.close();
    }
  });

  it('says how many bytes came back when a tensor’s range is cut short', async () => {
    const cut = await serve({ ranges: 'short' });
    try {
      const error = await open(cut.url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenModelError);
      expect((error as OpenModelError).problem).toMatchObject({
        kind: 'unreadable',
        file: 'model.safetensors',
        detail: expect.stringMatching(/asked for bytes \d+–\d+, the server sent \d+ bytes$/),
      });
    } finally {
      cut.server.close();
    }
  });

  it('names a file the server does not have', async () => {
    const error = await open(missing.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenModelError);
    expect((error as OpenModelError).problem).toEqual({ kind: 'missing', files: ['vocab.json'] });
  });

  it('says which server it could not reach', async () => {
    const closed = await serve({ ranges: true });
    closed.server.close();
    const error = await open(closed.url).catch((e: unknown) => e);
    expect((error as OpenModelError).problem).toMatchObject({ kind: 'unreachable', host: new URL(closed.url).host });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(open(ranged.url, controller.signal)).rejects.toThrow(/abort/i);
  });
});
