/**
 * Import jobs on both engines (SPEC §5 "Uploads"): a checked job confirmed by its id without a
 * second upload; an import held inside its transaction after its rows are merged while another
 * account reads the figures from before it; a job queued behind a writing one, its place shown,
 * cancelled; a scoped account held to one job at a time; a checked job expiring; an officer's
 * small gzip refused by the officer's unpacked limit; a restart marking
 * a job that was writing failed. Holding is done with hooks that wait on promises, never sleeps.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { mergeHooks } from '../src/modules/imports/import.service.ts';
import { jobHooks, recoverImportJobs } from '../src/modules/imports/import-jobs.service.ts';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { adminHeaders, sessionHeaders } from './support/session.ts';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-jobs-test-'));
process.env.TMPDIR = TMP;

const SURVEYS = 'ref,date,area_code,knows_officer,satisfaction,channel';
const VILLAGES = ['510201001001', '510201001002', '510201002001'];
const surveys = (tag: string, n: number, satisfaction = 1) =>
  Buffer.from(
    [
      SURVEYS,
      ...Array.from(
        { length: n },
        (_, i) => `${tag}-${i},2019-06-0${1 + (i % 9)},${VILLAGES[i % 3]},no,${satisfaction},door`,
      ),
    ].join('\n') + '\n',
  );

/** A promise and the function that settles it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

/**
 * Holds the next import that reaches the test hook `name` there: `reached` once it is held,
 * `release` to let it go on. The hook is taken off as it is reached, so it holds one import.
 */
function holdAt<K extends string>(
  hooks: Partial<Record<K, () => Promise<void>>>,
  name: K,
): { reached: Promise<void>; release: () => void } {
  const reached = gate();
  const release = gate();
  hooks[name] = async () => {
    delete hooks[name];
    reached.open();
    await release.wait;
  };
  return { reached: reached.wait, release: release.open };
}

for (const engine of ENGINES) {
  describe(`import jobs on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let admin: Record<string, string>;
    let analyst: Record<string, string>;
    let officer: Record<string, string>;
    let otherAdmin: Record<string, string>;
    let manager: Record<string, string>;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      app = await buildApp(createContext(db), { web: false });
      admin = await adminHeaders(db);
      analyst = await sessionHeaders(db, { username: 'analyst', role: 'analyst' });
      officer = await sessionHeaders(db, { username: 'officer', role: 'officer', badge: '0100007' });
      otherAdmin = await adminHeaders(db, 'other-admin');
      manager = await sessionHeaders(db, { username: 'manager', role: 'manager', area: '510201000000' });
    });
    afterEach(() => {
      vi.useRealTimers();
      delete mergeHooks.afterMerge;
      delete mergeHooks.staged;
      delete jobHooks.onTurn;
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    const upload = (headers: Record<string, string>, name: string, body: Buffer, query = '') =>
      app.inject({
        method: 'POST',
        url: `/api/v1/imports?name=${encodeURIComponent(name)}${query}`,
        payload: body,
        headers: { ...headers, 'content-type': 'application/octet-stream' },
      });
    const job = (headers: Record<string, string>, id: number, action = '') =>
      app.inject({ method: action ? 'POST' : 'GET', url: `/api/v1/imports/${id}${action}`, headers });
    const count = async (prefix: string) =>
      Number(
        (
          await db.kysely
            .selectFrom('surveys')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('ref', 'like', `${prefix}%`)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const spools = () => fs.readdirSync(TMP).filter((f) => f.startsWith('outpost-upload-'));

    it('confirms a checked job by its id, from the stored file, without a second upload', async () => {
      const checked = await upload(admin, 'surveys.csv', surveys('CONF', 40), '&dry_run=true');
      expect(checked.statusCode, checked.body).toBe(200);
      const id = checked.json().job_id as number;
      expect(checked.json()).toMatchObject({ dry_run: true, written: 40, import_id: null });
      expect(await count('CONF-')).toBe(0);
      expect(spools()).toHaveLength(1);
      const shown = await job(admin, id);
      expect(shown.json()).toMatchObject({ id, phase: 'checked', rows: 40, name: 'surveys.csv', error: null });
      expect(shown.json().expires_at).not.toBeNull();
      // Another account's job does not exist for it.
      expect((await job(otherAdmin, id)).statusCode).toBe(404);

      const confirmed = await job(admin, id, '/confirm');
      expect(confirmed.statusCode, confirmed.body).toBe(201);
      expect(confirmed.json()).toMatchObject({ job_id: id, dry_run: false, written: 40 });
      expect(await count('CONF-')).toBe(40);
      expect((await job(admin, id)).json()).toMatchObject({ phase: 'done', rows: 40 });
      expect(spools()).toEqual([]);
      const twice = await job(admin, id, '/confirm');
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error).toMatchObject({ code: 'import_job_wrong_phase', params: { job: id, phase: 'done' } });
    });

    it('lets another account read the figures from before an import held inside its merge', async () => {
      const url = '/api/v1/indicators?month=2019-06&area=510201000000&scheme=performance';
      const before = await app.inject({ method: 'GET', url, headers: analyst });
      expect(before.statusCode, before.body).toBe(200);
      const merged = holdAt(mergeHooks, 'afterMerge');
      const writing = upload(admin, 'surveys.csv', surveys('HELD', 300, 1));
      await merged.reached;
      // Held after its rows are written, before it commits: reads answer what was there.
      const during = await app.inject({ method: 'GET', url, headers: analyst });
      expect(during.statusCode, during.body).toBe(200);
      expect(during.json()).toEqual(before.json());
      const [{ id }] = await db.kysely.selectFrom('import_jobs').select('id').where('phase', '=', 'writing').execute();
      expect((await job(admin, id)).json()).toMatchObject({ phase: 'writing', place: null });
      merged.release();
      expect((await writing).statusCode).toBe(201);
      const after = await app.inject({ method: 'GET', url, headers: analyst });
      expect(after.json()).not.toEqual(before.json());
    });

    it('writes a single posted record while a big import is still reading and checking its file', async () => {
      const staged = holdAt(mergeHooks, 'staged');
      const importing = upload(admin, 'surveys.csv', surveys('BULK', 400));
      await staged.reached;
      // Every row read and checked, the turn to write not yet taken: a record from another
      // account is written and visible meanwhile.
      const posted = await app.inject({
        method: 'POST',
        url: '/api/v1/records/surveys',
        headers: otherAdmin,
        payload: [
          {
            ref: 'SINGLE-1',
            date: '2019-06-03',
            area_code: VILLAGES[0],
            knows_officer: 'yes',
            satisfaction: 1,
            channel: 'door',
          },
        ],
      });
      expect(posted.statusCode, posted.body).toBe(201);
      expect(await count('SINGLE-')).toBe(1);
      expect(await count('BULK-')).toBe(0);
      // The job shows how far it has read: every row, the whole file, before its merge.
      const [{ id }] = await db.kysely.selectFrom('import_jobs').select('id').where('phase', '=', 'writing').execute();
      expect((await job(admin, id)).json()).toMatchObject({
        phase: 'writing',
        rows_read: 400,
        share_read: 1,
        rows: null,
      });
      staged.release();
      const done = await importing;
      expect(done.statusCode, done.body).toBe(201);
      expect(done.json()).toMatchObject({ written: 400 });
      expect([await count('BULK-'), await count('SINGLE-')]).toEqual([400, 1]);
      expect((await job(admin, id)).json()).toMatchObject({ phase: 'done', rows: 400, rows_read: null });
    });

    it('queues a job behind a writing one with its place shown, and cancels it', async () => {
      const turn = holdAt(jobHooks, 'onTurn');
      const first = upload(admin, 'surveys.csv', surveys('FIRST', 5));
      await turn.reached;
      const second = upload(admin, 'surveys.csv', surveys('SECOND', 5), '&dry_run=true');
      let queued: { id: number } | undefined;
      // The second job's row is written before it waits for its turn; find it without a timer.
      while (!queued) {
        queued = await db.kysely
          .selectFrom('import_jobs')
          .select('id')
          .where('phase', '=', 'queued')
          .executeTakeFirst();
        if (!queued) await new Promise((resolve) => setImmediate(resolve));
      }
      expect((await job(admin, queued.id)).json()).toMatchObject({ phase: 'queued', place: 1 });
      const cancelled = await job(admin, queued.id, '/cancel');
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json()).toMatchObject({ phase: 'cancelled', place: null });
      const refused = await second;
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({ code: 'import_job_cancelled', params: { job: queued.id } });
      turn.release();
      expect((await first).statusCode).toBe(201);
      expect(await count('FIRST-')).toBe(5);
      expect(await count('SECOND-')).toBe(0);
      const again = await job(admin, queued.id, '/cancel');
      expect(again.json().error).toMatchObject({ code: 'import_job_wrong_phase', params: { phase: 'cancelled' } });
      expect(spools()).toEqual([]);
    });

    it('expires a checked job not confirmed within the set time, its stored file gone', async () => {
      const checked = await upload(admin, 'surveys.csv', surveys('LATE', 3), '&dry_run=true');
      const id = checked.json().job_id as number;
      expect(spools()).toHaveLength(1);
      // Only the clock moves: 61 minutes on, past the default 60.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61 * 60_000 });
      expect((await job(admin, id)).json()).toMatchObject({ phase: 'expired' });
      const late = await job(admin, id, '/confirm');
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toMatchObject({ code: 'import_job_expired', params: { job: id, minutes: 60 } });
      expect(await count('LATE-')).toBe(0);
      expect(spools()).toEqual([]);
    });

    it('runs one job at a time for an account limited to an area, and lets its new upload replace its checked one', async () => {
      const checked = await upload(manager, 'surveys.csv', surveys('MGR-A', 3), '&dry_run=true');
      expect(checked.statusCode, checked.body).toBe(200);
      const turn = holdAt(jobHooks, 'onTurn');
      const first = upload(manager, 'surveys.csv', surveys('MGR-B', 3));
      await turn.reached;
      // The checked job gave way to the new upload; a third waits for nobody: it is refused.
      expect((await job(manager, checked.json().job_id)).json()).toMatchObject({ phase: 'cancelled' });
      const busy = await upload(manager, 'surveys.csv', surveys('MGR-C', 3));
      expect(busy.statusCode).toBe(409);
      expect(busy.json().error).toMatchObject({ code: 'import_job_busy', params: { phase: 'writing' } });
      turn.release();
      expect((await first).statusCode).toBe(201);
      expect([await count('MGR-A'), await count('MGR-B'), await count('MGR-C')]).toEqual([0, 3, 0]);
      expect(spools()).toEqual([]);
    });

    it("refuses an officer's small gzip that unpacks past the officer's limit, saying the limit", async () => {
      // 21 MiB of one repeated line packs into a few dozen KiB.
      const line = 'V-1,2019-06-01,0100007,510201001001,door\n';
      const big = gzipSync(
        Buffer.from(`ref,date,badge,area_code,method\n${line.repeat(Math.ceil((21 << 20) / line.length))}`),
      );
      expect(big.length).toBeLessThan(1 << 20);
      const res = await upload(officer, 'visits.csv.gz', big);
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().error).toMatchObject({
        code: 'upload_over_role_limit',
        params: { name: 'visits.csv.gz', cap: 20 * 1024 * 1024, role: 'officer' },
      });
      expect(spools()).toEqual([]);
    });

    it("refuses an officer's upload by the limit an admin set in the imports settings, and a limit out of range", async () => {
      const settings = (payload: Record<string, number>, headers = admin) =>
        app.inject({ method: 'PUT', url: '/api/v1/imports/settings', headers, payload });
      const bad = await settings({ officer_unpacked_max: 1 });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('officer_unpacked_max');
      expect((await settings({ officer_unpacked_max: 1 << 20 }, officer)).statusCode).toBe(403);
      const set = await settings({ officer_unpacked_max: 1 << 20 });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toEqual({
        officer_unpacked_max: 1 << 20,
        manager_unpacked_max: 100 << 20,
        confirm_minutes: 60,
      });
      try {
        const line = 'V-1,2019-06-01,0100007,510201001001,door\n';
        const two = gzipSync(Buffer.from(`ref,date,badge,area_code,method\n${line.repeat((2 << 20) / line.length)}`));
        const res = await upload(officer, 'visits.csv.gz', two);
        expect(res.statusCode, res.body).toBe(413);
        expect(res.json().error).toMatchObject({
          code: 'upload_over_role_limit',
          params: { cap: 1 << 20, role: 'officer' },
        });
      } finally {
        expect((await settings({ officer_unpacked_max: 20 << 20 })).statusCode).toBe(200);
      }
      expect((await app.inject({ url: '/api/v1/imports/settings', headers: admin })).json()).toMatchObject({
        officer_unpacked_max: 20 << 20,
      });
    });

    it('marks a job that was writing when the server stopped as failed, nothing of it written', async () => {
      const now = new Date().toISOString();
      const spool = fs.mkdtempSync(path.join(TMP, 'outpost-upload-'));
      const [{ id }] = await db.kysely
        .insertInto('import_jobs')
        .values({
          actor: 'user:test-admin',
          scoped: 0,
          name: 'surveys.csv',
          kind: null,
          bytes: 10,
          spool,
          phase: 'writing',
          dry_run: 0,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .execute();
      expect(await recoverImportJobs(db)).toBe(1);
      const shown = await job(admin, id);
      expect(shown.statusCode, shown.body).toBe(200);
      expect(shown.json()).toMatchObject({
        phase: 'failed',
        error: { code: 'import_job_interrupted', params: { job: id } },
      });
      expect(fs.existsSync(spool)).toBe(false);
    });
  });
}
