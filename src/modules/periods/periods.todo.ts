/**
 * 待办 of periods (issue 19): the month before this one, when the account's own area is to submit
 * it and has not (period_submit), and each submission below that waits for the account's area
 * to approve it (period_approve); only what the period rules would let the account do now.
 */
import type { TodoItem } from '#core/todo/todo-item.ts';
import type { TodoSource } from '../todo/todo-source.ts';
import { addMonths } from '#core/calendar/month.ts';
import { approverOf, effectiveStatus, isSubmitter, submittersWithin } from '#core/periods/period-chain.ts';
import { chainTree, refusal, storedOf } from './period-rules.ts';
import { ruleContext } from './periods.service.ts';

const dayOfMonth = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

export const periodTodo: TodoSource = async (ctx, q) => {
  const scope = q.actor.scope;
  if (!scope || scope.unit !== null || q.role !== 'manager') return [];
  const month = addMonths(q.today.slice(0, 7), -1);
  const c = await ruleContext(ctx, month);
  const own = scope.area;
  if (!c.tree.areas.has(own)) return [];
  const view = chainTree(c.tree);
  const stored = storedOf(c.entries);
  const status = (code: string) => effectiveStatus(view, stored, c.settings, code);
  const allowed = (action: 'submit' | 'approve', code: string) =>
    refusal(q.actor, action, code, month, null, c) === null;
  const next = addMonths(month, 1);
  const item = (kind: 'period_submit' | 'period_approve', code: string, due: number): TodoItem => ({
    kind,
    key: `${kind}:${code}:${month}`,
    area: code,
    area_name: c.tree.areas.get(code)?.name ?? code,
    month,
    due: dayOfMonth(next, due),
    link: `/periods?month=${month}&area=${encodeURIComponent(code)}`,
  });
  const out: TodoItem[] = [];
  if (isSubmitter(view, c.settings, own) && status(own) === 'open' && allowed('submit', own))
    out.push(item('period_submit', own, c.settings.submit_by_day));
  for (const s of submittersWithin(view, c.settings, own))
    if (s !== own && status(s) === 'submitted' && approverOf(view, c.settings, s) === own && allowed('approve', s))
      out.push(item('period_approve', s, c.settings.approve_by_day));
  return out;
};
