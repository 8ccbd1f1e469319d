import { defineConfig } from 'vitest/config';

// Browser tests: the built app served locally, driven in Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two files at a time, each with its own Chromium and pages: the tests mostly wait on a page, so two share a
    // 2-core machine well. No two files share a port, a folder or a screenshot's name.
    fileParallelism: true,
    maxWorkers: 2,
    // expect.poll gives up after 1 s by default; a loaded machine can take longer to render a keystroke's pass.
    expect: { poll: { timeout: 15_000 } },
  },
});
