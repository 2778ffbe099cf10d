/**
 * The weekly data-quality digest (Mondays): for each root area, the counts of the quality report
 * of the month the week ended in — records placed nowhere, empty surveys, villages without
 * surveys, implausible data — announced as `quality.digest`, linking to the full report.
 */
import { addDays } from '../../../shared/clock.ts';
import { eventId, type AnnouncedEvent } from '../../channels/events.ts';
import { writtenMonth } from '../../notifications/document/dates.ts';
import { qualityReport } from '../../quality/quality.service.ts';
import type { Job } from '../job.ts';

export const qualityDigestJob: Job = {
  name: 'quality-digest',
  about: { zh: '每周数据质量摘要', en: 'Weekly data-quality digest' },
  schedule: { cron: '0 7 * * 1' },
  async run(ctx, day) {
    const month = addDays(day, -1).slice(0, 7);
    const tree = await ctx.assessment.areas.tree();
    const roots = [...tree.areas.values()]
      .filter((a) => a.parent_code === null)
      .map((a) => a.code)
      .sort();
    const events: AnnouncedEvent[] = [];
    for (const root of roots) {
      const r = await qualityReport(ctx.assessment, root, month, 1);
      const c = {
        unplaced: r.unplaced.total,
        empty_surveys: r.empty_surveys.total,
        villages_without_surveys: r.villages_without_surveys.total,
        villages: r.villages_without_surveys.villages,
        identical_answers: r.implausible.identical_answers.total,
        busy_days: r.implausible.busy_days.total,
        jumps: r.implausible.jumps.total,
      };
      const issues = c.unplaced + c.empty_surveys + c.identical_answers + c.busy_days + c.jumps;
      const name = tree.areas.get(root)!.name;
      events.push({
        id: eventId('quality.digest', root, day),
        name: 'quality.digest',
        area: root,
        month,
        title: {
          zh: `数据质量周报：${name}${writtenMonth(month, 'zh')}`,
          en: `Weekly data quality: ${name}, ${writtenMonth(month, 'en')}`,
        },
        text: {
          zh: `无法归属的记录${c.unplaced}条，空白问卷${c.empty_surveys}份，无问卷的村（社区）${c.villages_without_surveys}个（共${c.villages}个），答案雷同的单位${c.identical_answers}个，单日走访过多${c.busy_days}次，指标异常跳变${c.jumps}项。`,
          en: `${c.unplaced} records placed nowhere, ${c.empty_surveys} empty surveys, ${c.villages_without_surveys} of ${c.villages} villages without surveys, ${c.identical_answers} units with identical answers, ${c.busy_days} days of implausibly many visits, ${c.jumps} indicators that jumped.`,
        },
        link: `/assessment/quality?area=${encodeURIComponent(root)}&month=${month}`,
        data: { ...c, issues },
      });
    }
    return { events, summary: { month, areas: roots.length } };
  },
};
