/**
 * Migration 018 on both engines, run over a database where the public form still wrote survey
 * records: the form's answers (the `online` rows its audit entries name) move to public_answers,
 * and every other row, an imported `online` one included, stays a survey record.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import type { Database } from '../src/db/database.ts';
import { appendAudit } from '../src/modules/audit/audit.repository.ts';
import { up } from '../src/db/migrations/018-public-answers.ts';

for (const engine of ENGINES) {
  describe(`public answers (migration 018) on ${engine}`, () => {
    let db: Database;
    afterAll(() => db?.close());

    it("carries the form's answers over out of surveys and leaves imported rows alone", async () => {
      db = await freshDatabase(engine);
      await load(db, TINY);
      // The database as the form left it before 018: its answers were survey records.
      await sql`drop table public_answers`.execute(db.kysely);
      await sql`drop table public_tokens`.execute(db.kysely);
      const row = (ref: string, satisfaction: number, channel: string) => ({
        ref,
        date: '2019-06-20',
        area_code: 'V1',
        knows_officer: 'no',
        satisfaction,
        channel,
      });
      await load(db, {
        surveys: [
          row('WEB-20190620-aaaaaaaaaaaaaaaa', 1, 'online'),
          row('WEB-20190620-bbbbbbbbbbbbbbbb', 2, 'online'),
          row('IMPORTED-ONLINE', 5, 'online'),
          row('DOOR-1', 4, 'door'),
        ],
      });
      await db.transaction(async (tx) => {
        for (const ref of ['WEB-20190620-aaaaaaaaaaaaaaaa', 'WEB-20190620-bbbbbbbbbbbbbbbb'])
          await appendAudit(
            tx,
            { actor: 'public', via: 'POST /api/v1/public/surveys', ip: null },
            { action: 'public.survey', target: 'V1', detail: { ref, past_cap: false } },
          );
      });

      await up(db.kysely as unknown as Kysely<unknown>);

      const surveys = await db.kysely.selectFrom('surveys').select('ref').orderBy('ref').execute();
      expect(surveys.map((r) => r.ref)).toEqual(['DOOR-1', 'IMPORTED-ONLINE']);
      const answers = await db.kysely
        .selectFrom('public_answers')
        .select(['ref', 'date', 'area_code', 'knows_officer', 'satisfaction', 'received_at'])
        .orderBy('ref')
        .execute();
      expect(answers.map(({ received_at: _, ...a }) => a)).toEqual([
        {
          ref: 'WEB-20190620-aaaaaaaaaaaaaaaa',
          date: '2019-06-20',
          area_code: 'V1',
          knows_officer: 0,
          satisfaction: 1,
        },
        {
          ref: 'WEB-20190620-bbbbbbbbbbbbbbbb',
          date: '2019-06-20',
          area_code: 'V1',
          knows_officer: 0,
          satisfaction: 2,
        },
      ]);
      for (const a of answers) expect(a.received_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    });
  });
}
