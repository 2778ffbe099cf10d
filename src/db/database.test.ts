import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, freshDatabase } from '../../test/support/engines.ts';
import type { Database } from './database.ts';

for (const engine of ENGINES) {
  describe(`database on ${engine}`, () => {
    let db: Database;
    afterAll(() => db?.close());

    it('migrates an empty database and keeps a data version', async () => {
      db = await freshDatabase(engine);
      const row = await db.kysely
        .selectFrom('meta')
        .select('value')
        .where('key', '=', 'data_version')
        .executeTakeFirstOrThrow();
      expect(row.value).toBe('0');
    });

    it('rolls a failed transaction back whole', async () => {
      await expect(
        db.transaction(async (tx) => {
          await tx.kysely.insertInto('meta').values({ key: 'x', value: '1' }).execute();
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const rows = await db.kysely.selectFrom('meta').selectAll().where('key', '=', 'x').execute();
      expect(rows).toEqual([]);
    });

    it('rehearses: fn sees its own writes, answers, and nothing is written', async () => {
      const seen = await db.rehearse(async (tx) => {
        await tx.kysely.insertInto('meta').values({ key: 'y', value: '2' }).execute();
        return (await tx.kysely.selectFrom('meta').select('value').where('key', '=', 'y').executeTakeFirst())?.value;
      });
      expect(seen).toBe('2');
      expect(await db.kysely.selectFrom('meta').selectAll().where('key', '=', 'y').execute()).toEqual([]);
      await db.transaction(async (tx) => {
        await tx.kysely.insertInto('meta').values({ key: 'z', value: '3' }).execute();
      });
      expect(await db.kysely.selectFrom('meta').select('value').where('key', '=', 'z').execute()).toEqual([
        { value: '3' },
      ]);
    });

    it('reads int8 and numeric as numbers', async () => {
      const { rows } = await sql<{
        a: number;
        b: number;
      }>`select cast(5 as bigint) as a, cast(2.5 as numeric) as b`.execute(db.kysely);
      expect(rows[0]).toEqual({ a: 5, b: 2.5 });
    });
  });
}
