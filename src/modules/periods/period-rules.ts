/**
 * Who may move a period, and from which status (SPEC §5, issue 18): the operator's CLI and an
 * admin act on any area; a manager submits within its scope, approves a submission below its
 * own area when that is at or above the approve level, and locks or unlocks when its area is
 * at or above the lock level. The approver is never the submitter; an unlock needs a reason; a
 * month is locked once it is over unless a setting allows earlier. One function answers both
 * the use case (which throws what it returns) and the board (which offers what it allows).
 */
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../accounts/access.ts';
import { isWithinArea, type Tree } from '../areas/area-tree.ts';
import type { PeriodSettings } from '#core/contracts/periods.schema.ts';
import { endOfMonth } from '#core/calendar/month.ts';
import {
  approverOf,
  atOrAbove,
  isSubmitter,
  lockedBy,
  startsFrom,
  transition,
  type PeriodAction,
  type PeriodTree,
  type StoredStatus,
} from '#core/periods/period-chain.ts';
import type { PeriodEntry } from './periods.repository.ts';

/** What the rules read: the tree, the month's stored periods, the settings and today. */
export interface RuleContext {
  tree: Tree;
  entries: ReadonlyMap<string, PeriodEntry>;
  settings: PeriodSettings;
  today: string;
  /** How an actor is shown (display name, else username); the username when not given. */
  show?: (actor: string) => string;
}

/** The area tree as the chain reads it. */
export function chainTree(tree: Tree): PeriodTree {
  return {
    level: (c) => tree.areas.get(c)?.level,
    parent: (c) => tree.areas.get(c)?.parent_code ?? null,
    children: (c) => tree.children.childrenOf(c),
  };
}

export function storedOf(entries: ReadonlyMap<string, PeriodEntry>): StoredStatus {
  return (c) => (entries.get(c)?.status as ReturnType<StoredStatus> | undefined) ?? 'open';
}

/**
 * Why `actor` may not take `action` on (`area`, `month`) now, or null. The area exists and the
 * actor's scope reaches it (the use case asked requireAccess first).
 */
export function refusal(
  actor: Actor,
  action: PeriodAction,
  area: string,
  month: string,
  reason: string | null | undefined,
  c: RuleContext,
): AppError | null {
  const tree = chainTree(c.tree);
  const stored = storedOf(c.entries);
  const chain = c.settings;
  const level = c.tree.areas.get(area)!.level;
  if (action === 'unlock' && !reason?.trim()) return new AppError('period_unlock_reason', {});
  const scope = actor.scope;
  if (scope && (scope.badge !== null || !isWithinArea(c.tree, area, scope.area)))
    return new AppError('period_not_yours', { area, action });
  if (action === 'lock' && !c.settings.lock_before_month_end && c.today <= endOfMonth(month))
    return new AppError('period_month_not_over', { month, last: endOfMonth(month) });
  if ((action === 'submit' || action === 'approve') && !isSubmitter(tree, chain, area))
    return new AppError('period_not_submitter', { area, level, submit_level: chain.submit_level });
  if (scope) {
    const own = c.tree.areas.get(scope.area)?.level ?? 'village';
    if (
      action === 'approve' &&
      (scope.area === area || chain.approve_level === null || !atOrAbove(own, chain.approve_level))
    )
      return new AppError('period_not_approver', {
        area,
        approver: approverOf(tree, chain, area),
        approve_level: chain.approve_level ?? chain.lock_level,
      });
    if ((action === 'lock' || action === 'unlock') && !atOrAbove(own, chain.lock_level))
      return new AppError('period_not_locker', { area, action, lock_level: chain.lock_level });
  }
  const status = stored(area);
  const within = lockedBy(tree, stored, area);
  if (within !== null && within !== area && action !== 'lock')
    return new AppError('period_locked_above', { area, month, action, locked_within: within });
  if (transition(action, status, chain) === null)
    return new AppError('period_status', { area, month, action, status, expected: startsFrom(action) });
  const submitter = c.entries.get(area)?.submitted_by ?? null;
  if (action === 'approve' && submitter === actor.who.actor)
    return new AppError('period_own_submission', { area, month, actor: submitter });
  return null;
}
