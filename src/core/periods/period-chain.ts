/**
 * Periods (SPEC §5): a period is (area, month) with a status `open`, `submitted`, `approved` or
 * `locked`. A month goes up the tree: the lowest areas at or above the submit level submit it,
 * an area at or above the approve level approves each submission below it, and an area at or
 * above the lock level locks it for its whole subtree. Which levels take part is a setting (the
 * chain). Everything here is pure, over a view of the area tree, so the server and the board in
 * the browser say the same.
 *
 * @example
 *   effectiveStatus(tree, stored, DEFAULT_CHAIN, 'K') // 'submitted' once county K submitted
 */
import { LEVELS, type Level } from '../kinds/kind.ts';

export const PERIOD_STATUSES = ['open', 'submitted', 'approved', 'locked'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const PERIOD_ACTIONS = ['submit', 'approve', 'lock', 'unlock'] as const;
export type PeriodAction = (typeof PERIOD_ACTIONS)[number];

/** Which levels take part: e.g. counties submit, cities approve, the province locks. */
export interface PeriodChain {
  submit_level: Level;
  /** null: a submission goes to the lock without an approval. */
  approve_level: Level | null;
  lock_level: Level;
}

export const DEFAULT_CHAIN: PeriodChain = { submit_level: 'county', approve_level: 'city', lock_level: 'province' };

/** 0 for the province, 4 for a village: a smaller rank is higher up. */
export function levelRank(level: string): number {
  const i = (LEVELS as readonly string[]).indexOf(level);
  return i < 0 ? LEVELS.length : i;
}

/** True when `level` is `than` or above it. */
export function atOrAbove(level: string, than: string): boolean {
  return levelRank(level) <= levelRank(than);
}

/** What is wrong with a chain, or null: approval above submission, the lock not below either. */
export function chainProblem(chain: PeriodChain): { field: string; level: string; must_be_above: string } | null {
  const { submit_level: s, approve_level: a, lock_level: l } = chain;
  if (a !== null && !(levelRank(a) < levelRank(s))) return { field: 'approve_level', level: a, must_be_above: s };
  if (!atOrAbove(l, a ?? s)) return { field: 'lock_level', level: l, must_be_above: a ?? s };
  return null;
}

/** The part of the area tree the chain needs. */
export interface PeriodTree {
  level(code: string): string | undefined;
  parent(code: string): string | null;
  children(code: string): readonly string[];
}

/** Each area's stored status for one month; an area without a row is open. */
export type StoredStatus = (code: string) => PeriodStatus;

/**
 * An area submits when it is at or above the submit level and none of its children is: the
 * lowest such areas (a county, or a city with townships directly under it).
 */
export function isSubmitter(tree: PeriodTree, chain: PeriodChain, code: string): boolean {
  const level = tree.level(code);
  if (level === undefined || !atOrAbove(level, chain.submit_level)) return false;
  return !tree.children(code).some((c) => atOrAbove(tree.level(c) ?? 'village', chain.submit_level));
}

/** The nearest area above `code` (strictly) at or above `level`, or null. */
export function ancestorAt(tree: PeriodTree, code: string, level: string): string | null {
  for (let p = tree.parent(code); p !== null; p = tree.parent(p))
    if (atOrAbove(tree.level(p) ?? 'village', level)) return p;
  return null;
}

/** `code` itself when at or above `level`, else the nearest ancestor that is. */
export function selfOrAncestorAt(tree: PeriodTree, code: string, level: string): string | null {
  return atOrAbove(tree.level(code) ?? 'village', level) ? code : ancestorAt(tree, code, level);
}

/** Who approves a submitter's period: the nearest area above it at or above the approve level. */
export function approverOf(tree: PeriodTree, chain: PeriodChain, submitter: string): string | null {
  return chain.approve_level === null ? null : ancestorAt(tree, submitter, chain.approve_level);
}

/** Who locks it: `code` or the nearest area above it at or above the lock level. */
export function lockerOf(tree: PeriodTree, chain: PeriodChain, code: string): string | null {
  return selfOrAncestorAt(tree, code, chain.lock_level);
}

/** The area whose own lock locks `code`: itself or the highest locked ancestor; null when none. */
export function lockedBy(tree: PeriodTree, stored: StoredStatus, code: string): string | null {
  let found: string | null = null;
  for (let c: string | null = code; c !== null; c = tree.parent(c)) if (stored(c) === 'locked') found = c;
  return found;
}

/** The submitter whose period `code` follows: itself, or the nearest submitter above it. */
export function submitterOf(tree: PeriodTree, chain: PeriodChain, code: string): string | null {
  for (let c: string | null = code; c !== null; c = tree.parent(c)) if (isSubmitter(tree, chain, c)) return c;
  return null;
}

/** The submitters in `code`'s subtree (itself included), top-down; the walk stops at each. */
export function submittersWithin(tree: PeriodTree, chain: PeriodChain, code: string): string[] {
  const out: string[] = [];
  const queue = [code];
  for (let i = 0; i < queue.length; i++) {
    const c = queue[i];
    if (isSubmitter(tree, chain, c)) out.push(c);
    else if (atOrAbove(tree.level(c) ?? 'village', chain.submit_level)) queue.push(...tree.children(c));
  }
  return out;
}

const ORDER: Record<PeriodStatus, number> = { open: 0, submitted: 1, approved: 2, locked: 3 };

/** How far the submissions under an area got: a count per status (locked: by an ancestor or itself). */
export type Progress = Record<PeriodStatus, number>;

/**
 * The status `GET periods` reports: `locked` when the area or an ancestor is locked; a
 * submitter's own; above the submitters, the least advanced of them; below, its submitter's.
 */
export function effectiveStatus(
  tree: PeriodTree,
  stored: StoredStatus,
  chain: PeriodChain,
  code: string,
): PeriodStatus {
  if (lockedBy(tree, stored, code) !== null) return 'locked';
  const submitter = submitterOf(tree, chain, code);
  if (submitter !== null) return unlocked(stored(submitter));
  const below = submittersWithin(tree, chain, code);
  if (below.length === 0) return unlocked(stored(code));
  return below.map((c) => effectiveStatus(tree, stored, chain, c)).reduce((a, b) => (ORDER[a] <= ORDER[b] ? a : b));
}

function unlocked(s: PeriodStatus): PeriodStatus {
  return s === 'locked' ? 'open' : s;
}

/** The submissions under an area (itself when it submits), by the status each stands at. */
export function progressOf(tree: PeriodTree, stored: StoredStatus, chain: PeriodChain, code: string): Progress {
  const progress: Progress = { open: 0, submitted: 0, approved: 0, locked: 0 };
  const own = submitterOf(tree, chain, code);
  for (const c of own !== null ? [own] : submittersWithin(tree, chain, code))
    progress[effectiveStatus(tree, stored, chain, c)]++;
  return progress;
}

/** What the period of an area waits for next, and which area is to act (null: the submitters below). */
export interface Awaiting {
  action: 'submit' | 'approve' | 'lock';
  by: string | null;
  /** How many submissions wait for it (1 for an area's own). */
  count: number;
}

/**
 * What awaits whom: nothing once locked; an open submission awaits its submitter, a submitted
 * one its approver (or, without an approval step, the lock), an approved one the lock. Above
 * the submitters, the least advanced step of those below.
 */
export function awaiting(tree: PeriodTree, stored: StoredStatus, chain: PeriodChain, code: string): Awaiting | null {
  const status = effectiveStatus(tree, stored, chain, code);
  if (status === 'locked') return null;
  const submitter = submitterOf(tree, chain, code);
  const lock = (count: number): Awaiting => ({ action: 'lock', by: lockerOf(tree, chain, code), count });
  if (submitter !== null) {
    if (status === 'open') return { action: 'submit', by: submitter, count: 1 };
    if (status === 'submitted' && chain.approve_level !== null)
      return { action: 'approve', by: approverOf(tree, chain, submitter), count: 1 };
    return lock(1);
  }
  const p = progressOf(tree, stored, chain, code);
  const total = p.open + p.submitted + p.approved + p.locked;
  if (total === 0) return lock(1);
  if (p.open > 0) return { action: 'submit', by: null, count: p.open };
  if (p.submitted > 0 && chain.approve_level !== null) {
    const self = atOrAbove(tree.level(code) ?? 'village', chain.approve_level);
    return { action: 'approve', by: self ? code : null, count: p.submitted };
  }
  return lock(total - p.locked);
}

/** The status an action leads to, from the area's own stored status; null: not from that one. */
export function transition(action: PeriodAction, own: PeriodStatus, chain: PeriodChain): PeriodStatus | null {
  switch (action) {
    case 'submit':
      return own === 'open' ? 'submitted' : null;
    case 'approve':
      return own === 'submitted' && chain.approve_level !== null ? 'approved' : null;
    case 'lock':
      return own === 'locked' ? null : 'locked';
    case 'unlock':
      return own === 'locked' ? 'open' : null;
  }
}

/** The statuses an action may start from (for the refusal that names them). */
export function startsFrom(action: PeriodAction): PeriodStatus[] {
  return PERIOD_STATUSES.filter((s) => transition(action, s, { ...DEFAULT_CHAIN }) !== null);
}
