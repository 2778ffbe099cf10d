/**
 * What a lock refuses, on both engines: while (K, 2019-06) is locked, a row of every dated kind
 * dated in June and placed in K's subtree is refused by every path — posted as a record (the
 * record forms), uploaded as a file, imported by the CLI, voided — whether added or replacing
 * one (by its old version or its new), with 409 `period_locked` naming the area and month and
 * nothing written. Other months, other subtrees and the registry stay writable; an unlock with a
 * reason lets the record in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabaseUrl } from './support/engines.ts';
import { load, TINY, type Rows } from './support/factory.ts';
import { adminHeaders } from './support/session.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';
import { actOnPeriod } from '../src/modules/periods/periods.service.ts';
import { operatorActor } from '../src/modules/accounts/access.ts';

type Row = Record<string, string | number | null>;
const PASS = {
  premises: 'pass',
  signage: 'pass',
  equipment: 'pass',
  staffing: 'pass',
  work_system: 'pass',
  duties: 'pass',
  records: 'pass',
};

/** Per dated kind: a stored row of June in K's subtree, the same row changed, a new one, and its key. */
const KINDS: Record<string, { stored: Row; changed: Row; added: Row; key: string[] }> = {
  visits: {
    stored: { date: '2019-06-03', badge: 'B1', area_code: 'V1', household_ref: 'H1' },
    changed: { date: '2019-06-03', badge: 'B1', area_code: 'V2', household_ref: 'H1' },
    added: { date: '2019-06-04', badge: 'B1', area_code: 'V1', household_ref: 'H2' },
    key: ['B1', '2019-06-03', 'H1'],
  },
  info_reports: {
    stored: { ref: 'IR1', date: '2019-06-03', badge: 'B1', category: 'security', adopted: 'no' },
    changed: { ref: 'IR1', date: '2019-06-03', badge: 'B1', category: 'security', adopted: 'yes' },
    added: { ref: 'IR2', date: '2019-06-20', badge: 'B1', category: 'security', adopted: 'no' },
    key: ['IR1'],
  },
  incidents: {
    stored: { ref: 'X1', date: '2019-06-03', area_code: 'V1', category: 'criminal' },
    changed: { ref: 'X1', date: '2019-06-03', area_code: 'V1', category: 'public_order' },
    added: { ref: 'X2', date: '2019-06-04', area_code: 'V2', category: 'criminal' },
    key: ['X1'],
  },
  surveys: {
    stored: { ref: 'Q1', date: '2019-06-03', area_code: 'V1', knows_officer: 'yes', satisfaction: 5, channel: 'door' },
    changed: { ref: 'Q1', date: '2019-06-03', area_code: 'V1', knows_officer: 'no', satisfaction: 5, channel: 'door' },
    added: { ref: 'Q2', date: '2019-06-04', area_code: 'V2', knows_officer: 'yes', satisfaction: 4, channel: 'door' },
    key: ['Q1'],
  },
  patrol_logs: {
    stored: { date: '2019-06-03', patrol_code: 'PT1', hours: 2, participants: 3 },
    changed: { date: '2019-06-03', patrol_code: 'PT1', hours: 3, participants: 3 },
    added: { date: '2019-06-04', patrol_code: 'PT1', hours: 2, participants: 3 },
    key: ['PT1', '2019-06-03'],
  },
  familiarity_checks: {
    stored: { ref: 'FC1', date: '2019-06-03', badge: 'B1', sampled: 10, correct: 8 },
    changed: { ref: 'FC1', date: '2019-06-03', badge: 'B1', sampled: 10, correct: 9 },
    added: { ref: 'FC2', date: '2019-06-25', badge: 'B1', sampled: 10, correct: 7 },
    key: ['FC1'],
  },
  inspections: {
    stored: { unit_code: 'R1', date: '2019-06-03', ...PASS },
    changed: { unit_code: 'R1', date: '2019-06-03', ...PASS, signage: 'fail' },
    added: { unit_code: 'R2', date: '2019-06-04', ...PASS },
    key: ['R1', '2019-06-03'],
  },
  equipment: {
    stored: { unit_code: 'R1', item: 'computer', quantity: 1, as_of: '2019-06-03' },
    changed: { unit_code: 'R1', item: 'computer', quantity: 2, as_of: '2019-06-03' },
    added: { unit_code: 'R2', item: 'computer', quantity: 1, as_of: '2019-06-04' },
    key: ['R1', 'computer', '2019-06-03'],
  },
  funds: {
    stored: {
      ref: 'F1',
      kind: 'allocation',
      date: '2019-06-03',
      recipient_code: 'K',
      amount: '1000.00',
      purpose: 'rooms',
    },
    changed: {
      ref: 'F1',
      kind: 'allocation',
      date: '2019-06-03',
      recipient_code: 'K',
      amount: '2000.00',
      purpose: 'rooms',
    },
    added: {
      ref: 'F2',
      kind: 'disbursement',
      date: '2019-06-04',
      recipient_code: 'T',
      amount: '500.00',
      purpose: 'rooms',
    },
    key: ['F1'],
  },
};

const ROWS: Rows = {
  ...TINY,
  patrols: [{ code: 'PT1', name: 'Patrol', unit_code: 'R1', kind: 'full_time', members: 10 }],
  ...Object.fromEntries(Object.entries(KINDS).map(([kind, k]) => [kind, [k.stored]])),
};

function csv(rows: Row[]): Buffer {
  const columns = Object.keys(rows[0]);
  const cell = (v: string | number | null) => (v === null ? '' : String(v));
  return Buffer.from(
    [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n',
  );
}

async function outpost(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

for (const engine of ENGINES) {
  describe(`periods: what a lock refuses on ${engine}`, () => {
    let db: Database;
    let url: string;
    let app: FastifyInstance;
    let headers: { authorization: string };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-lock-'));

    beforeAll(async () => {
      url = await freshDatabaseUrl(engine);
      db = await openDatabase(url);
      await load(db, ROWS);
      const ctx = createContext(db);
      app = await buildApp(ctx, { web: false, access: { publicAggregates: false, requireAdminTotp: false } });
      headers = await adminHeaders(db);
      await actOnPeriod(ctx, operatorActor('period lock'), 'lock', { month: '2019-06', area: 'K' });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    /** Every table's rows and the history, to show that nothing was written. */
    const written = async () => {
      const out: Record<string, unknown[]> = {};
      for (const table of [...Object.keys(KINDS), 'history'] as const)
        out[table] = await db.kysely
          .selectFrom(table as 'history')
          .selectAll()
          .execute();
      return JSON.stringify(out);
    };
    const post = (kind: string, rows: Row[]) =>
      app.inject({ method: 'POST', url: `/api/v1/records/${kind}`, headers, payload: rows });
    const upload = (name: string, body: Buffer) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/imports?name=${name}`,
        payload: body,
        headers: { ...headers, 'content-type': 'application/octet-stream' },
      });

    for (const [kind, k] of Object.entries(KINDS)) {
      it(`refuses a ${kind} row of the locked month by every path, writing nothing`, async () => {
        const before = await written();
        const refusals = [
          await post(kind, [k.added]),
          await post(kind, [k.changed]),
          await upload(`${kind}.csv`, csv([k.added])),
          await upload(`${kind}-changed.csv`, csv([k.changed])),
        ];
        for (const res of refusals) {
          expect(res.statusCode, res.body).toBe(409);
          const error = res.json().error;
          expect(error.message).toMatch(/the period K 2019-06 is locked/);
          expect(error.details[0]).toMatchObject({
            line: expect.anything(),
            reason: expect.stringMatching(/dated in 2019-06/),
          });
        }
        const file = path.join(dir, `${kind}.csv`);
        fs.writeFileSync(file, csv([k.added]));
        const imported = await outpost('import', file, '--db', url);
        expect(imported.code, imported.stderr).toBe(5);
        expect(imported.stderr).toMatch(/the period K 2019-06 is locked/);
        expect(imported.stderr).toMatch(new RegExp(`${kind}\\.csv:2: `));
        const voided = await outpost('void', kind, ...k.key, '--reason', 'entered twice', '--db', url);
        expect(voided.code, voided.stderr).toBe(5);
        expect(voided.stderr).toMatch(/the period K 2019-06 is locked/);
        // The same row again replaces nothing, so it is no write at all: a resent record is harmless.
        const same = await post(kind, [k.stored]);
        expect(same.statusCode, same.body).toBe(201);
        expect(same.json().written).toBe(0);
        expect(await written()).toBe(before);
      });
    }

    it('refuses a row moved out of the locked month, and one moved into it', async () => {
      const before = await written();
      const out = await post('surveys', [{ ...KINDS.surveys.stored, date: '2019-07-01' }]);
      expect(out.statusCode, out.body).toBe(409);
      expect((await post('surveys', [{ ...KINDS.surveys.added, ref: 'Q7', date: '2019-07-02' }])).statusCode).toBe(201);
      const into = await post('surveys', [{ ...KINDS.surveys.added, ref: 'Q7', date: '2019-06-02' }]);
      expect(into.statusCode, into.body).toBe(409);
      const moved = await post('visits', [{ ...KINDS.visits.stored, area_code: 'V3' }]);
      expect(moved.statusCode, moved.body).toBe(409);
      expect(JSON.parse(await written()).surveys).toHaveLength(JSON.parse(before).surveys.length + 1);
    });

    it('places an officer’s record by the posting that contains its date', async () => {
      // B3 is posted in C2's room: its June report is no part of K's period.
      const other = { ref: 'IR3', date: '2019-06-12', badge: 'B3', category: 'security', adopted: 'no' };
      expect((await post('info_reports', [other])).statusCode).toBe(201);
      // B1 is in R2 (K's) from June 11, so a report of July 1 is outside the month and passes too.
      expect((await post('info_reports', [{ ...other, ref: 'IR4', badge: 'B1', date: '2019-07-01' }])).statusCode).toBe(
        201,
      );
    });

    it('leaves the registry, other months and other subtrees writable', async () => {
      const elsewhere = await post('surveys', [{ ...KINDS.surveys.added, ref: 'Q9', area_code: 'V3' }]);
      expect(elsewhere.statusCode, elsewhere.body).toBe(201);
      const posting = await post('officers', [
        {
          badge: 'B3',
          name: 'Three',
          role: 'resident',
          unit_code: 'R3',
          start_date: '2018-01-01',
          end_date: '',
          origin: 'existing',
        },
      ]);
      expect(posting.statusCode, posting.body).toBe(201);
      const room = await post('units', [
        {
          code: 'R2',
          name: 'Room two',
          type: 'rural_office',
          area_code: 'T',
          station_code: 'S1',
          covers: 'V2',
          status: 'closed',
          opened_on: '2015-01-01',
          closed_on: '2019-06-20',
        },
      ]);
      expect(room.statusCode, room.body).toBe(201);
    });

    it('lets a record in once the period is unlocked with a reason', async () => {
      const unlock = await outpost(
        'period',
        'unlock',
        '--month',
        '2019-06',
        '--area',
        'K',
        '--reason',
        'late surveys',
        '--db',
        url,
      );
      expect(unlock.code, unlock.stderr).toBe(0);
      const res = await post('surveys', [KINDS.surveys.added]);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().written).toBe(1);
      const voided = await outpost('void', 'surveys', 'Q1', '--reason', 'entered twice', '--db', url);
      expect(voided.code, voided.stderr).toBe(0);
    });
  });
}
