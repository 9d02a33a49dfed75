import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // vitest's default (CPUs − 1) runs one file at a time on a 2-core CI machine; most files wait
    // on child processes (the CLI, LibreOffice), so two at a time take 155 s instead of 260 s
    maxWorkers: Math.max(2, availableParallelism() - 1),
    minWorkers: 1,
  },
});
