import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '../../../test/support/engines.ts';
import { importProvince51 } from '../../../test/support/province-51.ts';
import type { Database } from '../../db/database.ts';
import type { Engine } from '../../db/engine.ts';
import { main } from '../../cli/main.ts';
import { verifyChain } from '../audit/audit.verify.ts';

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

/** Makes the database refuse the next audit entry of a void, as a crash or a full disk would. */
async function refuseVoidAudit(db: Database, engine: Engine): Promise<() => Promise<void>> {
  if (engine === 'sqlite') {
    await sql`create trigger refuse_void_audit before insert on audit_log when new.action = 'void'
      begin select raise(abort, 'audit write failed'); end`.execute(db.kysely);
    return async () => void (await sql`drop trigger refuse_void_audit`.execute(db.kysely));
  }
  await sql`create function refuse_void_audit() returns trigger language plpgsql as $$
    begin if new.action = 'void' then raise exception 'audit write failed'; end if; return new; end $$`.execute(
    db.kysely,
  );
  await sql`create trigger refuse_void_audit before insert on audit_log
    for each row execute function refuse_void_audit()`.execute(db.kysely);
  return async () => {
    await sql`drop trigger refuse_void_audit on audit_log`.execute(db.kysely);
    await sql`drop function refuse_void_audit()`.execute(db.kysely);
  };
}

for (const engine of ENGINES) {
  describe(`outpost void on ${engine}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
    });
    afterAll(() => db?.close());
    const survey = () =>
      db.kysely
        .selectFrom('surveys')
        .select(['voided_at', 'void_reason'])
        .where('ref', '=', 'Q1-000006')
        .executeTakeFirstOrThrow();
    const voided = () => db.kysely.selectFrom('history').select('row_key').where('action', '=', 'voided').execute();
    const voidAudits = () => db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'void').execute();
    const voidSurvey = () => main(['void', 'surveys', 'Q1-000006', '--reason', 'entered twice', '--db', db.url], quiet);

    it('rolls the void back when its audit entry cannot be written', async () => {
      const restore = await refuseVoidAudit(db, engine);
      try {
        expect(await voidSurvey()).not.toBe(0);
      } finally {
        await restore();
      }
      expect(await survey()).toEqual({ voided_at: null, void_reason: null });
      expect(await voided()).toEqual([]);
      expect(await voidAudits()).toEqual([]);
    });

    it('commits the void and its audit entry together', async () => {
      expect(await voidSurvey()).toBe(0);
      expect((await survey()).void_reason).toBe('entered twice');
      expect(await voided()).toEqual([{ row_key: 'Q1-000006' }]);
      const [entry] = await voidAudits();
      expect(entry).toMatchObject({ target: 'surveys Q1-000006', via: 'outpost void', ip: null, outcome: 'ok' });
      expect(entry.actor).toMatch(/^os:/);
      expect(JSON.parse(entry.detail)).toEqual({ reason: 'entered twice' });
      expect(await verifyChain(db.kysely, db.keys)).toMatchObject({ intact: true });
    });

    it('audits nothing when the void itself is refused', async () => {
      expect(await voidSurvey()).toBe(5);
      expect(await voidAudits()).toHaveLength(1);
    });
  });
}
