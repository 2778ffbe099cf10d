import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '../../../test/support/engines.ts';
import type { Database } from '../../db/database.ts';
import type { Engine } from '../../db/engine.ts';
import { main } from '../../cli/main.ts';
import { verifyChain } from '../audit/audit.verify.ts';
import { buildDemo, demoInfo, isEmpty } from './demo.service.ts';

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
const SCALE = 0.02;

/** Makes the database refuse the audit entry of the demo, as a crash or a full disk would. */
async function refuseDemoAudit(db: Database, engine: Engine): Promise<void> {
  if (engine === 'sqlite') {
    await sql`create trigger refuse_demo_audit before insert on audit_log when new.action = 'demo'
      begin select raise(abort, 'audit write failed'); end`.execute(db.kysely);
    return;
  }
  await sql`create function refuse_demo_audit() returns trigger language plpgsql as $$
    begin if new.action = 'demo' then raise exception 'audit write failed'; end if; return new; end $$`.execute(
    db.kysely,
  );
  await sql`create trigger refuse_demo_audit before insert on audit_log
    for each row execute function refuse_demo_audit()`.execute(db.kysely);
}

for (const engine of ENGINES) {
  describe(`the demonstration build's audit entry on ${engine}`, () => {
    it('names who built it, with the seed, the scale and the rows of each kind', async () => {
      const db = await freshDatabase(engine);
      try {
        expect(await main(['demo', '--seed', '7', '--scale', String(SCALE), '--db', db.url], quiet)).toBe(0);
        const entries = await db.kysely.selectFrom('audit_log').selectAll().orderBy('id').execute();
        const demo = entries.filter((e) => e.action === 'demo');
        expect(demo).toHaveLength(1);
        expect(demo[0]).toMatchObject({ via: 'outpost demo', ip: null, outcome: 'ok', target: 'seed 7, scale 0.02' });
        expect(demo[0].actor).toMatch(/^os:/);
        const detail = JSON.parse(demo[0].detail);
        expect(detail).toMatchObject({ seed: 7, scale: SCALE });
        const counts = await Promise.all(
          (['areas', 'units', 'officers', 'surveys'] as const).map(async (table) => {
            const row = await db.kysely
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow();
            return [table, Number(row.n)];
          }),
        );
        expect(detail.rows).toMatchObject(Object.fromEntries(counts));
        expect(Object.values(detail.rows as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(detail.written);
        // The data comes first, then the demonstration accounts, each audited as the same operator.
        expect(entries[0].action).toBe('demo');
        expect(entries.slice(1).map((e) => e.action)).toEqual(Array(5).fill('user.add'));
        expect(entries.every((e) => e.actor === demo[0].actor)).toBe(true);
        expect(await verifyChain(db.kysely, db.keys)).toMatchObject({ intact: true });
      } finally {
        await db.close();
      }
    }, 120_000);

    it('leaves the database empty when the audit entry cannot be written', async () => {
      const db = await freshDatabase(engine);
      try {
        await refuseDemoAudit(db, engine);
        await expect(buildDemo(db, { seed: 7, scale: SCALE })).rejects.toThrow(/audit write failed/);
        expect(await isEmpty(db)).toBe(true);
        expect(await demoInfo(db)).toBeNull();
        expect(await db.kysely.selectFrom('accounts').select('id').execute()).toEqual([]);
        expect(await db.kysely.selectFrom('audit_log').select('id').execute()).toEqual([]);
      } finally {
        await db.close();
      }
    }, 120_000);
  });
}
