import { describe, expect, it } from 'vitest';
import { headersForEveryPath, hostHeaders } from '../scripts/lib/hostHeaders';

describe('the _headers file for static hosts', () => {
  it('reads the headers given to every path, and no other path’s', () => {
    const text = [
      '# a comment',
      '/models/*',
      '  Cache-Control: max-age=60',
      '',
      '/*',
      '  X-One: a: b',
      '  X-Two:  two  ',
      '/other',
      '  X-Three: 3',
    ].join('\n');
    expect(headersForEveryPath(text)).toEqual({ 'X-One': 'a: b', 'X-Two': 'two' });
  });

  it('makes the page cross-origin isolated, which SharedArrayBuffer needs', () => {
    expect(hostHeaders()).toEqual({ 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
  });
});
