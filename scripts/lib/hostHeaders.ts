import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** public/_headers, which the build copies to the site's root for a static host to read. */
const HOST_HEADERS_FILE = resolve(import.meta.dirname, '../../public/_headers');

/**
 * The headers that a `_headers` file (Netlify's and Cloudflare Pages' format) sends with every path (`/*`):
 * indented `Name: value` lines under that path; `#` starts a comment.
 */
export function headersForEveryPath(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let path: string | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      path = line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (path === '/*' && colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** The headers a `_headers` file gives every path; by default the app's own, public/_headers. */
export const hostHeaders = (file = HOST_HEADERS_FILE): Record<string, string> => headersForEveryPath(readFileSync(file, 'utf8'));
