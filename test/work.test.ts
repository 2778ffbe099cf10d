/**
 * `GET work` on both engines: an officer of the acceptance province sees its own work (its unit
 * and the villages it covers by name, its records of the month as the files count them, its
 * figures under the officer scheme with their samples, whether its room reports, its latest
 * entries, newest received first); an account without a badge is told it has none, by code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51, PROVINCE_51 } from './support/province-51.ts';
import { sessionHeaders } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';

const M = '2019-06';
const BADGE = '0100002';

function csv(kind: string): Record<string, string>[] {
  const [head, ...lines] = fs
    .readFileSync(path.join(PROVINCE_51, `${kind}.csv`), 'utf8')
    .trim()
    .split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

for (const engine of ENGINES) {
  describe(`GET work on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;

    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      app = await buildApp(createContext(db));
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it("gives an officer its own unit, villages, month's records, figures and latest entries", async () => {
      const headers = await sessionHeaders(db, { username: 'w-officer', role: 'officer', badge: BADGE });
      const res = await app.inject({ url: `/api/v1/work?month=${M}`, headers });
      expect(res.statusCode).toBe(200);
      const work = res.json();
      const officer = csv('officers').find((o) => o.badge === BADGE)!;
      const unit = csv('units').find((u) => u.code === officer.unit_code)!;
      const areaName = new Map(csv('areas').map((a) => [a.code, a.name]));
      expect({ badge: work.badge, name: work.name, month: work.month }).toEqual({
        badge: BADGE,
        name: officer.name,
        month: M,
      });
      expect(work.unit).toMatchObject({ code: unit.code, area_code: unit.area_code });
      expect(work.covers).toEqual(unit.covers.split(';').map((code) => ({ code, name: areaName.get(code) })));
      const inMonth = (kind: string) => csv(kind).filter((r) => r.badge === BADGE && r.date.startsWith(M)).length;
      expect(work.counts).toEqual({
        visits: inMonth('visits'),
        info_reports: inMonth('info_reports'),
        familiarity_checks: inMonth('familiarity_checks'),
      });
      expect(work.counts.visits).toBeGreaterThan(0);
      expect(work.scheme.indicators.length).toBeGreaterThan(0);
      for (const i of work.scheme.indicators) {
        expect(i.denominator).toBeGreaterThanOrEqual(0);
        expect(i.small_sample).toBe(false);
      }
      // The room reports in June: this officer's visit is placed at it.
      expect(work.reporting).toMatchObject({ rooms: 1, reporting: 1, rate: 1, deadline: '2019-07-05' });
      const mine = ['visits', 'info_reports', 'familiarity_checks'].reduce(
        (n, k) => n + csv(k).filter((r) => r.badge === BADGE).length,
        0,
      );
      expect(work.recent).toHaveLength(Math.min(10, mine));
      const received = work.recent.map((r: { received_at: string }) => r.received_at);
      expect(received).toEqual([...received].sort().reverse());
    });

    it('tells an account without a badge that it has no work of its own, by code', async () => {
      const headers = await sessionHeaders(db, { username: 'w-manager', role: 'manager', area: '510100000000' });
      const res = await app.inject({ url: '/api/v1/work', headers });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('work_needs_badge');
    });
  });
}
