/**
 * The draft notification of the month (SPEC §5): on day `draft_day` of month M+1, the draft of M
 * for each root area and each area whose children a notice ranks below it (the province and its
 * cities), announced as `notification.drafted`. A draft is computed, never stored; an area whose
 * notice of M was issued already gets none.
 */
import { previousMonth } from '../../assessment/month.ts';
import { eventId, type AnnouncedEvent } from '../../channels/events.ts';
import { writtenMonth } from '../../notifications/document/dates.ts';
import { NotificationsService } from '../../notifications/notifications.service.ts';
import { currentNotification } from '../../notifications/notifications.repository.ts';
import type { Tree } from '../../areas/area-tree.ts';
import type { Job } from '../job.ts';

/** Root areas and their children that have children of their own, in code order. */
export function draftAreas(tree: Tree): string[] {
  const roots = [...tree.areas.values()]
    .filter((a) => a.parent_code === null)
    .map((a) => a.code)
    .sort();
  const out: string[] = [];
  for (const root of roots) {
    if (tree.children.childrenOf(root).length > 0) out.push(root);
    for (const child of [...tree.children.childrenOf(root)].sort())
      if (tree.children.childrenOf(child).length > 0) out.push(child);
  }
  return out;
}

export const notificationDraftJob: Job = {
  name: 'notification-draft',
  about: { zh: '月度通报草稿', en: "The month's draft notification" },
  schedule: { monthDay: (s) => s.draft_day, at: '08:00' },
  async run(ctx, day) {
    const month = previousMonth(day.slice(0, 7));
    const tree = await ctx.assessment.areas.tree();
    const service = new NotificationsService(ctx.db, ctx.assessment);
    const events: AnnouncedEvent[] = [];
    let issued = 0;
    for (const area of draftAreas(tree)) {
      if (await currentNotification(ctx.db.kysely, area, month)) {
        issued++;
        continue;
      }
      const zh = await service.draft({ area, month, lang: 'zh', date: day });
      const en = await service.draft({ area, month, lang: 'en', date: day });
      const name = tree.areas.get(area)!.name;
      const lagging = new Set(zh.problems.map((p) => p.area_code)).size;
      const problems = zh.problems.length;
      events.push({
        id: eventId('notification.drafted', area, month),
        name: 'notification.drafted',
        area,
        month,
        title: {
          zh: `${writtenMonth(month, 'zh')}通报草稿已生成：${name}`,
          en: `The draft notification of ${writtenMonth(month, 'en')} is ready: ${name}`,
        },
        text: {
          zh: `《${zh.document.title}》草稿已生成，排名下级地区中有${lagging}个存在问题，共${problems}项，请审阅后签发。`,
          en: `The draft "${en.document.title}" is ready: ${lagging} of the areas ranked have problems, ${problems} in all. Review it and issue it.`,
        },
        link: `/notifications?area=${encodeURIComponent(area)}&month=${month}`,
        data: { title: { zh: zh.document.title, en: en.document.title }, lagging_areas: lagging, problems },
      });
    }
    return { events, summary: { month, drafted: events.length, already_issued: issued } };
  },
};
