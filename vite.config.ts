import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Cross-origin isolation lets the page share an opened model's weights with its pass worker (SharedArrayBuffer)
// instead of copying them: gpt2-medium's 1.4 GB fit a browser's 2 GiB once, not twice. A static host that
// sends these two headers gets the same; one that does not still works, with a copy.
const crossOriginIsolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  plugins: [react()],
  base: './',
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default left one of this 2-core machine's cores idle (95 s against 61 s for the unit tests).
    maxWorkers: '100%',
  },
});
