import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/private-temproot.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The suites start Python processes; two cores are shared between files.
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
  },
});
