/** What issuing a notice announces to its receiving areas (kept apart from receipts.service.ts, which reads notices). */
import type { Tx } from '../../db/database.ts';
import { now } from '../../shared/clock.ts';
import { announce } from '../channels/announce.ts';
import { eventId, type AnnouncedEvent } from '../channels/events.ts';

/** A notice as its events name it. */
export interface AnnouncedNotice {
  id: number;
  number: string;
  month: string;
  issued_on: string;
}

/**
 * The events of a notice just issued: one `receipt.requested` per receiving area, the new
 * `notice_sign` item of its 待办, announced in the issuing transaction (ids stable per notice and area).
 */
export async function announceReceipts(
  tx: Tx,
  notice: AnnouncedNotice,
  areas: { code: string; name: string }[],
  day: string,
): Promise<void> {
  const events: AnnouncedEvent[] = areas.map((a) => ({
    id: eventId('receipt.requested', notice.id, a.code),
    name: 'receipt.requested',
    area: a.code,
    month: notice.month,
    title: { zh: `待签收通报：${notice.number}`, en: `Notification to sign for: ${notice.number}` },
    text: {
      zh: `${notice.issued_on}印发的通报${notice.number}已送达${a.name}，请签收。`,
      en: `Notification ${notice.number}, issued on ${notice.issued_on}, has reached ${a.name}; please sign for it.`,
    },
    link: `/notifications/${notice.id}`,
    data: { notification: notice.id, number: notice.number, area: a.code, todo: 'notice_sign' },
  }));
  await announce(tx, events, { day, now: now(), runId: null });
}
