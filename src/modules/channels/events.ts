/**
 * What the jobs announce and the channels carry: an event with a stable id (unique per event,
 * the same on every retry and every run), its area and month, and a title and text in both
 * languages. The catalogue names every event a channel or an account may choose, with the
 * permission an account needs to receive it itself.
 *
 * Later jobs add their events here (one line each): `period.reminder` (issue 18, submission and
 * approval), `receipt.reminder` (issue 19, 签收); `completeness.reminder` (issue 17, rooms that have
 * not reported before the deadline) is in.
 *
 * @example
 *   const e: AnnouncedEvent = {
 *     id: 'notification.drafted:220000000000:2019-06', name: 'notification.drafted',
 *     area: '220000000000', month: '2019-06', title: { zh: '…', en: '…' }, text: { zh: '…', en: '…' },
 *     link: '/notifications?area=220000000000&month=2019-06', data: {},
 *   };
 */
export { EVENT_CATALOGUE, EVENT_NAMES, TEST_EVENT, isEventName, type EventName } from '#core/channels/channel-words.ts';
import type { EventName, TEST_EVENT } from '#core/channels/channel-words.ts';

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
