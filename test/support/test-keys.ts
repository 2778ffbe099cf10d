/** The key file of one test run (vitest.config.ts sets OUTPOST_KEY_FILE to it; the global teardown removes it). */
import os from 'node:os';
import path from 'node:path';

export function testKeyFile(): string {
  return path.join(os.tmpdir(), `outpost-test-${process.pid}.keys`);
}
