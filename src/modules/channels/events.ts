/**
 * What the jobs announce and the channels carry: an event with a stable id (unique per event,
 * the same on every retry and every run), its area and month, and a title and text in both
 * languages. The catalogue names every event a channel or an account may choose, with the
 * permission an account needs to receive it itself.
 *
 * Later jobs add their events here (one line each): `completeness.reminder` (issue 17, rooms that
 * have not reported before the deadline), `period.reminder` (issue 18, submission and approval),
 * `receipt.reminder` (issue 19, 签收).
 *
 * @example
 *   const e: AnnouncedEvent = {
 *     id: 'notification.drafted:220000000000:2019-06', name: 'notification.drafted',
 *     area: '220000000000', month: '2019-06', title: { zh: '…', en: '…' }, text: { zh: '…', en: '…' },
 *     link: '/notifications?area=220000000000&month=2019-06', data: {},
 *   };
 */
import type { Permission } from '../accounts/permissions.ts';

export const EVENT_CATALOGUE = {
  'notification.drafted': { permission: 'aggregate:read', about: 'the draft notification of a month is ready' },
  'task.reminder': { permission: 'tasks:read', about: 'a supervision task is due in a few days' },
  'task.escalated': { permission: 'tasks:read', about: 'an overdue supervision task goes to the next level' },
  'quality.digest': { permission: 'aggregate:read', about: "the week's data-quality digest of a root area" },
  'backup.completed': { permission: 'settings:manage', about: 'the nightly backup was written and read back' },
  'job.failed': { permission: 'settings:manage', about: 'a scheduled job failed' },
} as const satisfies Record<string, { permission: Permission; about: string }>;

export type EventName = keyof typeof EVENT_CATALOGUE;
export const EVENT_NAMES = Object.keys(EVENT_CATALOGUE) as EventName[];

/** Sent only to the channel it tests; never chosen, never subscribed to. */
export const TEST_EVENT = 'channel.test';

export function isEventName(value: string): value is EventName {
  return Object.hasOwn(EVENT_CATALOGUE, value);
}

export type Lang = 'zh' | 'en';
export type Text = Record<Lang, string>;

export interface AnnouncedEvent {
  id: string;
  name: EventName | typeof TEST_EVENT;
  /** The area it concerns; null for the system's own (a backup, a failed job). */
  area: string | null;
  month: string | null;
  title: Text;
  text: Text;
  /** A path of the web app (made absolute with OUTPOST_PUBLIC_URL when set). */
  link: string | null;
  data: Record<string, unknown>;
}

/** An event as stored, with the day its job ran for. */
export interface StoredEvent extends AnnouncedEvent {
  day: string;
  created_at: string;
}

/** The stable id of an event: its name and the parts that make it one, joined by `:`. */
export function eventId(name: string, ...parts: (string | number)[]): string {
  return [name, ...parts].join(':');
}

/** The link as a reader opens it: absolute when the deployment says where it is served. */
export function absoluteLink(link: string | null, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!link) return null;
  const base = env.OUTPOST_PUBLIC_URL?.replace(/\/+$/, '');
  return base ? `${base}${link}` : link;
}
