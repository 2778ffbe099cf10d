import { defineConfig } from 'vitest/config';
import { testKeyFile } from './test/support/test-keys.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.tsx'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One key file for the run (removed by the global teardown), so a SQLite backup restores into
    // a PostgreSQL database as it does on one machine; the default places have tests of their own.
    env: { OUTPOST_KEY_FILE: testKeyFile() },
  },
});
