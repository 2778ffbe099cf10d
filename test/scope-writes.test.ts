/**
 * A scoped write refused for what lies outside the scope says nothing of it (issue 16, finding
 * 6): a key already used outside is "taken", and no more — not the stored row's badge, unit or
 * posting dates. Nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { sessionHeaders } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';

/** The manager of City 2 (510200000000); officer 0100012 is of its city, 0100001 and 0100002 of City 1. */
const MANAGER = { username: 'city2-manager', role: 'manager' as const, area: '510200000000' };

for (const engine of ENGINES) {
  describe(`a scoped write refused for what lies outside, on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let headers: { authorization: string };
    const count = async (table: 'info_reports' | 'officers') =>
      Number(
        (
          await db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
      headers = await sessionHeaders(db, MANAGER);
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it("says only that a record's key is taken when the stored record is another city's", async () => {
      const before = await count('info_reports');
      // I1-000024 is City 1's report, filed by 0100002; this row names only City 2's officer.
      const row = { ref: 'I1-000024', date: '2019-06-17', badge: '0100012', category: 'fraud', adopted: 'yes' };
      const res = await app.inject({ method: 'POST', url: '/api/v1/records/info_reports', payload: [row], headers });
      expect(res.statusCode).toBe(403);
      const { error } = res.json();
      expect(error.code).toBe('scope_refused');
      expect(error.details).toEqual([
        expect.objectContaining({ line: 1, column: 'ref', code: 'key_taken', params: { key: 'I1-000024' } }),
      ]);
      for (const secret of ['0100002', '510100000000', '5101'])
        expect(res.body, `the refusal names ${secret}`).not.toContain(secret);
      expect(await count('info_reports')).toBe(before);
    });

    it('says the same of a file uploaded with that row, and writes nothing', async () => {
      const before = await count('info_reports');
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/imports?name=info_reports.csv',
        payload: 'ref,date,badge,category,adopted\nI1-000024,2019-06-17,0100012,fraud,yes\n',
        headers: { ...headers, 'content-type': 'text/csv' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details).toEqual([
        expect.objectContaining({ column: 'ref', code: 'key_taken', params: { key: 'I1-000024' } }),
      ]);
      expect(res.body).not.toContain('0100002');
      expect(await count('info_reports')).toBe(before);
    });

    it("refuses a posting of another city's officer as a taken badge, without its posting dates", async () => {
      const before = await count('officers');
      const posting = (badge: string) => ({
        badge,
        name: 'Transferred In',
        role: 'community',
        unit_code: 'R51020100100001',
        start_date: '2019-01-01',
        end_date: '',
        origin: 'existing',
      });
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/records/officers',
        payload: [posting('0100001')],
        headers,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details).toEqual([
        expect.objectContaining({ line: 1, column: 'badge', code: 'key_taken', params: { key: '0100001' } }),
      ]);
      for (const secret of ['2014-01-01', 'S510101001000', 'Officer 0100001'])
        expect(res.body, `the refusal names ${secret}`).not.toContain(secret);
      expect(await count('officers')).toBe(before);
      // A posting of that officer at a time it served nowhere outside is its history, and passes.
      const earlier = await app.inject({
        method: 'POST',
        url: '/api/v1/records/officers?dry_run=true',
        payload: [{ ...posting('0100001'), start_date: '2010-01-01', end_date: '2013-12-31' }],
        headers,
      });
      expect(earlier.statusCode, earlier.body).toBe(200);
      // The same posting of a badge no one holds is accepted: the refusal was the key's.
      const fresh = await app.inject({
        method: 'POST',
        url: '/api/v1/records/officers?dry_run=true',
        payload: [posting('0199999')],
        headers,
      });
      expect(fresh.statusCode, fresh.body).toBe(200);
    });
  });
}
