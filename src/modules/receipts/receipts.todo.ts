/**
 * 待办 of receipts: each standing notice that the account's own area has not signed for (签收),
 * due on the day the first scheduled reminder would chase it.
 */
import type { TodoSource } from '../todo/todo-source.ts';
import { isRole, roleHolds } from '#core/accounts/permissions.ts';
import { addDays } from '../../shared/clock.ts';
import { loadScheduleSettings } from '../schedule/schedule.settings.ts';
import { openReceipts } from './receipts.repository.ts';

export const receiptTodo: TodoSource = async (ctx, q) => {
  const scope = q.actor.scope;
  if (!scope || scope.unit !== null || !isRole(q.role) || !roleHolds(q.role, 'notifications:write')) return [];
  const open = await openReceipts(ctx.db.kysely, { areas: [scope.area] });
  if (open.length === 0) return [];
  const days = (await loadScheduleSettings(ctx.db.kysely)).receipt_reminder_days;
  const within = days.length ? Math.min(...days) : null;
  return open.map((r) => ({
    kind: 'notice_sign' as const,
    key: `notice_sign:${r.notification_id}:${r.area_code}`,
    area: r.area_code,
    area_name: r.area_name ?? r.area_code,
    month: r.month,
    due: within === null ? null : addDays(r.issued_on, within),
    link: `/notifications/${r.notification_id}`,
  }));
};
