/**
 * The channels' words shared by the server and the admin pages: the events a channel or an
 * account may choose (with the permission needed to receive one), the webhook formats, and the
 * HH:MM of quiet hours.
 */
import type { Permission } from '../accounts/permissions.ts';

export const EVENT_CATALOGUE = {
  'notification.drafted': { permission: 'aggregate:read', about: 'the draft notification of a month is ready' },
  'task.reminder': { permission: 'tasks:read', about: 'a supervision task is due in a few days' },
  'task.escalated': { permission: 'tasks:read', about: 'an overdue supervision task goes to the next level' },
  'completeness.reminder': {
    permission: 'aggregate:read',
    about: "an area's rooms have not all reported the month, a few days before the reporting deadline",
  },
  'period.reminder': {
    permission: 'periods:read',
    about: "a month's period is still to be submitted, or submissions await approval, a few days before the deadline",
  },
  'receipt.requested': {
    permission: 'aggregate:read',
    about: 'a notification was issued to an area, which is to sign for it (签收): a new item of its 待办',
  },
  'receipt.reminder': {
    permission: 'aggregate:read',
    about: 'a receiving area has not yet signed for (签收) an issued notification: a reminder (催办)',
  },
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

/** The bodies a webhook channel is sent in. */
export const WEBHOOK_FORMATS = ['json', 'wecom', 'dingtalk'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** A time of day, HH:MM (quiet hours). */
export const HOUR_MINUTE = /^([01]\d|2[0-3]):[0-5]\d$/;
