/**
 * The areas an account sees first (SPEC §5): its scope's root, or, for a province-wide account,
 * the roots of the tree (all of them, when there are several). Its pages open on the first, and
 * `default_month` is judged over them together. An account whose place is unknown (an officer
 * without a posting) has none.
 *
 * @example homeAreas(tree, { area: '220100000000', unit: null, badge: null }) // [长春市]
 */
import type { Scope } from '../accounts/scope.ts';
import type { AreaInfo, Tree } from './area-tree.ts';

export function homeAreas(tree: Tree, scope: Scope | null): AreaInfo[] {
  const codes = scope ? [scope.area] : tree.children.roots;
  return codes.map((code) => tree.areas.get(code)).filter((a): a is AreaInfo => a !== undefined);
}
