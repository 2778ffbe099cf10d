import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from '../../../test/support/engines.ts';
import { importProvince51 } from '../../../test/support/province-51.ts';
import { sessionHeaders } from '../../../test/support/session.ts';
import type { Database } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { createContext } from '../app-context.ts';

const COUNTY = '510201000000';

for (const engine of ENGINES) {
  describe(`records written within a scope on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let manager: Record<string, string>;
    let officer: Record<string, string>;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
      manager = await sessionHeaders(db, { username: 'county', role: 'manager', area: COUNTY });
      officer = await sessionHeaders(db, { username: 'officer7', role: 'officer', badge: '0100007' });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });
    const post = async (kind: string, rows: Record<string, unknown>[], headers: Record<string, string>) => {
      const res = await app.inject({ method: 'POST', url: `/api/v1/records/${kind}`, payload: rows, headers });
      const body = res.json();
      return {
        status: res.statusCode,
        body,
        reasons: (body.error?.details ?? []).map((d: Record<string, unknown>) => `${d.line}: ${d.column}: ${d.reason}`),
      };
    };

    it('lets a manager add areas below its own, naming each other in one request', async () => {
      const rows = [
        { code: 'V-NEW-1', name: 'New village', level: 'village', parent_code: 'T-NEW', urban_rural: 'rural' },
        { code: 'T-NEW', name: 'New town', level: 'township', parent_code: COUNTY, urban_rural: '' },
      ];
      expect(await post('areas', rows, manager)).toMatchObject({ status: 201, body: { written: 2 } });
    });

    it('refuses areas hung outside, its own root, and an outside area moved inside', async () => {
      const outside = await post(
        'areas',
        [{ code: 'V-OUT', name: 'x', level: 'village', parent_code: '510101001000', urban_rural: 'rural' }],
        manager,
      );
      expect(outside.status).toBe(403);
      expect(outside.reasons).toEqual(['1: parent_code: 510101001000 is not in your area (510201000000)']);
      const root = await post(
        'areas',
        [{ code: COUNTY, name: 'County 2.1 renamed', level: 'county', parent_code: '510200000000', urban_rural: '' }],
        manager,
      );
      expect(root.status).toBe(403);
      expect(root.reasons).toContain('1: code: 510201000000 is your own area; only an account above it may change it');
      const moved = await post(
        'areas',
        [{ code: '510101001000', name: 'Town 1.1.1', level: 'township', parent_code: COUNTY, urban_rural: '' }],
        manager,
      );
      expect(moved.status).toBe(403);
      expect(moved.reasons).toEqual(['1: code: 510101001000 is not in your area (510201000000)']);
      expect(
        await db.kysely.selectFrom('areas').select('parent_code').where('code', '=', '510101001000').executeTakeFirst(),
      ).toEqual({ parent_code: '510101000000' });
    });

    it('lets a manager add a station and its room together, but not a room of an outside station', async () => {
      const unit = (code: string, type: string, station: string, covers: string) => ({
        code,
        name: code,
        type,
        area_code: '510201001000',
        station_code: station,
        covers,
        status: 'open',
        opened_on: '2019-01-01',
        closed_on: '',
      });
      const both = [unit('R-NEW-1', 'community_room', 'S-NEW', '510201001001'), unit('S-NEW', 'station', '', '')];
      expect(await post('units', both, manager)).toMatchObject({ status: 201, body: { written: 2 } });
      const foreign = await post(
        'units',
        [unit('R-NEW-2', 'community_room', 'S510101001000', '510201001001')],
        manager,
      );
      expect(foreign.reasons).toEqual(['1: station_code: S510101001000 is not a unit of your area (510201000000)']);
      const reaching = await post('units', [unit('R-NEW-3', 'community_room', 'S-NEW', '510101001001')], manager);
      expect(reaching.reasons).toEqual(['1: covers: 510101001001 is not in your area (510201000000)']);
      const taken = await post(
        'units',
        [{ ...unit('S510101001000', 'station', '', ''), name: 'Station 1.1.1' }],
        manager,
      );
      // The station is another county's: its code is taken, and the refusal says no more (not its area).
      expect(taken.reasons).toEqual([
        '1: code: S510101001000 is already taken by a record you cannot see: choose another',
      ]);
    });

    it('places a badge by its posting on the record date, as the assessment does', async () => {
      // 0100009 served in this county until 2019-06-14.
      const report = (date: string, ref: string) => ({
        ref,
        date,
        badge: '0100009',
        category: 'dispute',
        adopted: 'no',
      });
      expect((await post('info_reports', [report('2019-06-10', 'SCOPE-1')], manager)).status).toBe(201);
      const after = await post('info_reports', [report('2019-06-20', 'SCOPE-2')], manager);
      expect(after.reasons).toEqual([
        '1: badge: badge 0100009 was not posted in your area (510201000000) on 2019-06-20',
      ]);
    });

    it('lets an officer write only its own work records, with its badge, unit and areas', async () => {
      const survey = await post(
        'surveys',
        [
          {
            ref: 'S-X',
            date: '2019-06-02',
            area_code: '510201001001',
            knows_officer: 'yes',
            satisfaction: 5,
            channel: 'door',
          },
        ],
        officer,
      );
      expect(survey.status).toBe(403);
      expect(survey.body.error.message).toMatch(
        /only its own work records \(visits, info_reports, incidents, patrol_logs\)/,
      );
      const visit = (badge: string, area: string, household: string) => ({
        date: '2019-06-03',
        badge,
        area_code: area,
        household_ref: household,
      });
      expect((await post('visits', [visit('0100007', '510201001001', 'H-SCOPE-1')], officer)).status).toBe(201);
      const other = await post(
        'visits',
        [visit('0100008', '510201001001', 'H-SCOPE-2'), visit('0100007', '510201002001', 'H-SCOPE-3')],
        officer,
      );
      expect(other.reasons).toEqual([
        '1: badge: an officer writes records with its own badge (0100007) only',
        '2: area_code: 510201002001 is not in your area (510201001000)',
      ]);
      expect(
        (
          await post(
            'patrol_logs',
            [{ date: '2019-06-04', patrol_code: 'PR510201001000010', hours: 2, participants: 3 }],
            officer,
          )
        ).status,
      ).toBe(201);
      const theirs = await post(
        'patrol_logs',
        [{ date: '2019-06-04', patrol_code: 'PR510201001000020', hours: 2, participants: 3 }],
        officer,
      );
      expect(theirs.reasons).toEqual(["1: patrol_code: patrol team PR510201001000020 is not one of your unit's"]);
    });

    it('answers outside references the same whether or not they exist', async () => {
      const ghost = await post(
        'incidents',
        [{ ref: 'X-GHOST', date: '2019-06-05', area_code: 'NO-SUCH-AREA', category: 'criminal' }],
        manager,
      );
      const real = await post(
        'incidents',
        [{ ref: 'X-REAL', date: '2019-06-05', area_code: '510101001001', category: 'criminal' }],
        manager,
      );
      expect(ghost.status).toBe(403);
      expect(real.status).toBe(403);
      expect(ghost.reasons[0].replace('NO-SUCH-AREA', 'X')).toBe(real.reasons[0].replace('510101001001', 'X'));
    });
  });
}
