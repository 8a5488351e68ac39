import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three suites: unit (jsdom + node, fast), e2e (Playwright driving Debian's Chromium against the built app),
// kernel (builds the reference modules, boots the VM). `npm test` runs them all via scripts/test-all.mjs.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/api/**/*.test.ts'],
          benchmark: { include: ['test/bench/**/*.bench.ts'] },
          environment: 'node',
          setupFiles: ['test/setup.ts'],
          // A bound for a hung test, not a speed check: page-level component tests wait for states (up to
          // STATE_TIMEOUT_MS in test/support/render-app.tsx), and on a busy machine rendering a lazy page
          // can take longer than vitest's default of 5 s (compare and legend tests timed out that way).
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'kernel',
          include: ['test/kernel/**/*.test.ts'],
          environment: 'node',
          testTimeout: 1_800_000,
          hookTimeout: 1_800_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
