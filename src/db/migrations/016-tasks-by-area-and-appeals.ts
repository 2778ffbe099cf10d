import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

/**
 * A rectification task lists its problem indicators in `task_indicators` (one task per lagging
 * area, or one per indicator where a province keeps that); the indicator columns of `tasks` keep
 * the first of them, so older readers still read a task. Every task issued before gets its own
 * indicator as its one row. Appeals (申诉) of a ranked area against its score in a notice, with
 * their evidence files (stored like a task's) and the correction notice that closed them.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = sql.raw(engine === 'postgres' ? 'serial' : 'integer');

  await db.schema
    .createTable('task_indicators')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('target', 'double precision')
    // Consecutive months, up to the task's, in which the area had this problem.
    .addColumn('streak', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_indicators_task_idx').on('task_indicators').columns(['task_id', 'id']).execute();
  await sql`insert into task_indicators (task_id, scheme, indicator, value, target, streak)
    select id, scheme, indicator, value, target, streak from tasks order by id`.execute(db);

  await db.schema
    .createTable('appeals')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('notification_id', 'integer', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // pending, upheld, rejected; an upheld one is closed by a correction notice.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('filed_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('correction_id', 'integer')
    .execute();
  await db.schema
    .createIndex('appeals_notification_idx')
    .on('appeals')
    .columns(['notification_id', 'area_code'])
    .execute();
  await db.schema.createIndex('appeals_status_idx').on('appeals').column('status').execute();

  await db.schema
    .createTable('appeal_evidence')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('appeal_id', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appeal_evidence_appeal_idx').on('appeal_evidence').column('appeal_id').execute();
}
