/**
 * Announcing events: each is stored once under its stable id (announcing it again adds nothing),
 * and gets one delivery per channel that carries it and per subscribed account that may receive
 * it, all in the caller's transaction. Nothing is sent here: the dispatcher sends, so a slow or
 * failing channel never holds up a job.
 *
 * Who gets an event:
 * - a channel, when enabled, choosing the event (or every event), and limited to no area or to an
 *   area whose subtree holds the event's area (an event of no area goes to unlimited channels);
 * - an account subscribed to a personal channel that gets it, choosing the event (or all), whose
 *   role gives the event's permission and whose jurisdiction holds its area (an event of no area:
 *   province-wide accounts), with an email address (email) or phone (SMS) to send to.
 */
import type { Kysely } from 'kysely';
import type { Tx } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { isRole, roleHolds } from '#core/accounts/permissions.ts';
import { scopeFor } from '../accounts/scope.ts';
import { ancestorsOf, listChannels, subscribers, type ChannelRow, type SubscriberRow } from './channels.repository.ts';
import { insertDeliveries, insertEvent } from './deliveries.repository.ts';
import { EVENT_CATALOGUE, isEventName, type AnnouncedEvent } from './events.ts';

export interface Target {
  channel_id: number;
  /** '' for the channel's own target, else the account's username. */
  recipient: string;
}

/** A subscriber with the root of its jurisdiction (null: province-wide). */
export type Subscriber = SubscriberRow & { scope_area: string | null };

function parseList(json: string | null): string[] | null {
  return json === null ? null : (JSON.parse(json) as string[]);
}

/** Whether the channel carries an event of this name and area (`ancestors`: the area and those above it). */
export function channelCarries(c: ChannelRow, name: string, ancestors: Set<string> | null): boolean {
  if (c.disabled_at !== null || !isEventName(name)) return false;
  const events = parseList(c.events);
  if (events && !events.includes(name)) return false;
  return c.area_code === null || (ancestors !== null && ancestors.has(c.area_code));
}

/** Every channel and account that gets the event, pure. */
export function targetsOf(
  event: Pick<AnnouncedEvent, 'name' | 'area'>,
  ancestors: Set<string> | null,
  channels: ChannelRow[],
  subs: Subscriber[],
): Target[] {
  const out: Target[] = [];
  const carrying = new Map<number, ChannelRow>();
  for (const c of channels) {
    if (!channelCarries(c, event.name, ancestors)) continue;
    carrying.set(Number(c.id), c);
    const own = c.kind === 'webhook' ? c.url !== null : (parseList(c.recipients) ?? []).length > 0;
    if (own) out.push({ channel_id: Number(c.id), recipient: '' });
  }
  if (!isEventName(event.name)) return out;
  const permission = EVENT_CATALOGUE[event.name].permission;
  for (const s of subs) {
    const c = carrying.get(Number(s.channel_id));
    if (!c || c.personal !== 1) continue;
    const chosen = parseList(s.events);
    if (chosen && !chosen.includes(event.name)) continue;
    if (!isRole(s.role) || !roleHolds(s.role, permission)) continue;
    if (s.scope_area !== null && (ancestors === null || !ancestors.has(s.scope_area))) continue;
    if (!(c.kind === 'email' ? s.email : s.phone)) continue;
    out.push({ channel_id: Number(c.id), recipient: s.username });
  }
  return out;
}

/** The subscribers with their jurisdictions, read once per announcement. */
async function loadSubscribers(db: Kysely<DB>): Promise<Subscriber[]> {
  const out: Subscriber[] = [];
  for (const s of await subscribers(db)) {
    const role = isRole(s.role) ? s.role : 'auditor';
    const scope = await scopeFor(db, { role, area_code: s.area_code, badge: s.badge });
    out.push({ ...s, scope_area: scope?.area ?? null });
  }
  return out;
}

export interface Announced {
  /** Events stored now (those already stored under their ids are left as they were). */
  events: number;
  deliveries: number;
}

/** Stores the events and their deliveries in the caller's transaction. */
export async function announce(
  tx: Tx,
  events: AnnouncedEvent[],
  at: { day: string; now: Date; runId: number | null },
): Promise<Announced> {
  if (events.length === 0) return { events: 0, deliveries: 0 };
  const db = tx.kysely;
  const channels = await listChannels(db);
  const subs = await loadSubscribers(db);
  const now = at.now.toISOString();
  let stored = 0;
  let deliveries = 0;
  for (const e of events) {
    const isNew = await insertEvent(db, {
      id: e.id,
      name: e.name,
      area_code: e.area,
      month: e.month,
      day: at.day,
      job_run_id: at.runId,
      payload: JSON.stringify({ title: e.title, text: e.text, link: e.link, data: e.data }),
      created_at: now,
    });
    if (!isNew) continue;
    stored++;
    const ancestors = e.area ? await ancestorsOf(db, e.area) : null;
    deliveries += await insertDeliveries(
      db,
      targetsOf(e, ancestors, channels, subs).map((t) => ({
        event_id: e.id,
        ...t,
        status: 'pending',
        attempts: 0,
        next_at: now,
        created_at: now,
      })),
    );
  }
  return { events: stored, deliveries };
}
