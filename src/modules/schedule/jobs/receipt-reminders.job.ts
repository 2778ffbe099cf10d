/**
 * Receipt reminders (issue 19): the configured days after a notice was issued, each receiving
 * area that has not signed for it (签收) is chased (催办) — recorded in the notice's history as
 * the manual reminder is, and announced as `receipt.reminder`. An area reminded already that day
 * (by hand, or by an earlier run) is left alone, so a second run adds nothing.
 */
import { addDays, timestamp } from '../../../shared/clock.ts';
import { openReceipts, type OpenReceipt } from '../../receipts/receipts.repository.ts';
import { recordReminders } from '../../receipts/receipts.service.ts';
import type { Job } from '../job.ts';

const WHO = { actor: 'job:receipt-reminders', via: 'outpost schedule', ip: null };

export const receiptRemindersJob: Job = {
  name: 'receipt-reminders',
  about: { zh: '通报签收催办', en: 'Notification receipt reminders' },
  schedule: { cron: '0 8 * * *' },
  async run(ctx, day) {
    const events = [];
    const counts: Record<string, number> = {};
    for (const n of [...new Set(ctx.settings.receipt_reminder_days)].sort((a, b) => a - b)) {
      const due = (await openReceipts(ctx.db.kysely, { issuedOn: addDays(day, -n) })).filter(
        (r) => r.reminded_on !== day,
      );
      counts[`${n}d`] = due.length;
      const byNotice = new Map<number, OpenReceipt[]>();
      for (const r of due)
        byNotice.set(Number(r.notification_id), [...(byNotice.get(Number(r.notification_id)) ?? []), r]);
      for (const [id, receipts] of byNotice) {
        const r0 = receipts[0];
        const notice = { id, number: r0.number, area: r0.notice_area, month: r0.month, issued_on: r0.issued_on };
        events.push(
          ...(await ctx.db.transaction((tx) => recordReminders(tx, WHO, notice, receipts, day, timestamp()))),
        );
      }
    }
    return { events, summary: { reminders: counts } };
  },
};
