/**
 * How much of a file a CSV table has read (`share`, for an import job's progress): it grows as
 * the rows are taken, for a plain and a gzipped file alike, and is whole once they are all read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openTable } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'outpost-share-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 20,000 rows, about 600 KiB: many of the reader's 64 KiB chunks.
const CSV = ['ref,date', ...Array.from({ length: 20_000 }, (_, i) => `REF-${i},2019-06-01`)].join('\n') + '\n';

describe('the share of a CSV read', () => {
  for (const [name, data] of [
    ['surveys.csv', Buffer.from(CSV)],
    ['surveys.csv.gz', gzipSync(CSV)],
  ] as const)
    it(`grows with the rows taken and is whole at the end: ${name}`, async () => {
      const path = join(dir, name);
      writeFileSync(path, data);
      const table = await openTable(path);
      const seen: number[] = [];
      let n = 0;
      for await (const _row of table.rows) if (++n % 2_000 === 0) seen.push(table.share!());
      expect(n).toBe(20_000);
      expect(table.share!()).toBe(1);
      if (name.endsWith('.gz')) return; // a small gzip is read whole at once
      expect(seen[0]).toBeGreaterThan(0);
      expect(seen[0]).toBeLessThan(0.5);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    });
});
