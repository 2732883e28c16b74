import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'eval/**/*.test.ts', 'web/**/*.test.ts'],
    exclude: ['dist/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser and multi-process tests are heavy, keep parallelism modest.
    maxWorkers: 2,
    fileParallelism: true,
    reporters: ['default'],
  },
});
