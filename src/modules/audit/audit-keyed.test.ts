/**
 * Issue 16, finding 10: the audit chain could be rewritten, undetected, by anyone able to write
 * the database who recomputed the hashes. Keyed with an HMAC under a key outside the database,
 * a rewrite shows; the chain an older Outpost wrote is carried over and still verifies.
 */
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, freshDatabaseUrl } from '../../../test/support/engines.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import type { Engine } from '../../db/engine.ts';
import type { DB } from '../../db/schema.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { main } from '../../cli/main.ts';
import { audit } from './audit.repository.ts';
import { entryHash, type AuditFields } from './canonical.ts';

const WHO = { actor: 'os:test', via: 'test', ip: null };

async function verify(db: Database): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
  };
  const code = await main(['audit', 'verify', '--json', '--db', db.url], io);
  return { code, ...out };
}

async function dropGuard(db: Kysely<DB>, engine: Engine): Promise<void> {
  if (engine === 'sqlite') {
    await sql`drop trigger audit_log_no_update`.execute(db);
    await sql`drop trigger audit_log_retention`.execute(db);
  } else await sql`alter table audit_log disable trigger audit_log_guard`.execute(db);
}

/**
 * What someone who can write the database does: change entry `from`, recompute the SHA-256 of it
 * and every entry after it, and move the recorded head, so that every hash holds again.
 */
async function rewriteFrom(db: Kysely<DB>, from: number, actor: string, through?: number): Promise<void> {
  const rows = await db.selectFrom('audit_log').selectAll().where('id', '>=', from).orderBy('id').execute();
  let prev = rows[0].prev_hash;
  for (const row of rows) {
    if (through !== undefined && Number(row.id) > through) break;
    const fields: AuditFields = { ...row, id: Number(row.id), actor: row.id === from ? actor : row.actor };
    const hash = entryHash(prev, fields);
    await sql`update audit_log set actor = ${fields.actor}, prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`.execute(
      db,
    );
    prev = hash;
  }
  if (through === undefined) await sql`update audit_chain set last_hash = ${prev} where id = 1`.execute(db);
}

/** A database as Outpost left it before its chain was keyed: migrations up to 008, SHA-256 entries. */
async function olderDatabase(engine: Engine, entries: number): Promise<string> {
  const url = await freshDatabaseUrl(engine);
  const db = await openDatabase(url, { migrate: false });
  try {
    await migrateToLatest(db.kysely as Kysely<unknown>, engine, db.keys, '008-schedule-and-channels');
    let prev = '0'.repeat(64);
    for (let id = 1; id <= entries; id++) {
      const fields: AuditFields = {
        id,
        at: `2024-01-0${id}T00:00:00.000Z`,
        actor: 'os:root',
        action: 'test.before-keys',
        target: `t${id}`,
        via: 'outpost test',
        ip: null,
        outcome: 'ok',
        detail: '{}',
      };
      const hash = entryHash(prev, fields);
      await db.kysely
        .insertInto('audit_log')
        .values({ ...fields, prev_hash: prev, hash })
        .execute();
      prev = hash;
    }
    await sql`update audit_chain set last_seq = ${entries}, last_hash = ${prev} where id = 1`.execute(db.kysely);
  } finally {
    await db.close();
  }
  return url;
}

for (const engine of ENGINES) {
  describe(`the keyed audit chain on ${engine}`, () => {
    it('shows a chain rewritten from an entry on by someone who can write the database but not read the key file', async () => {
      const db = await freshDatabase(engine);
      try {
        for (let i = 1; i <= 5; i++) await audit(db, WHO, { action: 'test.entry', target: `t${i}` });
        expect((await verify(db)).code).toBe(0);
        await dropGuard(db.kysely, engine);
        await rewriteFrom(db.kysely, 3, 'os:someone-else');
        const report = await verify(db);
        expect(report.code).not.toBe(0);
        expect(report.stderr).toMatch(/broken at entry 3: entry 3 was altered/);
      } finally {
        await db.close();
      }
    });

    it('carries over the chain an older Outpost wrote, which verifies, and keys what comes after it', async () => {
      const url = await olderDatabase(engine, 4);
      const db = await openDatabase(url);
      try {
        const before = await verify(db);
        expect(before.code).toBe(0);
        expect(JSON.parse(before.stdout)).toMatchObject({ intact: true, entries: 4, keyed_from: 5 });
        await audit(db, WHO, { action: 'test.after-keys' });
        expect(JSON.parse((await verify(db)).stdout)).toMatchObject({ intact: true, entries: 5, keyed_from: 5 });
        // The old entries stay SHA-256, but the key mark pins the last of them: rewriting them shows.
        await dropGuard(db.kysely, engine);
        await rewriteFrom(db.kysely, 2, 'os:someone-else', 4);
        const after = await verify(db);
        expect(after.code).not.toBe(0);
        expect(JSON.parse(after.stdout).broken.reason).toMatch(/entries before it were rewritten|does not follow/);
      } finally {
        await db.close();
      }
    });

    it('refuses to let the mark be moved, so keyed entries cannot pass for old unkeyed ones', async () => {
      const db = await freshDatabase(engine);
      try {
        for (let i = 1; i <= 3; i++) await audit(db, WHO, { action: 'test.entry' });
        await dropGuard(db.kysely, engine);
        await rewriteFrom(db.kysely, 1, 'os:someone-else');
        const row = await db.kysely
          .selectFrom('meta')
          .select('value')
          .where('key', '=', 'keys')
          .executeTakeFirstOrThrow();
        const mark = JSON.parse(row.value) as Record<string, unknown>;
        const chain = await db.kysely.selectFrom('audit_chain').selectAll().executeTakeFirstOrThrow();
        const moved = JSON.stringify({ ...mark, keyed_from: 4, after: chain.last_hash });
        await sql`update meta set value = ${moved} where key = 'keys'`.execute(db.kysely);
        const report = await verify(db);
        expect(report.code).not.toBe(0);
        expect(JSON.parse(report.stdout).broken.reason).toMatch(/mark .* was altered/);
        await sql`delete from meta where key = 'keys'`.execute(db.kysely);
        expect(JSON.parse((await verify(db)).stdout).broken.reason).toMatch(/mark .* is missing/);
      } finally {
        await db.close();
      }
    });

    it('shows entries deleted from the start that no prune accounts for', async () => {
      const db = await freshDatabase(engine);
      try {
        for (let i = 1; i <= 4; i++) await audit(db, WHO, { action: 'test.entry' });
        await dropGuard(db.kysely, engine);
        const second = await db.kysely
          .selectFrom('audit_log')
          .select('hash')
          .where('id', '=', 2)
          .executeTakeFirstOrThrow();
        await sql`delete from audit_log where id <= 2`.execute(db.kysely);
        await sql`update audit_chain set pruned_seq = 2, pruned_hash = ${second.hash} where id = 1`.execute(db.kysely);
        const report = await verify(db);
        expect(report.code).not.toBe(0);
        expect(JSON.parse(report.stdout).broken.reason).toMatch(/no audit.prune entry says it pruned them/);
      } finally {
        await db.close();
      }
    });
  });
}
