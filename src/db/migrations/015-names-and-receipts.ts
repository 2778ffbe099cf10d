import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

/**
 * Names and receipts (issue 19): an account's display name, shown wherever the audit trail would
 * say `user:admin`; an issued notice's signer and deadline as chosen when issuing; one receipt
 * per receiving area of an issued notice (the children it ranks), signed for (签收) by that
 * area's manager; and the notice's history of signatures and reminders (催办).
 * No foreign keys, as elsewhere: a restore loads tables in name order.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = sql.raw(engine === 'postgres' ? 'serial' : 'integer');
  await db.schema.alterTable('accounts').addColumn('display_name', 'text').execute();

  await db.schema
    .createTable('notification_receipts')
    .addColumn('notification_id', 'integer', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reminded_on', 'text')
    .addPrimaryKeyConstraint('notification_receipts_pk', ['notification_id', 'area_code'])
    .execute();
  await db.schema
    .createIndex('notification_receipts_area_idx')
    .on('notification_receipts')
    .columns(['area_code', 'signed_at'])
    .execute();

  await db.schema
    .createTable('notification_events')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('notification_id', 'integer', (c) => c.notNull())
    // issue, sign, remind
    .addColumn('action', 'text', (c) => c.notNull())
    // JSON array of the area codes the step concerns (those signed for or chased).
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notification_events_idx').on('notification_events').column('notification_id').execute();
}
