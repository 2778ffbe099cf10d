/**
 * Each rule of SPEC §3 has one SQL predicate (src/db/predicates.ts) and one TypeScript twin
 * (src/core/assessment/placement.ts): on a registry full of edge dates, on both engines, the two
 * pick the same rows on every day around those edges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import {
  datedIn,
  frontLine,
  latestPopulation,
  placedByPosting,
  postedOn,
  providesInformation,
  reportsPlacedIn,
  roomOpenOn,
  unitOpenOn,
} from '../src/db/predicates.ts';
import {
  isDatedIn,
  isFrontLine,
  isOpenOn,
  isPostedOn,
  isRoomOpenOn,
  latestYearAtMost,
  providesInformation as providesInformationTs,
} from '#core/assessment/placement.ts';
import { voidRow } from '../src/modules/imports/void.service.ts';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';

const unit = (code: string, type: string, status: string, opened_on: string, closed_on: string) => ({
  code,
  name: code,
  type,
  area_code: 'T',
  station_code: type === 'community_room' || type === 'rural_office' ? 'S1' : '',
  covers: type === 'community_room' || type === 'rural_office' ? 'V1' : '',
  status,
  opened_on,
  closed_on,
});

const posting = (badge: string, role: string, unit_code: string, start_date: string, end_date: string) => ({
  badge,
  name: badge,
  role,
  unit_code,
  start_date,
  end_date,
  origin: 'existing',
});

/** Days on, before and after every edge below. */
const DAYS = [
  '2019-02-28',
  '2019-03-01',
  '2019-03-02',
  '2019-06-09',
  '2019-06-10',
  '2019-06-11',
  '2019-06-30',
  '2019-07-01',
];

const ROWS = {
  ...TINY,
  units: [
    ...TINY.units!,
    unit('RP', 'community_room', 'planned', '', ''),
    unit('RO', 'rural_office', 'open', '2019-03-01', ''),
    unit('RC', 'community_room', 'closed', '2019-03-01', '2019-06-10'),
    unit('RA', 'rural_office', 'open', '2019-06-11', '2019-07-01'),
    unit('BX', 'bureau', 'open', '2019-06-10', ''),
    unit('RV', 'community_room', 'open', '2019-01-01', ''),
  ],
  officers: [
    ...TINY.officers!,
    posting('E1', 'community', 'RO', '2019-03-01', '2019-06-10'),
    posting('E1', 'station', 'S1', '2019-06-11', ''),
    posting('E2', 'civilian', 'BX', '2019-06-10', '2019-06-10'),
    posting('E3', 'resident', 'RA', '2019-06-30', ''),
  ],
  population: [
    { area_code: 'V1', year: 2017, residents: 100, households: 10 },
    { area_code: 'V1', year: 2019, residents: 200, households: 20 },
    { area_code: 'V1', year: 2021, residents: 300, households: 30 },
    { area_code: 'V2', year: 2020, residents: 400, households: 40 },
  ],
  info_reports: [
    { ref: 'I1', date: '2019-06-10', badge: 'E1', category: 'x', adopted: 'yes' },
    { ref: 'I2', date: '2019-06-11', badge: 'E1', category: 'x', adopted: 'no' },
    { ref: 'I3', date: '2019-06-30', badge: 'E3', category: 'x', adopted: 'no' },
    { ref: 'I4', date: '2019-02-28', badge: 'E3', category: 'x', adopted: 'no' },
    { ref: 'I5', date: '2019-06-05', badge: 'B3', category: 'x', adopted: 'no' },
    { ref: 'I6', date: '2019-06-06', badge: 'B3', category: 'x', adopted: 'no' },
  ],
  familiarity_checks: [{ ref: 'C1', date: '2019-06-10', badge: 'B1', sampled: 10, correct: 9 }],
  visits: [{ date: '2019-06-11', badge: 'B1', area_code: 'V2', household_ref: 'H1' }],
};

const JUNE = { first: '2019-06-01', last: '2019-06-30' };

for (const engine of ENGINES)
  describe(`the predicates and their twins agree (${engine})`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, ROWS);
      await voidRow(db, 'units', ['RV'], 'a test of voided units', 'test');
    });
    afterAll(() => db?.close());

    const liveUnits = async () =>
      (await db.kysely.selectFrom('units').selectAll().where('voided_at', 'is', null).execute()).map((u) => ({ ...u }));
    const livePostings = async () =>
      db.kysely.selectFrom('officers').selectAll().where('voided_at', 'is', null).execute();

    it('open units and open rooms, on every day around the edges, a voided unit never', async () => {
      const units = await liveUnits();
      for (const day of DAYS) {
        const open = await sql<{
          code: string;
        }>`select u.code from units u where ${unitOpenOn('u', day)} order by u.code`.execute(db.kysely);
        const rooms = await sql<{
          code: string;
        }>`select u.code from units u where ${roomOpenOn('u', day)} order by u.code`.execute(db.kysely);
        const codes = (f: (u: (typeof units)[number]) => boolean) =>
          units
            .filter(f)
            .map((u) => u.code)
            .sort();
        expect(
          open.rows.map((r) => r.code),
          day,
        ).toEqual(codes((u) => isOpenOn(u, day)));
        expect(
          rooms.rows.map((r) => r.code),
          day,
        ).toEqual(codes((u) => isRoomOpenOn(u, day)));
        expect(open.rows.map((r) => r.code)).not.toContain('RV');
      }
      const openOn = (day: string) => units.filter((u) => isOpenOn(u, day)).map((u) => u.code);
      // Open from its opening day; closed from its closing day on.
      expect(openOn('2019-06-09')).toContain('RC');
      expect(openOn('2019-06-10')).not.toContain('RC');
      expect(openOn('2019-06-10')).not.toContain('RA');
      expect(openOn('2019-06-11')).toContain('RA');
      expect(openOn('2019-06-30')).not.toContain('RP');
    });

    it('postings that contain a day, front-line or not', async () => {
      const postings = await livePostings();
      for (const day of DAYS) {
        const posted = await sql<{ badge: string; start_date: string; front: number }>`
          select o.badge, o.start_date, case when ${frontLine('o')} then 1 else 0 end as front
          from officers o where ${postedOn('o', day)} order by o.badge, o.start_date`.execute(db.kysely);
        const twin = postings
          .filter((p) => isPostedOn(p, day))
          .sort((a, b) => (a.badge + a.start_date < b.badge + b.start_date ? -1 : 1))
          .map((p) => ({ badge: p.badge, start_date: p.start_date, front: isFrontLine(p.role) ? 1 : 0 }));
        expect(
          posted.rows.map((r) => ({ ...r, front: Number(r.front) })),
          day,
        ).toEqual(twin);
      }
    });

    it('places an officer’s record by the posting of its date, and nowhere outside every posting', async () => {
      const postings = await livePostings();
      const { rows } = await sql<{ ref: string; unit_code: string }>`
        select r.ref, o.unit_code from info_reports r join officers o on ${placedByPosting('o', 'r')} order by r.ref`.execute(
        db.kysely,
      );
      const reports = await db.kysely.selectFrom('info_reports').selectAll().orderBy('ref').execute();
      const twin = reports.flatMap((r) => {
        const p = postings.find((p) => p.badge === r.badge && isPostedOn(p, r.date));
        return p ? [{ ref: r.ref, unit_code: p.unit_code }] : [];
      });
      expect(rows).toEqual(twin);
      expect(rows.map((r) => r.ref)).not.toContain('I4');
      const placed = await sql<{ unit_code: string }>`${reportsPlacedIn(JUNE)}`.execute(db.kysely);
      expect(placed.rows.map((r) => r.unit_code).sort()).toEqual(['R1', 'R2', 'R3', 'R3', 'RA', 'RO', 'S1']);
    });

    it('dates in a month, both ends included', async () => {
      const { rows } = await sql<{
        ref: string;
      }>`select ref from info_reports where ${datedIn('date', JUNE)} order by ref`.execute(db.kysely);
      const reports = await db.kysely.selectFrom('info_reports').select(['ref', 'date']).orderBy('ref').execute();
      expect(rows.map((r) => r.ref)).toEqual(reports.filter((r) => isDatedIn(r.date, JUNE)).map((r) => r.ref));
    });

    it('the latest population year on or before a year, and none before the first', async () => {
      const population = await db.kysely.selectFrom('population').selectAll().where('voided_at', 'is', null).execute();
      for (const year of [2016, 2017, 2018, 2019, 2020, 2022]) {
        const { rows } = await sql<{ area_code: string; year: number; residents: number }>`
          select p.area_code, p.year, p.residents from ${latestPopulation(year)} p order by p.area_code`.execute(
          db.kysely,
        );
        const twin = [...new Set(population.map((p) => p.area_code))].sort().flatMap((area) => {
          const latest = latestYearAtMost(
            population.filter((p) => p.area_code === area).map((p) => Number(p.year)),
            year,
          );
          const row = population.find((p) => p.area_code === area && Number(p.year) === latest);
          return row ? [{ area_code: area, year: latest, residents: Number(row.residents) }] : [];
        });
        expect(
          rows.map((r) => ({ ...r, year: Number(r.year), residents: Number(r.residents) })),
          String(year),
        ).toEqual(twin);
      }
    });

    it('two reports in the month provide information, one does not', async () => {
      const { rows } = await sql<{ badge: string; n: number; provides: number }>`
        select badge, count(*) as n, case when ${providesInformation(sql`count(*)`)} then 1 else 0 end as provides
        from info_reports where ${datedIn('date', JUNE)} group by badge order by badge`.execute(db.kysely);
      expect(rows.length).toBeGreaterThan(1);
      for (const r of rows) expect(Number(r.provides) === 1, r.badge).toBe(providesInformationTs(Number(r.n)));
      expect(rows.map((r) => [r.badge, Number(r.provides)])).toEqual([
        ['B3', 1],
        ['E1', 1],
        ['E3', 0],
      ]);
    });
  });
