/**
 * The area tree as plain data (SPEC §1: the tree alone says what contains what): each area by
 * code, its children, its ancestors, and whether one area lies within another. Pure.
 */
import { indexChildren, treeIndex, type ChildrenIndex, type TreeIndex } from '../assessment/domain/index.ts';

export interface AreaInfo {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

export interface Tree {
  areas: Map<string, AreaInfo>;
  children: ChildrenIndex;
  index: TreeIndex;
}

/** The tree of `nodes` (live areas). */
export function treeOf(nodes: readonly AreaInfo[]): Tree {
  return { areas: new Map(nodes.map((n) => [n.code, n])), children: indexChildren(nodes), index: treeIndex(nodes) };
}

/** A view of a tree enough to walk up it. */
export interface TreeView {
  areas: Map<string, { parent_code: string | null }>;
}

/** True when `code` is `root` or below it. */
export function isWithinArea(tree: TreeView, code: string, root: string): boolean {
  for (let c: string | null = code; c; c = tree.areas.get(c)?.parent_code ?? null) if (c === root) return true;
  return false;
}

/** The areas above `code`, from the top down (an area missing from the tree ends the path). */
export function ancestorsOf(tree: Tree, code: string): AreaInfo[] {
  const path: AreaInfo[] = [];
  for (let p = tree.areas.get(code)?.parent_code ?? null; p; p = tree.areas.get(p)?.parent_code ?? null) {
    const a = tree.areas.get(p);
    if (!a) break;
    path.unshift(a);
  }
  return path;
}

/** The direct children of `code`, in the tree's order, with their names. */
export function childrenOf(tree: Tree, code: string): AreaInfo[] {
  return tree.children.childrenOf(code).map((c) => tree.areas.get(c)!);
}
