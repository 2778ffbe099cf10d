/**
 * Access first, in the use case (Immich's requireAccess): before a service reads or writes
 * anything of an area, it asks whether the account's scope reaches that area for what it is
 * about to do. Outside, an area does not exist for the account: the answer is that of an area
 * that does not exist (`area_not_found`), word for word, so that it tells nothing of what lies
 * outside.
 * Which roles may use a route at all is the permission registry's (access.hook.ts).
 *
 * @example
 *   await requireAccess(ctx.areas, scope, 'area.ranking', query.within);
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.ts';
import { scopeOf, type Scope } from './scope.ts';
import { isWithinArea, type TreeView } from '../areas/area-tree.ts';
import type { AreaTreeService } from '../areas/area-tree.service.ts';
import { commandActor, requestActor } from '../audit/audit.actor.ts';
import type { AuditActor } from '../audit/audit.repository.ts';

/** Who a use case acts for: who the audit trail names, and where the account reaches (null: everywhere). */
export interface Actor {
  who: AuditActor;
  scope: Scope | null;
}

/** The signed-in account of a request (the access hook has set its scope). */
export function actorOf(request: FastifyRequest): Actor {
  return { who: requestActor(request), scope: scopeOf(request) };
}

/** The CLI: the operating-system user, province-wide (SPEC §4). */
export function operatorActor(command: string): Actor {
  return { who: commandActor(command), scope: null };
}

/**
 * What a use case does with an area:
 * - `area.figures`: read the aggregate figures of the area (indicators, overview): its subtree
 *   or an area ranked beside its own;
 * - `area.ranking`: read figures of the area's children (rankings, explain, proposals): its
 *   subtree or its parent's;
 * - `area.records`: read or write records, people and units of the area: its subtree only.
 */
export type AccessPermission = 'area.figures' | 'area.ranking' | 'area.records';

/** Throws not_found unless `scope` reaches `area` for `permission`; a province-wide account (null) reaches all. */
export async function requireAccess(
  areas: Pick<AreaTreeService, 'tree'>,
  scope: Scope | null,
  permission: AccessPermission,
  area: string,
): Promise<void> {
  if (!scope) return;
  const tree = await areas.tree();
  if (permission === 'area.records') assertRecordsVisible(tree, scope, area);
  else assertAggregateVisible(tree, scope, area, permission === 'area.figures' ? 'area' : 'children');
}

/** Whether `requireAccess` would let `scope` at `area` (for lists that leave out what it would not). */
export function hasAccess(tree: TreeView, scope: Scope | null, permission: AccessPermission, area: string): boolean {
  if (!scope || !tree.areas.has(area)) return true;
  if (permission === 'area.records') return isWithinArea(tree, area, scope.area);
  return aggregateVisible(tree, scope, area, permission === 'area.figures' ? 'area' : 'children');
}

/**
 * Records, and the people and units they name, exist for a scoped account only inside its
 * subtree (SPEC §4): an area outside it answers 404 like one that does not exist. Unlike the
 * aggregate figures, nothing beside the account's area is visible.
 */
export function assertRecordsVisible(tree: TreeView, scope: Scope | null, code: string): void {
  if (!scope || !tree.areas.has(code)) return;
  if (!isWithinArea(tree, code, scope.area)) throw new AppError('area_not_found', { area: code });
}

/**
 * Aggregate figures are visible for the scope's own subtree and for the areas ranked beside its
 * area (SPEC §4: its parent's ranking, as the notification shows it anyway). `how`:
 * - `area`: the figures of one area (indicators, overview): its subtree or a sibling;
 * - `children`: figures of an area's children (rankings, explain): its subtree or its parent.
 */
export function assertAggregateVisible(
  tree: TreeView,
  scope: Scope | null,
  code: string,
  how: 'area' | 'children',
): void {
  if (!scope || !tree.areas.has(code) || aggregateVisible(tree, scope, code, how)) return;
  throw new AppError('area_not_found', { area: code });
}

/** Whether `assertAggregateVisible` lets the scope see `code`'s figures (`how` as there). */
export function aggregateVisible(tree: TreeView, scope: Scope | null, code: string, how: 'area' | 'children'): boolean {
  if (!scope || isWithinArea(tree, code, scope.area)) return true;
  const parent = tree.areas.get(scope.area)?.parent_code ?? null;
  if (parent === null) return false;
  return how === 'children' ? code === parent : tree.areas.get(code)?.parent_code === parent;
}
