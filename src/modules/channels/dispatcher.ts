/**
 * Sends the deliveries that are due, at least once: each channel in parallel and its deliveries
 * one after another, so a slow or failing channel holds up no other. Per delivery: an account's
 * copy waits out its quiet hours; a channel over its pace (the robots allow about 20 a minute)
 * waits for its minute to pass; a failed attempt is tried again with exponential backoff (a
 * robot's refusal for sending too much, after a minute) until MAX_ATTEMPTS, then given up, shown
 * in the delivery log, and sent again only when an admin asks. Every attempt is logged.
 *
 * @example
 *   const report = await dispatch(db);               // what is due now
 *   await dispatch(db, { now: () => later });        // tests move the clock, never wait for it
 */
import type { Database } from '../../db/database.ts';
import { now as clockNow, timeZone } from '../../shared/clock.ts';
import { findAccount } from '../accounts/accounts.repository.ts';
import { RATE_LIMITED_MS, retryDelayMs, triesAgain } from './backoff.ts';
import { channelById, type ChannelRow } from './channels.repository.ts';
import {
  attemptsSince,
  claimDelivery,
  dueDeliveries,
  finishDelivery,
  getDelivery,
  getEvent,
  insertAttempt,
  postpone,
  type DeliveryRow,
} from './deliveries.repository.ts';
import { quietEnd } from './quiet-hours.ts';
import { send, type PersonalTarget, type SendResult } from './transports.ts';

/** How long a process holds a delivery it is sending before another may take it. */
const LEASE_MS = 120_000;
const MINUTE_MS = 60_000;

export interface DispatchOptions {
  now?: () => Date;
  /** At most this many deliveries in one round. */
  limit?: number;
  /** Stops between deliveries once aborted (a closing server). */
  signal?: AbortSignal;
  /** Only these deliveries (a channel's test), when due. */
  only?: number[];
  tz?: string;
}

export interface DispatchReport {
  sent: number;
  /** Failed this time, to be tried again. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
  /** Moved later without an attempt: quiet hours, or a channel at its pace. */
  postponed: number;
  cancelled: number;
}

export async function dispatch(db: Database, options: DispatchOptions = {}): Promise<DispatchReport> {
  const now = options.now ?? clockNow;
  const report: DispatchReport = { sent: 0, retrying: 0, failed: 0, postponed: 0, cancelled: 0 };
  const due = options.only
    ? (await Promise.all(options.only.map((id) => getDelivery(db.kysely, id)))).filter(
        (d): d is DeliveryRow => d !== undefined,
      )
    : await dueDeliveries(db.kysely, now().toISOString(), options.limit ?? 200);
  const byChannel = new Map<number, DeliveryRow[]>();
  for (const d of due) byChannel.set(Number(d.channel_id), [...(byChannel.get(Number(d.channel_id)) ?? []), d]);
  await Promise.all(
    [...byChannel].map(([channelId, rows]) =>
      sendOnChannel(db, channelId, rows, report, { ...options, now, tz: options.tz ?? timeZone() }),
    ),
  );
  return report;
}

async function sendOnChannel(
  db: Database,
  channelId: number,
  rows: DeliveryRow[],
  report: DispatchReport,
  options: DispatchOptions & { now: () => Date; tz: string },
): Promise<void> {
  const k = db.kysely;
  const channel = await channelById(k, channelId);
  for (const [i, row] of rows.entries()) {
    if (options.signal?.aborted) return;
    const id = Number(row.id);
    const at = options.now();
    if (!channel || channel.disabled_at !== null) {
      await finishDelivery(k, id, {
        status: 'cancelled',
        last_error: channel ? 'the channel is disabled' : 'the channel was removed',
      });
      report.cancelled++;
      continue;
    }
    let personal: PersonalTarget | null = null;
    if (row.recipient !== '') {
      const account = await findAccount(k, row.recipient);
      if (!account || account.disabled_at !== null || !(channel.kind === 'email' ? account.email : account.phone)) {
        await finishDelivery(k, id, {
          status: 'cancelled',
          last_error: `${row.recipient} has no ${channel.kind === 'email' ? 'email address' : 'phone'} or is disabled`,
        });
        report.cancelled++;
        continue;
      }
      const quiet = quietEnd(at, account.quiet_from, account.quiet_until, options.tz);
      if (quiet) {
        await postpone(k, id, quiet.toISOString());
        report.postponed++;
        continue;
      }
      personal = { email: account.email, phone: account.phone };
    }
    const free = await paceAllows(db, channel, at);
    if (free !== null) {
      // The channel is at its pace: this and the rest of its deliveries wait for its minute.
      for (const later of rows.slice(i)) await postpone(k, Number(later.id), free.toISOString());
      report.postponed += rows.length - i;
      return;
    }
    if (!(await claimDelivery(k, id, at.toISOString(), new Date(at.getTime() + LEASE_MS).toISOString()))) continue;
    const event = await getEvent(k, row.event_id);
    const result: SendResult = event
      ? await send(channel, event, personal)
      : { ok: false, rateLimited: false, status: null, error: `event ${row.event_id} is missing` };
    await record(db, row, channel, result, options.now(), report);
  }
}

/** null when the channel may send now; else when its oldest attempt of the last minute leaves it. */
async function paceAllows(db: Database, channel: ChannelRow, at: Date): Promise<Date | null> {
  const recent = await attemptsSince(db.kysely, Number(channel.id), new Date(at.getTime() - MINUTE_MS).toISOString());
  if (recent.length < channel.per_minute) return null;
  return new Date(Date.parse(recent[recent.length - channel.per_minute]) + MINUTE_MS);
}

async function record(
  db: Database,
  row: DeliveryRow,
  channel: ChannelRow,
  result: SendResult,
  at: Date,
  report: DispatchReport,
): Promise<void> {
  const id = Number(row.id);
  await db.transaction(async (tx) => {
    await insertAttempt(tx.kysely, {
      delivery_id: id,
      channel_id: Number(channel.id),
      at: at.toISOString(),
      ok: result.ok,
      status_code: result.status,
      error: result.error,
    });
    const attempts = row.attempts + 1;
    if (result.ok) {
      await finishDelivery(tx.kysely, id, { status: 'sent', attempts, sent_at: at.toISOString(), last_error: null });
      report.sent++;
    } else if (triesAgain(attempts)) {
      const wait = result.rateLimited ? RATE_LIMITED_MS : retryDelayMs(attempts);
      await finishDelivery(tx.kysely, id, {
        status: 'pending',
        attempts,
        next_at: new Date(at.getTime() + wait).toISOString(),
        last_error: result.error,
      });
      report.retrying++;
    } else {
      await finishDelivery(tx.kysely, id, { status: 'failed', attempts, last_error: result.error });
      report.failed++;
    }
  });
}
