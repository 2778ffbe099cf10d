/** The key file and the status log of one test run (vitest.config.ts sets OUTPOST_KEY_FILE to it; the global teardown removes it). */
import os from 'node:os';
import path from 'node:path';

export function testKeyFile(): string {
  return path.join(os.tmpdir(), `outpost-test-${process.pid}.keys`);
}

/**
 * The folder holding this run's SQLite test databases (vitest.config.ts passes it to every test
 * file as OUTPOST_TEST_DB_FOLDER; the global teardown removes it): each run had left its
 * databases behind, a gigabyte apiece for the largest, until runs filled the disk.
 */
export function databaseFolder(): string {
  return path.join(os.tmpdir(), `outpost-test-${process.pid}-databases`);
}

/** The folder where this run's servers log the statuses they answer (see src/server/status-log.ts). */
export function statusLogFolder(): string {
  return path.join(os.tmpdir(), `outpost-test-${process.pid}-statuses`);
}
