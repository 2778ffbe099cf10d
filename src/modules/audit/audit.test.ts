import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from '../../../test/support/engines.ts';
import { importProvince51 } from '../../../test/support/province-51.ts';
import { sessionHeaders, TEST_PASSWORD } from '../../../test/support/session.ts';
import type { Database } from '../../db/database.ts';
import type { Engine } from '../../db/engine.ts';
import { main } from '../../cli/main.ts';
import { buildApp } from '../../server/app.ts';
import { createContext } from '../app-context.ts';
import { appendAudit, audit } from './audit.repository.ts';
import { verifyChain } from './audit.verify.ts';
import { backup, restore } from '../backup/backup.service.ts';

const WHO = { actor: 'os:test', via: 'test', ip: null };

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) } },
  };
}

async function cli(db: Database, ...args: string[]) {
  const { out, io } = capture();
  const code = await main(['audit', ...args, '--db', db.url], io);
  return { code, ...out };
}

/** What someone with raw access to the database would first have to do to rewrite the log. */
async function dropGuard(db: Database, engine: Engine) {
  if (engine === 'sqlite') {
    await sql`drop trigger audit_log_no_update`.execute(db.kysely);
    await sql`drop trigger audit_log_retention`.execute(db.kysely);
  } else await sql`alter table audit_log disable trigger audit_log_guard`.execute(db.kysely);
}

async function withEntries(engine: Engine, n: number): Promise<Database> {
  const db = await freshDatabase(engine);
  for (let i = 1; i <= n; i++) await audit(db, WHO, { action: 'test.entry', target: `t${i}`, detail: { i } });
  return db;
}

for (const engine of ENGINES) {
  describe(`audit chain on ${engine}`, () => {
    it('stays one unbroken chain under concurrent appends', async () => {
      const db = await freshDatabase(engine);
      try {
        await Promise.all(
          Array.from({ length: 24 }, (_, i) => audit(db, WHO, { action: 'test.concurrent', detail: { i } })),
        );
        const report = await verifyChain(db.kysely, db.keys);
        expect(report).toMatchObject({ intact: true, entries: 24, head: { seq: 24 } });
        const r = await cli(db, 'verify');
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/intact: 24 entries/);
      } finally {
        await db.close();
      }
    });

    it('refuses, in the database itself, to change an entry or delete a young one', async () => {
      const db = await withEntries(engine, 2);
      try {
        await expect(sql`update audit_log set actor = 'os:someone' where id = 1`.execute(db.kysely)).rejects.toThrow(
          /append-only/,
        );
        await expect(sql`delete from audit_log where id = 1`.execute(db.kysely)).rejects.toThrow(
          /younger than 180 days/,
        );
      } finally {
        await db.close();
      }
    });

    it('names the first altered entry when a row is tampered with by raw SQL', async () => {
      const db = await withEntries(engine, 5);
      try {
        await dropGuard(db, engine);
        await sql`update audit_log set actor = 'os:someone-else' where id = 3`.execute(db.kysely);
        const r = await cli(db, 'verify');
        expect(r.code).not.toBe(0);
        expect(r.stderr).toMatch(/broken at entry 3: entry 3 was altered/);
      } finally {
        await db.close();
      }
    });

    it('names a deleted entry, and a cut-off tail', async () => {
      const db = await withEntries(engine, 5);
      try {
        await dropGuard(db, engine);
        await sql`delete from audit_log where id = 2`.execute(db.kysely);
        expect((await cli(db, 'verify')).stderr).toMatch(/broken at entry 2: entry 2 is missing/);
      } finally {
        await db.close();
      }
      const tail = await withEntries(engine, 5);
      try {
        await dropGuard(tail, engine);
        await sql`delete from audit_log where id >= 4`.execute(tail.kysely);
        const r = await cli(tail, 'verify', '--json');
        expect(r.code).toBe(1);
        expect(JSON.parse(r.stdout).broken).toMatchObject({ id: 4 });
      } finally {
        await tail.close();
      }
    });

    it('notices an entry whose hash was recomputed, even with the key, but whose successor still points at the old one', async () => {
      const db = await withEntries(engine, 4);
      try {
        await dropGuard(db, engine);
        const { entryMac } = await import('./canonical.ts');
        const row = await db.kysely.selectFrom('audit_log').selectAll().where('id', '=', 2).executeTakeFirstOrThrow();
        const forged = { ...row, actor: 'os:forger' };
        await sql`update audit_log set actor = ${forged.actor}, hash = ${entryMac(db.keys.audit, row.prev_hash, { ...forged, id: Number(row.id) })} where id = 2`.execute(
          db.kysely,
        );
        expect((await cli(db, 'verify')).stderr).toMatch(/broken at entry 3: entry 3 does not follow entry 2/);
      } finally {
        await db.close();
      }
    });

    it('exports JSON lines, all or since a date, and audits the export', async () => {
      const db = await freshDatabase(engine);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-audit-'));
      try {
        await db.transaction((tx) => appendAudit(tx, WHO, { action: 'test.old' }, new Date('2020-01-01T00:00:00Z')));
        await audit(db, WHO, { action: 'test.new' });
        const all = path.join(dir, 'all.jsonl');
        expect((await cli(db, 'export', '--out', all)).code).toBe(0);
        const lines = fs
          .readFileSync(all, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l));
        expect(lines.map((e) => e.action)).toEqual(['test.old', 'test.new']);
        expect(Object.keys(lines[0]).sort()).toEqual([
          'action',
          'actor',
          'at',
          'detail',
          'hash',
          'id',
          'ip',
          'outcome',
          'prev_hash',
          'target',
          'via',
        ]);
        const since = path.join(dir, 'since.jsonl');
        await cli(db, 'export', '--out', since, '--since', '2021-01-01');
        const recent = fs
          .readFileSync(since, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).action);
        expect(recent).toEqual(['test.new', 'audit.export']);
      } finally {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('prunes only entries past the 180-day retention, and the rest still verifies', async () => {
      const db = await freshDatabase(engine);
      try {
        for (const day of ['2020-01-01', '2020-01-02', '2020-01-03'])
          await db.transaction((tx) => appendAudit(tx, WHO, { action: 'test.old' }, new Date(`${day}T00:00:00Z`)));
        await audit(db, WHO, { action: 'test.new' });
        const young = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
        const refused = await cli(db, 'prune', '--before', young);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toMatch(/kept at least 180 days/);
        const pruned = await cli(db, 'prune', '--before', '2020-01-03');
        expect(pruned.code).toBe(0);
        expect(pruned.stdout).toMatch(/deleted 2 entries/);
        const ids = (await db.kysely.selectFrom('audit_log').select(['id', 'action']).orderBy('id').execute()).map(
          (r) => `${r.id} ${r.action}`,
        );
        expect(ids).toEqual(['3 test.old', '4 test.new', '5 audit.prune']);
        expect((await cli(db, 'verify')).code).toBe(0);
      } finally {
        await db.close();
      }
    });
  });

  describe(`audit trail of the API on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('records who wrote, who read a person, who failed to sign in, and from where', async () => {
      const manager = await sessionHeaders(db, { username: 'county', role: 'manager', area: '510201000000' });
      const row = { ref: 'I1-000119', date: '2019-06-13', badge: '0100007', category: 'dispute', adopted: 'no' };
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/records/info_reports',
            payload: [row],
            headers: manager,
            remoteAddress: '10.3.3.3',
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (await app.inject({ url: '/api/v1/officers/0100007', headers: manager, remoteAddress: '10.3.3.3' })).statusCode,
      ).toBe(200);
      expect((await app.inject({ url: '/api/v1/units/R51020100100001', headers: manager })).statusCode).toBe(200);
      const outside = {
        ...row,
        ref: 'I1-000024',
        date: '2019-06-17',
        badge: '0100002',
        category: 'fraud',
        adopted: 'yes',
      };
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/records/info_reports',
            payload: [outside],
            headers: manager,
          })
        ).statusCode,
      ).toBe(403);
      await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'county', password: 'not the right one' },
        remoteAddress: '10.4.4.4',
      });

      const auditor = await sessionHeaders(db, { username: 'auditor', role: 'auditor' });
      const res = await app.inject({ url: '/api/v1/audit?limit=50', headers: auditor });
      expect(res.statusCode).toBe(200);
      const entries = res.json().items as Record<string, string>[];
      const find = (action: string, outcome = 'ok') =>
        entries.find((e) => e.action === action && e.outcome === outcome);
      expect(find('records.write')).toMatchObject({
        actor: 'user:county',
        target: 'info_reports',
        via: 'POST /api/v1/records/:kind',
        ip: '10.3.3.3',
      });
      expect(find('records.write', 'refused')).toMatchObject({ actor: 'user:county' });
      expect(entries.find((e) => e.action === 'people.read' && e.target === 'officer 0100007')).toMatchObject({
        actor: 'user:county',
        ip: '10.3.3.3',
      });
      expect(JSON.parse(entries.find((e) => e.target === 'unit R51020100100001')!.detail).badges).toContain('0100007');
      expect(find('session.login_failed', 'refused')).toMatchObject({
        actor: 'anonymous',
        target: 'county',
        ip: '10.4.4.4',
      });
      expect(find('session.login')).toMatchObject({ actor: 'user:auditor' });
      expect(entries.every((e) => !JSON.stringify(e).includes(TEST_PASSWORD))).toBe(true);
      expect((await app.inject({ url: '/api/v1/audit/verify', headers: auditor })).json()).toMatchObject({
        intact: true,
      });
    });

    it('is for auditors and admins only', async () => {
      const analyst = await sessionHeaders(db, { username: 'analyst', role: 'analyst' });
      expect((await app.inject({ url: '/api/v1/audit', headers: analyst })).statusCode).toBe(403);
      const admin = await sessionHeaders(db, { username: 'admin', role: 'admin' });
      expect((await app.inject({ url: '/api/v1/audit', headers: admin })).statusCode).toBe(200);
    });

    it('audits an import from the CLI as the operating-system user, in the same transaction', async () => {
      const { io } = capture();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-import-'));
      fs.writeFileSync(
        path.join(dir, 'incidents.csv'),
        'ref,date,area_code,category\nAUD-1,2019-06-02,510101002004,criminal\n',
      );
      try {
        expect(await main(['import', dir, '--db', db.url], io)).toBe(0);
        const entry = await db.kysely
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'import')
          .executeTakeFirstOrThrow();
        expect(entry.actor).toMatch(/^os:/);
        expect(entry.via).toBe('outpost import');
        expect(JSON.parse(entry.detail)).toMatchObject({ written: 1, files: ['incidents.csv'] });
        expect(await main(['void', 'incidents', 'AUD-1', '--reason', 'entered by mistake', '--db', db.url], io)).toBe(
          0,
        );
        expect(
          await db.kysely.selectFrom('audit_log').select('target').where('action', '=', 'void').executeTakeFirst(),
        ).toEqual({ target: 'incidents AUD-1' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

describe('restoring a backup over a database with an audit log', () => {
  for (const engine of ENGINES) {
    it(`replaces the log with the backup's, whose chain still verifies, on ${engine}`, async () => {
      const db = await withEntries(engine, 3);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-backup-')), 'b.jsonl.gz');
      try {
        await backup(db, file);
        await audit(db, WHO, { action: 'test.after-backup' });
        await restore(db, file);
        expect(await verifyChain(db.kysely, db.keys)).toMatchObject({ intact: true, entries: 3 });
        await expect(sql`delete from audit_log where id = 1`.execute(db.kysely)).rejects.toThrow(
          /younger than 180 days/,
        );
      } finally {
        await db.close();
      }
    });
  }
});
