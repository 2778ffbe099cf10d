/**
 * The figures of a locked period (SPEC §5), as they stood at the lock: for each scheme, the
 * scheme in force then, every area of the locked subtree with its name, parent, what was placed
 * at it and its total, and every ranking inside it (with its change against the month before).
 * Pure: encoding for storage, decoding, and the month's figures with the locked subtrees frozen
 * and everything else as it stands.
 */
import type { Figures } from '#core/assessment/figures.ts';
import type { RankingRowWithChange } from '#core/assessment/ranking.ts';
import type { Scheme } from '#core/assessment/scheme.ts';
import { rollupIndexed, type TreeIndex, type Totals } from './domain/index.ts';

/** What is placed at each area, and the roll-up over the tree. */
export interface Computed {
  totals: Totals;
  own: { get(code: string): Figures | undefined };
}

/** One area as a snapshot stores it: figures as [n, d, n, d, ...] in the scheme's indicator order. */
type StoredArea = [code: string, name: string, parent: string | null, own: number[] | null, total: number[]];

export interface SnapshotData {
  scheme: Scheme;
  areas: StoredArea[];
  rankings: Record<string, RankingRowWithChange[]>;
}

/** A locked subtree's figures under one scheme, ready to answer from. */
export interface FrozenSubtree {
  root: string;
  scheme: Scheme;
  names: Map<string, string>;
  children: Map<string, string[]>;
  own: Map<string, Figures>;
  totals: Map<string, Figures>;
  rankings: Map<string, RankingRowWithChange[]>;
}

/** The areas of a subtree as the snapshot is taken from them, top-down. */
export interface SnapshotArea {
  code: string;
  name: string;
  parent_code: string | null;
}

export function encodeSnapshot(
  scheme: Scheme,
  areas: readonly SnapshotArea[],
  figures: Computed,
  rankings: Record<string, RankingRowWithChange[]>,
): SnapshotData {
  const names = scheme.indicators.map((d) => d.name);
  const flat = (f: Figures | undefined) => names.flatMap((n) => [f?.[n]?.numerator ?? 0, f?.[n]?.denominator ?? 0]);
  return {
    scheme,
    areas: areas.map((a) => {
      const own = figures.own.get(a.code);
      return [a.code, a.name, a.parent_code, own ? flat(own) : null, flat(figures.totals.get(a.code))];
    }),
    rankings,
  };
}

export function decodeSnapshot(root: string, data: SnapshotData): FrozenSubtree {
  const names = data.scheme.indicators.map((d) => d.name);
  const figures = (flat: number[]): Figures =>
    Object.fromEntries(names.map((n, i) => [n, { numerator: flat[2 * i], denominator: flat[2 * i + 1] }]));
  const out: FrozenSubtree = {
    root,
    scheme: data.scheme,
    names: new Map(),
    children: new Map(),
    own: new Map(),
    totals: new Map(),
    rankings: new Map(Object.entries(data.rankings)),
  };
  for (const [code, name, parent, own, total] of data.areas) {
    out.names.set(code, name);
    if (code !== root && parent !== null) out.children.set(parent, [...(out.children.get(parent) ?? []), code]);
    if (own) out.own.set(code, figures(own));
    out.totals.set(code, figures(total));
  }
  return out;
}

/**
 * The month's figures with each locked subtree frozen: inside one, what its snapshot says (an
 * area added since has nothing); outside, what stands, where an ancestor sums its children as
 * they stand, frozen where locked, so that an explanation still adds up.
 *
 * `frozenRootOf(code)` names the locked subtree `code` lies in (by the tree as it stands).
 */
export function withFrozen(
  index: TreeIndex,
  live: Computed & { own: ReadonlyMap<string, Figures> },
  scheme: Scheme,
  subtrees: ReadonlyMap<string, FrozenSubtree>,
  frozenRootOf: (code: string) => string | null,
): Computed {
  const input = new Map<string, Figures>();
  for (const [code, f] of live.own) if (frozenRootOf(code) === null) input.set(code, f);
  for (const [root, frozen] of subtrees) input.set(root, frozen.totals.get(root) ?? {});
  const rolled = rollupIndexed(index, input, scheme);
  const frozenOf = (code: string) => {
    const root = frozenRootOf(code);
    return root === null ? null : subtrees.get(root)!;
  };
  return {
    totals: {
      get: (code) => {
        const f = frozenOf(code);
        return f ? (f.totals.get(code) ?? {}) : rolled.get(code);
      },
    },
    own: {
      get: (code) => {
        const f = frozenOf(code);
        return f ? f.own.get(code) : live.own.get(code);
      },
    },
  };
}

/** A month's locked subtrees by the tree as it stands: their topmost roots, and the root of each area. */
export interface Locks {
  roots: string[];
  rootOf(code: string): string | null;
}

/** The locks of `locked` (areas whose own period is locked) over a tree. */
export function locksOf(
  tree: {
    areas: ReadonlyMap<string, { parent_code: string | null }>;
    children: { childrenOf(code: string): readonly string[] };
  },
  locked: readonly string[],
): Locks {
  const set = new Set(locked.filter((c) => tree.areas.has(c)));
  const hasLockedAncestor = (code: string) => {
    for (let p = tree.areas.get(code)?.parent_code ?? null; p !== null; p = tree.areas.get(p)?.parent_code ?? null)
      if (set.has(p)) return true;
    return false;
  };
  const roots = [...set].filter((c) => !hasLockedAncestor(c));
  const rootOf = new Map<string, string>();
  for (const root of roots) {
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      rootOf.set(queue[i], root);
      queue.push(...tree.children.childrenOf(queue[i]));
    }
  }
  return { roots, rootOf: (code) => rootOf.get(code) ?? null };
}
