import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { hostHeaders } from './scripts/lib/hostHeaders.ts';

// Cross-origin isolation lets the page share an opened model's weights with its pass worker (SharedArrayBuffer)
// instead of copying them: gpt2-medium's 1.4 GB fit a browser's 2 GiB once, not twice. The headers that make the
// page isolated live in public/_headers, which the build copies for a static host that reads it (Netlify,
// Cloudflare Pages); a host that sends none still works, with a copy.
const crossOriginIsolation = hostHeaders();

const ISOLATED = ['tests/url-state.test.ts', 'tests/matmul.test.ts'];

export default defineConfig({
  plugins: [react()],
  base: './',
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  build: {
    rolldownOptions: {
      output: {
        // React is about a quarter of the first screen's script and changes only with an upgrade: a chunk of its own keeps
        // the app's chunk under Vite's 500 kB warning and lets a browser keep React cached across our releases.
        codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] },
      },
    },
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default left one of this 2-core machine's cores idle (95 s against 61 s for the unit tests).
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        test: {
          // Files that stub the window, fake timers, mock modules or render React, and the matrix-product tests
          // that switch the SIMD kernels off, get a fresh module graph each. The rest share one per worker, which
          // saves importing the same modules for every file (8 s of the unit tests' 44 on the 2-core machine).
          name: 'isolated',
          include: ['tests/**/*.test.tsx', ...ISOLATED],
        },
      },
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
    ],
  },
});
