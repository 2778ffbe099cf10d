import { AppError } from '../../shared/errors.ts';
import type { Scope } from '../accounts/scope.ts';

interface TreeView {
  areas: Map<string, { parent_code: string | null }>;
}

/** True when `code` is `root` or below it. */
export function isWithinArea(tree: TreeView, code: string, root: string): boolean {
  for (let c: string | null = code; c; c = tree.areas.get(c)?.parent_code ?? null) if (c === root) return true;
  return false;
}

/**
 * Records, and the people and units they name, exist for a scoped account only inside its
 * subtree (SPEC §4): an area outside it answers 404 like one that does not exist. Unlike the
 * aggregate figures, nothing beside the account's area is visible.
 */
export function assertRecordsVisible(tree: TreeView, scope: Scope | null, code: string): void {
  if (!scope || !tree.areas.has(code)) return;
  if (!isWithinArea(tree, code, scope.area))
    throw new AppError('area_not_visible', { area: code, scope: scope.area, how: 'records', parent: null });
}
