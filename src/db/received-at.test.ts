/**
 * Migration 011 on both engines, run on a database that already holds records: each work record
 * takes the start of the import that wrote it, the tables keep their indexes (and, on SQLite,
 * whatever triggers others put on them), a row added afterwards is stamped with the database's
 * clock, and a replaced row keeps the instant its key first arrived.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { ENGINES, freshDatabaseUrl } from '../../test/support/engines.ts';
import { importProvince51 } from '../../test/support/province-51.ts';
import { load } from '../../test/support/factory.ts';
import { openDatabase, type Database } from './database.ts';
import { MIGRATIONS } from './migrate.ts';
import { RECEIVED_TABLES, up as receivedAt } from './migrations/011-received-at.ts';

async function migrateAllBut(db: Kysely<unknown>, engine: 'sqlite' | 'postgres', skip: string): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, m] of MIGRATIONS) if (name !== skip) migrations[name] = { up: (k) => m.up(k, engine) };
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

async function indexesOf(db: Database, table: string): Promise<string[]> {
  const { rows } =
    db.engine === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`.execute(
          db.kysely,
        )
      : await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = ${table}`.execute(
          db.kysely,
        );
  return rows.map((r) => r.name).sort();
}

for (const engine of ENGINES) {
  describe(`received_at (migration 011) on ${engine}`, () => {
    let db: Database;
    afterAll(() => db?.close());

    it('stamps stored records with their import, keeps indexes and triggers, stamps new rows and keeps a replaced row’s', async () => {
      db = await openDatabase(await freshDatabaseUrl(engine), { migrate: false });
      const raw = db.kysely as unknown as Kysely<unknown>;
      await migrateAllBut(raw, engine, '011-received-at');
      await importProvince51(db);
      if (engine === 'sqlite')
        await sql`create trigger visits_probe after delete on visits begin select 1; end`.execute(db.kysely);
      const before = await indexesOf(db, 'visits');
      const count = async (table: string) =>
        Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db.kysely)).rows[0].n);
      const counts = Object.fromEntries(await Promise.all(RECEIVED_TABLES.map(async (t) => [t, await count(t)])));

      await receivedAt(raw, engine);

      for (const table of RECEIVED_TABLES) {
        expect(await count(table), table).toBe(counts[table]);
        const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} r
          join imports i on i.id = r.import_id where r.received_at = i.started_at`.execute(db.kysely);
        expect(Number(rows[0].n), table).toBe(counts[table]);
      }
      expect(counts.visits).toBeGreaterThan(0);
      expect(await indexesOf(db, 'visits')).toEqual([...before, 'visits_received_at_idx'].sort());
      if (engine === 'sqlite') {
        const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger'
          and tbl_name = 'visits'`.execute(db.kysely);
        expect(rows.map((r) => r.name)).toEqual(['visits_probe']);
      }

      const stored = await db.kysely
        .selectFrom('visits')
        .select(['badge', 'date', 'household_ref', 'area_code', 'received_at'])
        .orderBy('badge')
        .orderBy('date')
        .orderBy('household_ref')
        .executeTakeFirstOrThrow();
      const started = new Date().toISOString();
      await load(db, {
        visits: [{ ...pick(stored), area_code: otherVillage(stored.area_code) }],
      });
      const replaced = await db.kysely
        .selectFrom('visits')
        .select(['area_code', 'received_at'])
        .where('badge', '=', stored.badge)
        .where('date', '=', stored.date)
        .where('household_ref', '=', stored.household_ref)
        .executeTakeFirstOrThrow();
      expect(replaced.area_code).toBe(otherVillage(stored.area_code));
      expect(replaced.received_at).toBe(stored.received_at);

      const badge = stored.badge;
      await load(db, { visits: [{ badge, date: stored.date, household_ref: 'H-fresh', area_code: stored.area_code }] });
      const fresh = await db.kysely
        .selectFrom('visits')
        .select('received_at')
        .where('household_ref', '=', 'H-fresh')
        .executeTakeFirstOrThrow();
      expect(fresh.received_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      // The database's clock, not the import's: within a minute of this test's own.
      expect(Math.abs(Date.parse(fresh.received_at!) - Date.parse(started))).toBeLessThan(60_000);
    }, 120_000);
  });
}

function pick(v: { badge: string; date: string; household_ref: string; area_code: string }) {
  return { badge: v.badge, date: v.date, household_ref: v.household_ref, area_code: v.area_code };
}

/** Another village of province-51's first township (…001 ↔ …003), for a replacement. */
function otherVillage(code: string): string {
  return code.endsWith('1') ? `${code.slice(0, -1)}3` : `${code.slice(0, -1)}1`;
}
