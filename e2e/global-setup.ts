import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';

// Build once into a private folder (so parallel runs never share dist/) and serve it on a free port.
let server: PreviewServer | undefined;
let outDir: string | undefined;

export async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '..');
  outDir = mkdtempSync(join(tmpdir(), 'inside-gpt-e2e-'));
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report a URL');
  project.provide('baseUrl', url);
  project.provide('distDir', outDir);
}

export async function teardown() {
  await new Promise<void>((done) => (server ? server.httpServer.close(() => done()) : done()));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The build the preview server serves, for a test that serves it another way. */
    distDir: string;
  }
}
