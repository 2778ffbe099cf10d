import { defineConfig } from 'vitest/config';
import { databaseFolder, statusLogFolder, testKeyFile } from './test/support/test-keys.ts';
import { LastSequencer } from './test/support/last-sequencer.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.tsx'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One key file for the run (removed by the global teardown), so a SQLite backup restores into
    // a PostgreSQL database as it does on one machine; the default places have tests of their own.
    // Every server of the run logs the statuses it answers, which the OpenAPI test (run last) compares
    // with the document.
    env: {
      OUTPOST_KEY_FILE: testKeyFile(),
      OUTPOST_STATUS_LOG: statusLogFolder(),
      OUTPOST_TEST_DB_FOLDER: databaseFolder(),
    },
    sequence: { sequencer: LastSequencer },
  },
});
