import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '../../test/support/engines.ts';
import type { Database } from './database.ts';
import { bumpDataVersion, DataVersionCache } from './data-version.ts';

for (const engine of ENGINES) {
  describe(`the data-version cache on ${engine}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await freshDatabase(engine);
    });
    afterAll(() => db?.close());

    it('keeps at most its bound, the least recently used going first', async () => {
      const cache = new DataVersionCache(db.kysely, 3);
      const computed: string[] = [];
      const get = (key: string) =>
        cache.get(key, async () => {
          computed.push(key);
          return key.toUpperCase();
        });
      for (const key of ['a', 'b', 'c']) await get(key);
      expect(await get('a')).toBe('A'); // a is used again: b is now the least recent
      await get('d');
      expect(cache.size).toBe(3);
      await get('a');
      await get('c');
      await get('b');
      expect(computed).toEqual(['a', 'b', 'c', 'd', 'b']);
    });

    it('computes again after a write, and keeps no failure', async () => {
      const cache = new DataVersionCache(db.kysely);
      let n = 0;
      const count = () => cache.get('n', async () => ++n);
      expect(await count()).toBe(1);
      expect(await count()).toBe(1);
      await db.transaction((tx) => bumpDataVersion(tx));
      expect(await count()).toBe(2);
      await expect(cache.get('bad', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
      expect(await cache.get('bad', async () => 'yes')).toBe('yes');
    });
  });
}
