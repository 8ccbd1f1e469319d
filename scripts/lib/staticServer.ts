import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { hostHeaders } from './hostHeaders';

// The built app served as a plain static host serves it: files as they are, no compression. Vite's preview
// server gzips every response as it sends it, which for the model's 2.5 MB of weights (binary, 9% smaller
// gzipped) costs its one Node thread more than the transfer itself and says nothing about the app.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * Serve `dir` on a free port of 127.0.0.1; resolves to the server and its base URL (ending in /). With
 * `readHeadersFile`, it also sends the headers that `dir/_headers` gives every path, as Netlify and Cloudflare Pages do.
 */
export async function serveStatic(dir: string, options: { readHeadersFile?: boolean } = {}): Promise<{ server: Server; url: string }> {
  const root = normalize(dir);
  const headersFile = join(root, '_headers');
  const extra = options.readHeadersFile && existsSync(headersFile) ? hostHeaders(headersFile) : {};
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    const size = file.startsWith(root + sep) ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!size?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size.size,
      'Cache-Control': 'no-cache',
      ...extra,
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}
