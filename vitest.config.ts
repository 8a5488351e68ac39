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
