/**
 * Period reminders (issue 18), the configured days before each deadline of the periods settings:
 * month M is to be submitted by day `submit_by_day` of M+1 — each submitter that has not is
 * reminded — and approved by `approve_by_day` — each approver with submissions waiting is
 * reminded once, naming them. Nothing is said of a period already locked.
 */
import { previousMonth } from '../../assessment/month.ts';
import { periodsOfMonth } from '../../periods/periods.repository.ts';
import { chainTree, storedOf } from '../../periods/period-rules.ts';
import { loadPeriodSettings } from '../../periods/periods.settings.ts';
import { approverOf, effectiveStatus, submittersWithin } from '#core/periods/period-chain.ts';
import { reminderJob, type Reminder } from './reminder.ts';

const plural = (n: number) => (n === 1 ? '' : 's');

export const periodRemindersJob = reminderJob({
  name: 'period-reminders',
  about: { zh: '期间报送、审核提醒', en: 'Period submission and approval reminders' },
  event: 'period.reminder',
  cron: '0 8 * * *',
  daysBefore: (s) => s.period_reminder_days,
  async find(ctx, deadline, n) {
    const settings = await loadPeriodSettings(ctx.db.kysely);
    const day = Number(deadline.slice(8, 10));
    const month = previousMonth(deadline.slice(0, 7));
    if (day !== settings.submit_by_day && day !== settings.approve_by_day) return [];
    const tree = await ctx.assessment.areas.tree();
    const view = chainTree(tree);
    const stored = storedOf(await periodsOfMonth(ctx.db.kysely, month));
    const name = (code: string) => tree.areas.get(code)?.name ?? code;
    const submitters = tree.children.roots.flatMap((root) => submittersWithin(view, settings, root));
    const status = (code: string) => effectiveStatus(view, stored, settings, code);
    const link = (area: string) => `/periods?month=${month}&area=${encodeURIComponent(area)}`;
    const out: Reminder[] = [];
    if (day === settings.submit_by_day)
      for (const area of submitters.filter((c) => status(c) === 'open'))
        out.push({
          key: `submit:${area}:${month}`,
          area,
          month,
          title: { zh: `${month}数据报送提醒：${name(area)}`, en: `Period ${month} to submit: ${name(area)}` },
          text: {
            zh: `${name(area)}${month}的数据须于${deadline}前报送（还有${n}天），目前尚未报送。`,
            en: `${name(area)} is to submit its figures of ${month} by ${deadline} (in ${n} day${plural(n)}); it has not yet.`,
          },
          link: link(area),
          data: { action: 'submit', area },
        });
    if (day === settings.approve_by_day && settings.approve_level !== null) {
      const waiting = new Map<string, string[]>();
      for (const area of submitters.filter((c) => status(c) === 'submitted')) {
        const approver = approverOf(view, settings, area);
        if (approver !== null) waiting.set(approver, [...(waiting.get(approver) ?? []), area]);
      }
      for (const [approver, areas] of waiting) {
        const names = { zh: areas.map(name).join('、'), en: areas.map(name).join(', ') };
        out.push({
          key: `approve:${approver}:${month}`,
          area: approver,
          month,
          title: { zh: `${month}数据审核提醒：${name(approver)}`, en: `Period ${month} to approve: ${name(approver)}` },
          text: {
            zh: `${names.zh}已报送${month}的数据，待${name(approver)}于${deadline}前审核（还有${n}天）。`,
            en: `${names.en} submitted ${month}; ${name(approver)} is to approve by ${deadline} (in ${n} day${plural(n)}).`,
          },
          link: link(approver),
          data: { action: 'approve', area: approver, submitted: areas },
        });
      }
    }
    return out;
  },
});
