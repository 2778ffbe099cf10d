import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

/**
 * Periods (SPEC §5): each (area, month) that ever left `open` has a row with its status and who
 * moved it last at each step; every step is an event (with an unlock's reason). A lock stores
 * the figures of its subtree as they stood, with the scheme in force, one row per scheme, so
 * that the month's indicators, rankings and explanations there stay what they were. An issued
 * notification keeps the rankings it was issued with and which of its areas were locked then.
 * No foreign keys, as elsewhere: a restore loads tables in name order.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = sql.raw(engine === 'postgres' ? 'serial' : 'integer');

  await db.schema
    .createTable('periods')
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    // open, submitted, approved, locked
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('periods_pk', ['area_code', 'month'])
    .execute();
  await db.schema.createIndex('periods_month_status_idx').on('periods').columns(['month', 'status']).execute();

  await db.schema
    .createTable('period_events')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    // submit, approve, lock, unlock
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('period_events_idx').on('period_events').columns(['month', 'area_code']).execute();

  await db.schema
    .createTable('period_snapshots')
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('scheme_version', 'integer', (c) => c.notNull())
    // JSON: the scheme, each area of the subtree with its own and total figures, each ranking.
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('period_snapshots_pk', ['area_code', 'month', 'scheme'])
    .execute();

  await db.schema
    .createTable('notification_figures')
    .addColumn('notification_id', 'integer', (c) => c.primaryKey())
    // JSON: the areas of the notice (the area and its children) whose period was locked at issue.
    .addColumn('locked', 'text', (c) => c.notNull())
    // JSON: per scheme, the ranking rows issued (rank, code, name, composite, lagging, problems).
    .addColumn('rankings', 'text', (c) => c.notNull())
    .execute();
}
