/**
 * SPEC §5 completeness on both engines: on the acceptance province, `GET completeness` and
 * `outpost completeness` equal a computation made here from the CSV files alone; the on-time
 * rate counts when records reached Outpost (imported history is late, a record of the current
 * month posted now is on time); `meta.default_month` stays on the last complete month when one
 * record is dated in the current month; the migration's received_at is kept by a replaced row.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51, PROVINCE_51 } from './support/province-51.ts';
import { adminHeaders, sessionHeaders } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';
import type { Io } from '../src/shared/cli/command.ts';
import { currentMonth, today } from '../src/shared/clock.ts';
import { endOfMonth } from '#core/calendar/month.ts';

const M = '2019-06';
const PROVINCE = '510000000000';
const CITY = '510100000000';

type Row = Record<string, string>;
function csv(kind: string): Row[] {
  const [head, ...lines] = fs
    .readFileSync(path.join(PROVINCE_51, `${kind}.csv`), 'utf8')
    .trim()
    .split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

/** SPEC §5 from the files alone: per area, open rooms at the end of M and those a report of M is placed at. */
function openRoomsOn(day: string): Row[] {
  return csv('units').filter(
    (u) =>
      (u.type === 'community_room' || u.type === 'rural_office') &&
      u.opened_on !== '' &&
      u.opened_on <= day &&
      (u.closed_on === '' || u.closed_on > day),
  );
}

/** A front-line officer posted on `day` at a room open then, with no end to its posting. */
function officerOfOpenRoom(day: string): Row {
  const open = new Set(openRoomsOn(day).map((u) => u.code));
  return csv('officers').find(
    (o) =>
      ['community', 'resident'].includes(o.role) && o.end_date === '' && o.start_date <= day && open.has(o.unit_code),
  )!;
}

function expectedCompleteness(month: string): Map<string, { rooms: number; reporting: number }> {
  const parent = new Map(csv('areas').map((a) => [a.code, a.parent_code || null]));
  const rooms = openRoomsOn(endOfMonth(month));
  const postings = csv('officers');
  const reportedAt = new Set<string>();
  for (const kind of ['visits', 'info_reports', 'familiarity_checks'])
    for (const r of csv(kind)) {
      if (!r.date.startsWith(month)) continue;
      const p = postings.find(
        (o) => o.badge === r.badge && o.start_date <= r.date && (o.end_date === '' || o.end_date >= r.date),
      );
      if (p) reportedAt.add(p.unit_code);
    }
  const out = new Map<string, { rooms: number; reporting: number }>();
  for (const room of rooms)
    for (let a: string | null = room.area_code; a; a = parent.get(a) ?? null) {
      const f = out.get(a) ?? { rooms: 0, reporting: 0 };
      f.rooms += 1;
      f.reporting += reportedAt.has(room.code) ? 1 : 0;
      out.set(a, f);
    }
  return out;
}

function cli(db: Database, argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: Io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: () => true } };
  return main([...argv, '--db', db.url], io).then((code) => ({ code, out }));
}

for (const engine of ENGINES) {
  describe(`completeness on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let headers: { authorization: string };
    const expected = expectedCompleteness(M);

    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      app = await buildApp(createContext(db));
      headers = await adminHeaders(db);
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    const get = async (url: string, h = headers) => {
      const res = await app.inject({ url: `/api/v1/${url}`, headers: h });
      return { status: res.statusCode, body: res.json() };
    };

    it('equals SPEC §5 computed from the files, within the province and within every city', async () => {
      const cities = csv('areas').filter((a) => a.level === 'city');
      expect(cities.length).toBeGreaterThan(0);
      for (const within of [PROVINCE, ...cities.map((c) => c.code)]) {
        const { status, body } = await get(`completeness?month=${M}&within=${within}`);
        expect(status).toBe(200);
        const children = csv('areas').filter((a) => a.parent_code === within);
        expect(body.map((r: { code: string }) => r.code).sort()).toEqual(children.map((c) => c.code).sort());
        for (const row of body) {
          const e = expected.get(row.code) ?? { rooms: 0, reporting: 0 };
          expect({ code: row.code, rooms: row.rooms, reporting: row.reporting }).toEqual({ code: row.code, ...e });
          expect(row.rate).toBe(e.rooms === 0 ? null : e.reporting / e.rooms);
        }
      }
      // The province as a whole reports neither nothing nor everything: the figure is a test.
      const whole = expected.get(PROVINCE)!;
      expect(whole.reporting).toBeGreaterThan(0);
      expect(whole.reporting).toBeLessThan(whole.rooms);
    });

    it('prints the same through outpost completeness --json', async () => {
      const { code, out } = await cli(db, ['completeness', '--month', M, '--within', PROVINCE, '--json']);
      expect(code).toBe(0);
      const rows = JSON.parse(out) as { code: string; rooms: number; reporting: number; rate: number | null }[];
      for (const r of rows) expect({ rooms: r.rooms, reporting: r.reporting }).toEqual(expected.get(r.code));
    });

    it('lists the rooms that have not reported, by area, and only an officer its own', async () => {
      const { body } = await get(`completeness/rooms?month=${M}&area=${CITY}&limit=500`);
      const city = expected.get(CITY)!;
      expect(body.total).toBe(city.rooms - city.reporting);
      expect(body.items.every((r: { reporting: boolean; records: number }) => !r.reporting && r.records === 0)).toBe(
        true,
      );
      expect(body.items[0].areas[0].code.startsWith('5101')).toBe(true);
      const all = (await get(`completeness/rooms?month=${M}&area=${CITY}&reporting=all&limit=500`)).body;
      expect(all.total).toBe(city.rooms);

      const officer = officerOfOpenRoom(endOfMonth(M));
      const own = await sessionHeaders(db, { username: 'c-officer', role: 'officer', badge: officer.badge });
      const town = csv('units').find((u) => u.code === officer.unit_code)!.area_code;
      const mine = (await get(`completeness/rooms?month=${M}&area=${town}&reporting=all`, own)).body;
      expect(mine.items.map((r: { code: string }) => r.code)).toEqual([officer.unit_code]);
      expect((await get(`completeness/rooms?month=${M}&area=${PROVINCE}&reporting=all`, own)).status).toBe(404);
    });

    it('counts history imported now as late, and a record of this month posted now as on time', async () => {
      const june = (await get(`completeness/area?month=${M}&area=${PROVINCE}`)).body;
      expect(june.reporting).toBeGreaterThan(0);
      expect(june.on_time).toBe(0);
      expect(june.deadline).toBe('2019-07-05');
      expect(june.deadline_passed).toBe(true);

      const officer = officerOfOpenRoom(today());
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/records/visits',
        headers,
        payload: [
          { date: today(), badge: officer.badge, area_code: villageOf(officer.unit_code), household_ref: 'H-now' },
        ],
      });
      expect(res.statusCode).toBe(201);
      const now = (await get(`completeness/area?month=${currentMonth()}&area=${PROVINCE}`)).body;
      expect(now).toMatchObject({ reporting: 1, on_time: 1, deadline_passed: false });
      const rooms = (await get(`completeness/rooms?month=${currentMonth()}&area=${PROVINCE}&reporting=yes`)).body;
      expect(rooms.items).toMatchObject([{ code: officer.unit_code, records: 1, on_time_records: 1, on_time: true }]);
    });

    it('keeps meta.default_month on the last month at or above the threshold when one record is dated this month', async () => {
      const village = villageOf(officerOfOpenRoom(today()).unit_code);
      const survey = [
        { ref: 'Q-now', date: today(), area_code: village, knows_officer: 'yes', satisfaction: 5, channel: 'door' },
      ];
      expect(
        (await app.inject({ method: 'POST', url: '/api/v1/records/surveys', headers, payload: survey })).statusCode,
      ).toBe(201);
      const meta = (await get('meta')).body;
      // The latest month with records is now this one, which one room of many reports in.
      expect(meta.latest_month).toBe(currentMonth());
      expect(meta.completeness).toEqual({ threshold: 0.8, deadline_day: 5 });
      const settings = (threshold: number) =>
        app.inject({ method: 'PUT', url: '/api/v1/completeness/settings', headers, payload: { threshold } });
      // June reaches a threshold just under its own rate, and no month after it does.
      const june = expected.get(PROVINCE)!;
      await settings(Math.floor((june.reporting / june.rooms) * 100) / 100);
      expect((await get('meta')).body.default_month).toBe(M);
      expect((await cli(db, ['completeness', 'default', '--json'])).out).toContain(`"default_month":"${M}"`);
      // No month reaches 0.99: latest_month.
      await settings(0.99);
      expect((await get('meta')).body.default_month).toBe(currentMonth());
      // At 0 every month with open rooms does, the current one first.
      await settings(0);
      expect((await get('meta')).body.default_month).toBe(currentMonth());
      await settings(0.8);
    });

    it("judges a manager's default month over its own area, and names its home", async () => {
      const manager = await sessionHeaders(db, { username: 'c-manager', role: 'manager', area: CITY });
      const meta = (await get('meta', manager)).body;
      expect(meta.home_areas.map((a: { code: string }) => a.code)).toEqual([CITY]);
      const city = expected.get(CITY)!;
      await app.inject({
        method: 'PUT',
        url: '/api/v1/completeness/settings',
        headers,
        payload: { threshold: city.reporting / city.rooms },
      });
      expect((await get('meta', manager)).body.default_month).toBe(M);
      await app.inject({ method: 'PUT', url: '/api/v1/completeness/settings', headers, payload: { threshold: 0.8 } });
    });

    it('refuses settings out of range, and writes nothing', async () => {
      const bad = await app.inject({
        method: 'PUT',
        url: '/api/v1/completeness/settings',
        headers,
        payload: { deadline_day: 31 },
      });
      expect(bad.statusCode).toBe(400);
      expect((await get('completeness/settings')).body).toEqual({ threshold: 0.8, deadline_day: 5 });
    });
  });
}

function villageOf(room: string): string {
  return csv('units')
    .find((u) => u.code === room)!
    .covers.split(';')[0];
}
