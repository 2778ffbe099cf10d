import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

/**
 * Settings stored as data, issued notifications (immutable once written), the responsible
 * leaders of areas, and the supervision tasks made from a notification's problems, with their
 * events and evidence files. No foreign keys: a restore loads tables in name order, and the
 * repositories keep the references.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = sql.raw(engine === 'postgres' ? 'serial' : 'integer');
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    // JSON of the whole setting; defaults live in code, a row overrides them.
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    // A correction names the notice it supersedes; each notice is corrected at most once.
    .addColumn('corrects_id', 'integer', (c) => c.unique())
    .addColumn('correction_reason', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('notifications_issuer_seq', ['area_code', 'year', 'seq'])
    .execute();
  await db.schema
    .createIndex('notifications_area_month_idx')
    .on('notifications')
    .columns(['area_code', 'month'])
    .execute();
  await guardUpdates(
    db,
    engine,
    'notifications',
    'an issued notification cannot be changed; issue a correction that references it',
  );

  await db.schema
    .createTable('leaders')
    .addColumn('area_code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('notification_id', 'integer', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('target', 'double precision')
    // Consecutive months, up to this one, in which the area had this problem.
    .addColumn('streak', 'integer', (c) => c.notNull())
    .addColumn('previous_task_id', 'integer')
    .addColumn('leader_name', 'text')
    .addColumn('leader_title', 'text')
    .addColumn('leader_phone', 'text')
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_notification_idx').on('tasks').column('notification_id').execute();
  await db.schema.createIndex('tasks_area_idx').on('tasks').columns(['area_code', 'scheme', 'indicator']).execute();
  await db.schema.createIndex('tasks_status_deadline_idx').on('tasks').columns(['status', 'deadline']).execute();

  await db.schema
    .createTable('task_events')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    // created, status, comment, evidence, carried, withdrawn
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('body', 'text')
    .execute();
  await db.schema.createIndex('task_events_task_idx').on('task_events').columns(['task_id', 'id']).execute();

  await db.schema
    .createTable('task_evidence')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    // Relative to the evidence folder; files are named by their SHA-256.
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_evidence_task_idx').on('task_evidence').column('task_id').execute();
}

/**
 * The database itself refuses to change a row of `table`. Deleting stays possible because a
 * restore empties every table before loading a backup; nothing else deletes.
 */
async function guardUpdates(db: Kysely<unknown>, engine: Engine, table: string, message: string): Promise<void> {
  if (engine === 'sqlite') {
    await sql
      .raw(`create trigger ${table}_no_update before update on ${table} begin select raise(abort, '${message}'); end`)
      .execute(db);
    return;
  }
  await sql
    .raw(
      `create function ${table}_guard() returns trigger language plpgsql as $$
       begin raise exception '${message}'; end $$`,
    )
    .execute(db);
  await sql
    .raw(`create trigger ${table}_guard before update on ${table} for each row execute function ${table}_guard()`)
    .execute(db);
}
