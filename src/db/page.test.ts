import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '../../test/support/engines.ts';
import type { Database } from './database.ts';
import { paged } from './page.ts';

for (const engine of ENGINES) {
  describe(`paged on ${engine}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await db.kysely
        .insertInto('meta')
        .values(Array.from({ length: 12 }, (_, i) => ({ key: `k${String(i).padStart(2, '0')}`, value: String(i % 3) })))
        .execute();
    });
    afterAll(() => db?.close());
    // Only the rows made here (a migrated database has meta rows of its own).
    const keys = (value: string) => db.kysely.selectFrom('meta').where('key', 'like', 'k%').where('value', '=', value);

    it('answers one page in the given order and the count of every page as a number', async () => {
      const page = await paged(keys('1'), (q) => q.select(['key']).orderBy('key', 'desc'), { limit: 2, offset: 1 });
      expect(page).toEqual({ total: 4, items: [{ key: 'k07' }, { key: 'k04' }] });
    });

    it('counts what the query matches whatever it already selects and orders by', async () => {
      const selected = keys('2').selectAll().orderBy('key');
      const page = await paged(selected, (q) => q, { limit: 10, offset: 3 });
      expect(page).toEqual({ total: 4, items: [{ key: 'k11', value: '2' }] });
    });

    it('gives an empty page past the end, still with the total', async () => {
      expect(await paged(keys('0'), (q) => q.select('key').orderBy('key'), { limit: 5, offset: 50 })).toEqual({
        total: 4,
        items: [],
      });
    });
  });
}
