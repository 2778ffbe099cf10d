import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

/** The hash the first audit entry chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/** Audit entries younger than this are never deleted (the database refuses it). */
export const AUDIT_RETENTION_DAYS = 180;

/** Accounts, sessions, sign-in attempts and the hash-chained, append-only audit log. */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = sql.raw(engine === 'postgres' ? 'serial' : 'integer');
  await db.schema
    .createTable('accounts')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text')
    .addColumn('badge', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_last_step', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sessions')
    // Only the SHA-256 of the token is kept: a copy of the database opens no session.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sessions_account_idx').on('sessions').column('account_id').execute();
  await db.schema
    .createTable('login_attempts')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // 'ok', 'failed', or 'reset' (an admin's reset ends a run of failures).
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_username_idx').on('login_attempts').columns(['username', 'id']).execute();
  await db.schema.createIndex('login_attempts_at_idx').on('login_attempts').column('at').execute();
  await db.schema
    .createTable('audit_log')
    // The position in the chain, given by audit_chain (no gaps), not by the engine.
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').column('actor').execute();
  // The head of the chain, one row: appending locks it, so concurrent writers never fork the
  // chain, and `audit verify` compares the last entry with it, so a cut-off tail shows.
  await db.schema
    .createTable('audit_chain')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .addColumn('pruned_seq', 'integer', (c) => c.notNull())
    .addColumn('pruned_hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into audit_chain (id, last_seq, last_hash, pruned_seq, pruned_hash) values (1, 0, ${GENESIS_HASH}, 0, ${GENESIS_HASH})`.execute(
    db,
  );
  await guardAuditLog(db, engine);
}

/** The database itself refuses to change an entry, or to delete one younger than the retention. */
export async function guardAuditLog(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const days = AUDIT_RETENTION_DAYS;
  if (engine === 'sqlite') {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
    await sql
      .raw(
        `create trigger audit_log_retention before delete on audit_log
         when old.at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${days} days')
         begin select raise(abort, 'audit entries younger than ${days} days are kept'); end`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `create function audit_log_guard() returns trigger language plpgsql as $$
       begin
         if tg_op = 'UPDATE' then raise exception 'the audit log is append-only'; end if;
         if old.at > to_char((now() at time zone 'utc') - interval '${days} days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') then
           raise exception 'audit entries younger than ${days} days are kept';
         end if;
         return old;
       end $$`,
    )
    .execute(db);
  await sql`create trigger audit_log_guard before update or delete on audit_log
    for each row execute function audit_log_guard()`.execute(db);
}

/** Removes the guard, inside a transaction that puts it back (see withoutAuditGuard). */
export async function unguardAuditLog(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'sqlite') {
    await sql`drop trigger audit_log_no_update`.execute(db);
    await sql`drop trigger audit_log_retention`.execute(db);
  } else {
    await sql`drop trigger audit_log_guard on audit_log`.execute(db);
    await sql`drop function audit_log_guard()`.execute(db);
  }
}
