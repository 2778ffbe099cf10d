import { AppError } from '../../../shared/errors.ts';
import type { Figures } from '#core/assessment/figures.ts';
import type { Scheme } from '#core/assessment/scheme.ts';

/** The part of an area that the tree needs. `parent_code` is null for a root. */
export interface AreaNode {
  code: string;
  parent_code: string | null;
}

/** The area tree's children lists, built once and read many times. */
export interface ChildrenIndex {
  /** The direct children of `code` in input order; empty for a leaf or an unknown code. */
  childrenOf(code: string): readonly string[];
  /** Nodes whose parent is null or not among the nodes, in input order. */
  readonly roots: readonly string[];
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * Builds the children index of `nodes` in O(n). A node whose parent is not among `nodes` is a
 * root, so a subtree can be indexed on its own. Throws on a duplicate code.
 *
 * @example indexChildren([{ code: 'P', parent_code: null }, { code: 'C', parent_code: 'P' }]).childrenOf('P') // ['C']
 */
export function indexChildren(nodes: readonly AreaNode[]): ChildrenIndex {
  const known = new Set<string>();
  for (const n of nodes) {
    if (known.has(n.code)) throw new AppError('internal_error', { detail: `area ${n.code} appears twice in the tree` });
    known.add(n.code);
  }
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const n of nodes) {
    if (n.parent_code === null || !known.has(n.parent_code)) {
      roots.push(n.code);
      continue;
    }
    const list = children.get(n.parent_code);
    if (list === undefined) children.set(n.parent_code, [n.code]);
    else list.push(n.code);
  }
  return { childrenOf: (code) => children.get(code) ?? NONE, roots };
}

/**
 * Every node's codes ordered so that a parent comes before all of its descendants (breadth
 * first from the roots). Iterative, because a province's tree is too big for the call stack's
 * taste and recursion buys nothing here. Throws when some node is on a cycle (never reached).
 */
export function topDownOrder(nodes: readonly AreaNode[], index: ChildrenIndex): string[] {
  const order: string[] = [...index.roots];
  for (let head = 0; head < order.length; head++) {
    for (const child of index.childrenOf(order[head])) order.push(child);
  }
  if (order.length !== nodes.length) {
    const reached = new Set(order);
    const stuck = nodes.find((n) => !reached.has(n.code));
    throw new AppError('internal_error', { detail: `area ${stuck?.code ?? '?'} is on a cycle of parent codes` });
  }
  return order;
}

/**
 * The total figures of every node: total(node) = own(node) + the sum of its children's totals,
 * for each indicator of `scheme`. O(n) and without recursion. A node missing from `own` (or an
 * indicator missing from its figures) contributes zero; indicators outside `scheme` are ignored.
 * Each returned Figures object is fresh: the caller's `own` is never modified.
 *
 * @example
 * const own = new Map([['C', { x: { numerator: 1, denominator: 2 } }]]);
 * rollup([{ code: 'P', parent_code: null }, { code: 'C', parent_code: 'P' }], own, scheme).get('P')
 * // { x: { numerator: 1, denominator: 2 } } when scheme has one indicator x
 */
export function rollup(
  nodes: readonly AreaNode[],
  own: ReadonlyMap<string, Figures>,
  scheme: Scheme<string>,
): Map<string, Figures> {
  const index = treeIndex(nodes);
  const totals = rollupIndexed(index, own, scheme);
  return new Map(index.order.map((code) => [code, totals.get(code) as Figures]));
}

/** The tree in the form roll-ups need, built once per tree and reused for every month. */
export interface TreeIndex {
  /** Codes, parents before their descendants. */
  order: readonly string[];
  position: ReadonlyMap<string, number>;
  /** Position of each node's parent in `order`, or -1 for a root. */
  parentAt: Int32Array;
}

export function treeIndex(nodes: readonly AreaNode[]): TreeIndex {
  const order = topDownOrder(nodes, indexChildren(nodes));
  const position = new Map<string, number>();
  for (let i = 0; i < order.length; i++) position.set(order[i], i);
  const parentAt = new Int32Array(order.length).fill(-1);
  for (const node of nodes) {
    const p = node.parent_code === null ? undefined : position.get(node.parent_code);
    if (p !== undefined) parentAt[position.get(node.code) as number] = p;
  }
  return { order, position, parentAt };
}

/** Totals of a roll-up, made into Figures only for the nodes asked about. */
export interface Totals {
  get(code: string): Figures | undefined;
}

/** The roll-up of {@link rollup} over a prebuilt index; O(n) typed-array sums, no per-node objects. */
export function rollupIndexed(index: TreeIndex, own: ReadonlyMap<string, Figures>, scheme: Scheme<string>): Totals {
  const names = scheme.indicators.map((d) => d.name);
  const { order, position, parentAt } = index;
  const n = order.length;
  const sums = names.map(() => ({ numerator: new Float64Array(n), denominator: new Float64Array(n) }));
  for (const [code, mine] of own) {
    const i = position.get(code);
    if (i === undefined) continue;
    for (let k = 0; k < names.length; k++) {
      const f = mine[names[k]];
      if (f === undefined) continue;
      sums[k].numerator[i] = f.numerator;
      sums[k].denominator[i] = f.denominator;
    }
  }
  // Bottom-up: walking the top-down order backwards finishes every child before its parent.
  for (let i = n - 1; i >= 0; i--) {
    const p = parentAt[i];
    if (p < 0) continue;
    for (const sum of sums) {
      sum.numerator[p] += sum.numerator[i];
      sum.denominator[p] += sum.denominator[i];
    }
  }
  return {
    get(code) {
      const i = position.get(code);
      if (i === undefined) return undefined;
      const total: Figures = {};
      for (let k = 0; k < names.length; k++)
        total[names[k]] = { numerator: sums[k].numerator[i], denominator: sums[k].denominator[i] };
      return total;
    },
  };
}
