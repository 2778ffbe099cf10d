import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

/**
 * The schedule and the channels: one row per job and day (its claim and outcome), the events the
 * jobs announce, the channels that carry them (email, webhooks, an SMS gateway), every delivery
 * of an event to a channel or a subscribed account with each attempt, and the accounts' own
 * subscriptions, contact details and quiet hours. No foreign keys, as elsewhere: a restore loads
 * tables in name order.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = sql.raw(engine === 'postgres' ? 'serial' : 'integer');

  await db.schema
    .createTable('job_runs')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    // running, ok, failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    // schedule, catch-up, command
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('runner', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('error', 'text')
    // The claim: two server processes never run the same job for the same day.
    .addUniqueConstraint('job_runs_job_day', ['job', 'day'])
    .execute();

  await db.schema
    .createTable('events')
    // Stable across retries and runs: `notification.drafted:220000000000:2019-06`.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text')
    .addColumn('month', 'text')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('job_run_id', 'integer')
    // JSON: title and text in each language, a link into the web app, the event's own data.
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_day_idx').on('events').columns(['day', 'name']).execute();

  await db.schema
    .createTable('channels')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    // email, webhook, sms
    .addColumn('kind', 'text', (c) => c.notNull())
    // webhooks: json, wecom, dingtalk
    .addColumn('format', 'text')
    // Secrets live in url (a robot's key or token), smtp_url (the password) and secret
    // (DingTalk's signing secret); no answer or audit entry ever shows them.
    .addColumn('url', 'text')
    .addColumn('smtp_url', 'text')
    .addColumn('secret', 'text')
    .addColumn('mail_from', 'text')
    // JSON array of email addresses or phone numbers.
    .addColumn('recipients', 'text')
    // JSON array of event names; null: every event.
    .addColumn('events', 'text')
    // Only events of this area's subtree; null: everywhere.
    .addColumn('area_code', 'text')
    .addColumn('lang', 'text', (c) => c.notNull())
    // 1: accounts may subscribe to receive its events themselves (email or SMS).
    .addColumn('personal', 'integer', (c) => c.notNull())
    // At most this many messages a minute (the robots allow about 20).
    .addColumn('per_minute', 'integer', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'integer', (c) => c.notNull())
    // '' for the channel's own target; a username for a subscribed account's copy.
    .addColumn('recipient', 'text', (c) => c.notNull())
    // pending, sending, sent, failed (given up)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('deliveries_event_channel_recipient', ['event_id', 'channel_id', 'recipient'])
    .execute();
  await db.schema.createIndex('deliveries_due_idx').on('deliveries').columns(['status', 'next_at']).execute();
  await db.schema.createIndex('deliveries_channel_idx').on('deliveries').columns(['channel_id', 'id']).execute();

  await db.schema
    .createTable('delivery_attempts')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('delivery_id', 'integer', (c) => c.notNull())
    .addColumn('channel_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('delivery_attempts_channel_at_idx')
    .on('delivery_attempts')
    .columns(['channel_id', 'at'])
    .execute();
  await db.schema.createIndex('delivery_attempts_delivery_idx').on('delivery_attempts').column('delivery_id').execute();

  await db.schema
    .createTable('subscriptions')
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('channel_id', 'integer', (c) => c.notNull())
    // JSON array of event names; null: every event the channel carries.
    .addColumn('events', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subscriptions_pk', ['account_id', 'channel_id'])
    .execute();

  // What an account's own deliveries need; a later issue gives accounts a display name too.
  await db.schema.alterTable('accounts').addColumn('email', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('phone', 'text').execute();
  // Quiet hours, HH:MM in OUTPOST_TZ: an account's messages wait until they end.
  await db.schema.alterTable('accounts').addColumn('quiet_from', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('quiet_until', 'text').execute();
}
