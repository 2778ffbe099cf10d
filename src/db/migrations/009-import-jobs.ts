import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

/**
 * Import jobs: an upload stored once in a spool folder, checked, kept for its confirmation and
 * written, one writing job at a time per database. The row outlives its spool folder, so that
 * `GET imports/{id}` still answers the job's phase, report and errors once it has ended.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = sql.raw(engine === 'postgres' ? 'serial' : 'integer');
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('actor', 'text', (c) => c.notNull())
    // 1: an account held to a scope (one job at a time, a smaller unpacked size).
    .addColumn('scoped', 'integer', (c) => c.notNull())
    // The file's own name, which says its kind and format; `kind` when the user chose one.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('bytes', 'integer', (c) => c.notNull())
    // The spool folder holding the file until the job ends; null once removed.
    .addColumn('spool', 'text')
    // queued, checking, checked, writing, done, rejected, failed, cancelled, expired
    .addColumn('phase', 'text', (c) => c.notNull())
    // 1: the job checks only and waits for its confirmation.
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    // JSON: the import report of the check or of the write.
    .addColumn('report', 'text')
    // JSON: the refusal {code, params, details} that ended the job.
    .addColumn('error', 'text')
    .addColumn('import_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // A checked job not confirmed by then expires.
    .addColumn('expires_at', 'text')
    .execute();
  await db.schema.createIndex('import_jobs_phase_idx').on('import_jobs').columns(['phase', 'actor']).execute();
}
