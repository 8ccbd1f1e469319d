import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { hostHeaders } from './scripts/lib/hostHeaders.ts';

// Cross-origin isolation lets the page share an opened model's weights with its pass worker (SharedArrayBuffer)
// instead of copying them: gpt2-medium's 1.4 GB fit a browser's 2 GiB once, not twice. The headers that make the
// page isolated live in public/_headers, which the build copies for a static host that reads it (Netlify,
// Cloudflare Pages); a host that sends none still works, with a copy.
const crossOriginIsolation = hostHeaders();

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
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default left one of this 2-core machine's cores idle (95 s against 61 s for the unit tests).
    maxWorkers: '100%',
  },
});
