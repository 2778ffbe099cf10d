/** The key file and the status log of one test run (vitest.config.ts sets OUTPOST_KEY_FILE to it; the global teardown removes it). */
import os from 'node:os';
import path from 'node:path';

export function testKeyFile(): string {
  return path.join(os.tmpdir(), `outpost-test-${process.pid}.keys`);
}

/** The folder where this run's servers log the statuses they answer (see src/server/status-log.ts). */
export function statusLogFolder(): string {
  return path.join(os.tmpdir(), `outpost-test-${process.pid}-statuses`);
}
