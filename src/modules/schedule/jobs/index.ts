/**
 * The job registry: every job the scheduler runs, in the order a day's jobs run. A job is a file
 * of its own here (see job.ts); add it to JOBS and it is scheduled, caught up, shown to admins
 * and run by `outpost schedule run`.
 *
 * `completeness-reminders` (issue 17) reminds areas whose rooms have not reported, the days of
 * `completeness_reminder_days` before the reporting deadline (event `completeness.reminder`).
 *
 * Extension points left for the issues that build on this one, each a reminder job made with
 * `reminderJob` (reminder.ts) and its event added to the catalogue (channels/events.ts):
 * - issue 17: `completeness-reminders` (completeness-reminders.job.ts, done) — areas whose rooms
 *   have not reported, N days before the reporting deadline (event `completeness.reminder`);
 * - issue 18: `period-reminders` (period-reminders.job.ts, done) — periods not submitted or not
 *   approved by their deadlines (event `period.reminder`);
 * - issue 19: `receipt-reminders` (receipt-reminders.job.ts, done) — notices not yet signed for
 *   (签收), the days of `receipt_reminder_days` after issue (event `receipt.reminder`).
 */
import type { Job } from '../job.ts';
import { backupJob } from './backup.job.ts';
import { notificationDraftJob } from './notification-draft.job.ts';
import { qualityDigestJob } from './quality-digest.job.ts';
import { taskEscalationJob } from './task-escalation.job.ts';
import { taskRemindersJob } from './task-reminders.job.ts';
import { completenessRemindersJob } from './completeness-reminders.job.ts';
import { periodRemindersJob } from './period-reminders.job.ts';
import { receiptRemindersJob } from './receipt-reminders.job.ts';

export const JOBS: Job[] = [
  backupJob,
  notificationDraftJob,
  taskRemindersJob,
  taskEscalationJob,
  completenessRemindersJob,
  periodRemindersJob,
  receiptRemindersJob,
  qualityDigestJob,
];
