/**
 * An account's own subscriptions: its email address and phone, its quiet hours, and which
 * personal channels bring it which events. It is offered only the events its role may receive
 * (announce.ts also keeps each to its jurisdiction).
 *
 * @example
 *   await setMySubscriptions(db, who, 'manager', { email: 'li@example.cn', subscriptions: [{ channel: 'mail', events: null }] });
 */
import type { Database } from '../../db/database.ts';
import { AppError, coded } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { findAccount, updateAccount, type AccountRow } from '../accounts/accounts.repository.ts';
import { isRole, roleHolds } from '#core/accounts/permissions.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import { listChannels, replaceSubscriptions, subscriptionsOf, type ChannelRow } from './channels.repository.ts';
import { mySubscriptionsBody, type MySubscriptions } from '#core/contracts/channels.schema.ts';
import { EVENT_CATALOGUE, EVENT_NAMES, type EventName } from './events.ts';

/** The events an account's role may receive. */
export function eventsFor(role: string): EventName[] {
  return EVENT_NAMES.filter((e) => isRole(role) && roleHolds(role, EVENT_CATALOGUE[e].permission));
}

/** The events a personal channel offers an account. */
function offered(channel: ChannelRow, allowed: EventName[]): EventName[] {
  const carried = channel.events === null ? null : (JSON.parse(channel.events) as string[]);
  return allowed.filter((e) => carried === null || carried.includes(e));
}

async function account(db: Database, username: string): Promise<AccountRow> {
  const row = await findAccount(db.kysely, username);
  if (!row) throw new AppError('account_not_found', { username });
  return row;
}

export async function mySubscriptions(db: Database, username: string): Promise<MySubscriptions> {
  const me = await account(db, username);
  const allowed = eventsFor(me.role);
  const mine = new Map((await subscriptionsOf(db.kysely, me.id)).map((s) => [Number(s.channel_id), s.events]));
  const channels = (await listChannels(db.kysely)).filter((c) => c.personal === 1 && c.disabled_at === null);
  return {
    email: me.email,
    phone: me.phone,
    quiet_from: me.quiet_from,
    quiet_until: me.quiet_until,
    events: allowed,
    channels: channels
      .map((c) => ({
        name: c.name,
        kind: c.kind as 'email' | 'sms',
        events: offered(c, allowed),
        subscribed: mine.has(Number(c.id)),
        chosen:
          mine.has(Number(c.id)) && mine.get(Number(c.id)) ? (JSON.parse(mine.get(Number(c.id))!) as string[]) : null,
      }))
      .filter((c) => c.events.length > 0),
  };
}

/** Changes what the body names; `subscriptions`, when given, is the whole set. */
export async function setMySubscriptions(
  db: Database,
  who: AuditActor,
  username: string,
  body: unknown,
): Promise<MySubscriptions> {
  const b = validate(mySubscriptionsBody, body);
  await db.transaction(async (tx) => {
    const me = await findAccount(tx.kysely, username);
    if (!me) throw new AppError('account_not_found', { username });
    const patch: Partial<Pick<AccountRow, 'email' | 'phone' | 'quiet_from' | 'quiet_until'>> = {};
    for (const key of ['email', 'phone', 'quiet_from', 'quiet_until'] as const)
      if (b[key] !== undefined) patch[key] = b[key];
    const from = patch.quiet_from !== undefined ? patch.quiet_from : me.quiet_from;
    const until = patch.quiet_until !== undefined ? patch.quiet_until : me.quiet_until;
    if ((from === null) !== (until === null))
      throw new AppError('invalid_input', { issues: [{ at: 'quiet_until', ...coded('quiet_hours_incomplete', {}) }] });
    if (Object.keys(patch).length > 0) await updateAccount(tx, me.id, patch);
    let channels: string[] | undefined;
    if (b.subscriptions) {
      const all = new Map((await listChannels(tx.kysely)).map((c) => [c.name, c]));
      const allowed = eventsFor(me.role);
      const rows = b.subscriptions.map((s, i) => {
        const c = all.get(s.channel);
        if (!c || c.personal !== 1 || c.disabled_at !== null)
          throw new AppError('invalid_input', {
            issues: [
              { at: `subscriptions.${i}.channel`, ...coded('channel_not_subscribable', { channel: s.channel }) },
            ],
          });
        const offer = offered(c, allowed);
        const outside = (s.events ?? []).filter((e) => !offer.includes(e as EventName));
        if (outside.length > 0)
          throw new AppError('invalid_input', {
            issues: [
              {
                at: `subscriptions.${i}.events`,
                ...coded('events_not_offered', { channel: s.channel, events: outside }),
              },
            ],
          });
        const contact = c.kind === 'email' ? (patch.email ?? me.email) : (patch.phone ?? me.phone);
        if (!contact)
          throw new AppError('invalid_input', {
            issues: [
              {
                at: `subscriptions.${i}.channel`,
                ...coded('contact_required', { channel: s.channel, email: c.kind === 'email' }),
              },
            ],
          });
        return { channel_id: Number(c.id), events: s.events ? JSON.stringify([...new Set(s.events)].sort()) : null };
      });
      await replaceSubscriptions(tx.kysely, me.id, rows, new Date().toISOString());
      channels = b.subscriptions.map((s) => s.channel);
    }
    // The audit says what changed, not the address or number itself.
    await appendAudit(tx, who, {
      action: 'subscriptions.update',
      target: username,
      detail: { changed: Object.keys(patch).sort(), ...(channels ? { channels } : {}) },
    });
  });
  return mySubscriptions(db, username);
}
