import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run bench`: figures, not pass/fail. Each bench sits next to its floor
// (the bare primitive measured in the same run), so two machines compare fairly.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/bench/**/*.measure.ts'],
    fileParallelism: false,
    testTimeout: 900_000,
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
  },
});
