/**
 * Migration 016 on both engines, run on a database that already holds tasks (one per problem, as
 * Outpost made them before): each keeps its indicator as the one problem it lists, and reads
 * back through the service as before.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { ENGINES, freshDatabaseUrl } from '../../test/support/engines.ts';
import { openDatabase, type Database } from './database.ts';
import { MIGRATIONS } from './migrate.ts';
import { up as tasksByArea } from './migrations/016-tasks-by-area-and-appeals.ts';
import { TasksService } from '../modules/supervision/tasks.service.ts';

const M016 = '016-tasks-by-area-and-appeals';

async function migrateAllBut(db: Kysely<unknown>, engine: 'sqlite' | 'postgres', skip: string): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, m] of MIGRATIONS) if (name !== skip) migrations[name] = { up: (k) => m.up(k, engine) };
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

for (const engine of ENGINES) {
  describe(`tasks per area (migration 016) on ${engine}`, () => {
    let db: Database;
    afterAll(() => db?.close());

    it('gives every task stored before its own indicator as the one problem it lists', async () => {
      db = await openDatabase(await freshDatabaseUrl(engine), { migrate: false });
      const raw = db.kysely as unknown as Kysely<unknown>;
      await migrateAllBut(raw, engine, M016);
      const now = '2019-07-05T02:00:00.000Z';
      await sql`insert into notifications (area_code, month, lang, number, year, seq, title, issued_on, issued_at,
        issued_by, content, content_hash) values ('P', '2019-06', 'zh', 'P-1', 2019, 1, 't', '2019-07-05', ${now},
        'os:test', '{}', ${'0'.repeat(64)})`.execute(raw);
      for (const [area, indicator, value] of [
        ['A1', 'equipment_rate', 0.5],
        ['A1', 'coverage_rate', 0.25],
        ['A2', 'composite', 55],
      ] as const)
        await sql`insert into tasks (notification_id, area_code, month, scheme, indicator, value, target, streak,
          deadline, status, created_at, updated_at) values (1, ${area}, '2019-06', 'construction', ${indicator},
          ${value}, 1, 2, '2019-08-04', 'open', ${now}, ${now})`.execute(raw);

      await tasksByArea(raw, engine);

      const { items } = await new TasksService(db).list(null, { date: '2019-07-10', limit: 50, offset: 0 });
      expect(items.map((t) => [t.area.code, t.indicators.map((i) => [i.indicator, i.value, i.streak])])).toEqual([
        ['A1', [['equipment_rate', 0.5, 2]]],
        ['A1', [['coverage_rate', 0.25, 2]]],
        ['A2', [['composite', 55, 2]]],
      ]);
      expect(await db.kysely.selectFrom('appeals').selectAll().execute()).toEqual([]);
    });
  });
}
