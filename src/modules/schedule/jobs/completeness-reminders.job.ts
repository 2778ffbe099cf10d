/**
 * Reminders of rooms that have not reported (SPEC §5 completeness), the configured days before
 * the reporting deadline (day `deadline_day` of the month after): one event per area a notice
 * ranks (the children of the province and of its cities) with open rooms that have not reported
 * the month yet, naming how many, with a link to the list of them.
 */
import { reportingDeadline } from '#core/assessment/completeness.ts';
import { addMonths } from '#core/calendar/month.ts';
import { percent } from '#core/documents/format-cell.ts';
import { writtenMonth } from '../../notifications/document/dates.ts';
import { CompletenessService } from '../../completeness/completeness.service.ts';
import { draftAreas } from './notification-draft.job.ts';
import { reminderJob, type Reminder } from './reminder.ts';

export const completenessRemindersJob = reminderJob({
  name: 'completeness-reminders',
  about: { zh: '未上报警务室提醒', en: 'Rooms not yet reporting' },
  event: 'completeness.reminder',
  cron: '0 9 * * *',
  daysBefore: (s) => s.completeness_reminder_days,
  async find(ctx, deadline, n) {
    const completeness = new CompletenessService(ctx.assessment);
    const { deadline_day } = await completeness.settings();
    const month = addMonths(deadline.slice(0, 7), -1);
    if (reportingDeadline(month, deadline_day) !== deadline) return [];
    const tree = await ctx.assessment.areas.tree();
    const reminders: Reminder[] = [];
    for (const parent of draftAreas(tree))
      for (const row of await completeness.children(parent, month)) {
        const missing = row.rooms - row.reporting;
        if (missing === 0) continue;
        const rate = row.rate === null ? '—' : percent(row.rate);
        reminders.push({
          key: `${row.code}:${month}`,
          area: row.code,
          month,
          title: {
            zh: `${row.name}尚有${missing}个警务室未上报${writtenMonth(month, 'zh')}工作记录`,
            en: `${row.name}: ${missing} room${missing === 1 ? '' : 's'} yet to report ${writtenMonth(month, 'en')}`,
          },
          text: {
            zh: `${row.name}开放的${row.rooms}个警务室中已有${row.reporting}个上报（${rate}），${missing}个尚无走访、信息报送或熟悉度抽查记录。上报截止${deadline}（还有${n}天），逾期到达的记录计为迟报。`,
            en: `${row.reporting} of the ${row.rooms} open rooms of ${row.name} have reported (${rate}); ${missing} have no visit, info report or familiarity check yet. Records are due by ${deadline} (in ${n} day${n === 1 ? '' : 's'}); those arriving later count as late.`,
          },
          link: `/completeness?area=${encodeURIComponent(row.code)}&month=${month}`,
          data: { rooms: row.rooms, reporting: row.reporting, missing, rate: row.rate },
        });
      }
    return reminders;
  },
});
