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

    it('rebuilds a table under its own name outside a transaction, as a migration does, and reads it', async () => {
      const run = (text: string) => sql.raw(text).execute(db.kysely);
      await run('create table rebuilt (a integer)');
      await run('insert into rebuilt (a) values (1)');
      // The read connection has now seen the first table; it must not hold the writer to it.
      expect((await sql<{ a: number }>`select a from rebuilt`.execute(db.kysely)).rows).toEqual([{ a: 1 }]);
      await run('create table rebuilt_next (a integer, b integer)');
      await run('insert into rebuilt_next (a, b) select a, 2 from rebuilt');
      await run('drop table rebuilt');
      await run('alter table rebuilt_next rename to rebuilt');
      expect((await sql<{ a: number; b: number }>`select a, b from rebuilt`.execute(db.kysely)).rows).toEqual([
        { a: 1, b: 2 },
      ]);
      await expect(run('alter table nowhere rename to elsewhere')).rejects.toThrow(/nowhere/);
      await run('drop table rebuilt');
    });

    it('answers a read while a write transaction is open, with what was committed before it', async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let inside!: () => void;
      const entered = new Promise<void>((r) => (inside = r));
      const writing = db.transaction(async (tx) => {
        await tx.kysely.insertInto('meta').values({ key: 'held', value: '1' }).execute();
        inside();
        await held;
      });
      await entered;
      // The transaction has written and not committed: a read goes past it and does not see it.
      expect(await db.kysely.selectFrom('meta').selectAll().where('key', '=', 'held').execute()).toEqual([]);
      release();
      await writing;
      expect(await db.kysely.selectFrom('meta').select('value').where('key', '=', 'held').execute()).toEqual([
        { value: '1' },
      ]);
    });

    it('reads one snapshot while writers go on', async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let inside!: () => void;
      const entered = new Promise<void>((r) => (inside = r));
      const reading = db.snapshot(async (tx) => {
        const before = await tx.kysely.selectFrom('meta').selectAll().where('key', '=', 'later').execute();
        inside();
        await held;
        const after = await tx.kysely.selectFrom('meta').selectAll().where('key', '=', 'later').execute();
        return [before.length, after.length];
      });
      await entered;
      await db.transaction((tx) => tx.kysely.insertInto('meta').values({ key: 'later', value: '1' }).execute());
      release();
      expect(await reading).toEqual([0, 0]);
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

describe('the write gate on sqlite', () => {
  it('makes a write outside a transaction wait for the open one, without holding up reads', async () => {
    const db = await freshDatabase('sqlite');
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const first = db.transaction(async (tx) => {
      await tx.kysely.insertInto('meta').values({ key: 'first', value: '1' }).execute();
      inside();
      await held;
      order.push('first committed');
    });
    await entered;
    const second = db.kysely
      .insertInto('meta')
      .values({ key: 'second', value: '2' })
      .execute()
      .then(() => order.push('second written'));
    // The second write comes to the gate and waits there; reads do not.
    while (db.gate!.queued === 0) await new Promise((r) => setImmediate(r));
    expect(await db.kysely.selectFrom('meta').select('key').where('key', 'in', ['first', 'second']).execute()).toEqual(
      [],
    );
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first committed', 'second written']);
    await db.close();
  });
});
