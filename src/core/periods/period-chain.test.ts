import { describe, expect, it } from 'vitest';
import {
  approverOf,
  awaiting,
  chainProblem,
  DEFAULT_CHAIN,
  effectiveStatus,
  isSubmitter,
  lockedBy,
  lockerOf,
  progressOf,
  submittersWithin,
  transition,
  type PeriodStatus,
  type PeriodTree,
} from './period-chain.ts';

/** P > C > K > T > V1, V2; P > C2 (a city with a township directly) > T2 > V3; C > K2. */
const AREAS: [string, string, string | null][] = [
  ['P', 'province', null],
  ['C', 'city', 'P'],
  ['K', 'county', 'C'],
  ['T', 'township', 'K'],
  ['V1', 'village', 'T'],
  ['V2', 'village', 'T'],
  ['K2', 'county', 'C'],
  ['C2', 'city', 'P'],
  ['T2', 'township', 'C2'],
  ['V3', 'village', 'T2'],
];

const tree: PeriodTree = {
  level: (c) => AREAS.find((a) => a[0] === c)?.[1],
  parent: (c) => AREAS.find((a) => a[0] === c)?.[2] ?? null,
  children: (c) => AREAS.filter((a) => a[2] === c).map((a) => a[0]),
};

function stored(map: Record<string, PeriodStatus>) {
  return (c: string): PeriodStatus => map[c] ?? 'open';
}

describe('period chain', () => {
  it('makes the lowest areas at or above the submit level the submitters', () => {
    expect(['P', 'C', 'K', 'T', 'K2', 'C2', 'T2'].filter((c) => isSubmitter(tree, DEFAULT_CHAIN, c))).toEqual([
      'K',
      'K2',
      'C2',
    ]);
    expect(submittersWithin(tree, DEFAULT_CHAIN, 'P')).toEqual(['C2', 'K', 'K2']);
  });

  it('sends a county to its city for approval and a city without counties to the province', () => {
    expect(approverOf(tree, DEFAULT_CHAIN, 'K')).toBe('C');
    expect(approverOf(tree, DEFAULT_CHAIN, 'C2')).toBe('P');
    expect(lockerOf(tree, DEFAULT_CHAIN, 'K')).toBe('P');
    expect(lockerOf(tree, DEFAULT_CHAIN, 'P')).toBe('P');
  });

  it('reports the least advanced submission above the submitters and the submitter below them', () => {
    const s = stored({ K: 'approved', K2: 'submitted', C2: 'approved' });
    expect(effectiveStatus(tree, s, DEFAULT_CHAIN, 'C')).toBe('submitted');
    expect(effectiveStatus(tree, s, DEFAULT_CHAIN, 'T')).toBe('approved');
    expect(effectiveStatus(tree, s, DEFAULT_CHAIN, 'P')).toBe('submitted');
    expect(progressOf(tree, s, DEFAULT_CHAIN, 'P')).toEqual({ open: 0, submitted: 1, approved: 2, locked: 0 });
  });

  it('reports every descendant of a locked area as locked, whatever its own status', () => {
    const s = stored({ C: 'locked', K: 'submitted' });
    for (const c of ['C', 'K', 'T', 'V1', 'K2']) expect(effectiveStatus(tree, s, DEFAULT_CHAIN, c)).toBe('locked');
    expect(effectiveStatus(tree, s, DEFAULT_CHAIN, 'C2')).toBe('open');
    expect(lockedBy(tree, s, 'V1')).toBe('C');
    expect(lockedBy(tree, stored({ C: 'locked', P: 'locked' }), 'V1')).toBe('P');
    expect(awaiting(tree, s, DEFAULT_CHAIN, 'K')).toBeNull();
  });

  it('says what awaits whom', () => {
    const s = stored({ K: 'submitted', K2: 'approved' });
    expect(awaiting(tree, s, DEFAULT_CHAIN, 'K')).toEqual({ action: 'approve', by: 'C', count: 1 });
    expect(awaiting(tree, s, DEFAULT_CHAIN, 'K2')).toEqual({ action: 'lock', by: 'P', count: 1 });
    expect(awaiting(tree, s, DEFAULT_CHAIN, 'C2')).toEqual({ action: 'submit', by: 'C2', count: 1 });
    expect(awaiting(tree, s, DEFAULT_CHAIN, 'C')).toEqual({ action: 'approve', by: 'C', count: 1 });
    expect(awaiting(tree, s, DEFAULT_CHAIN, 'P')).toEqual({ action: 'submit', by: null, count: 1 });
    const all = stored({ K: 'approved', K2: 'approved', C2: 'approved' });
    expect(awaiting(tree, all, DEFAULT_CHAIN, 'P')).toEqual({ action: 'lock', by: 'P', count: 3 });
  });

  it('goes without approval when the chain has none', () => {
    const chain = { ...DEFAULT_CHAIN, approve_level: null };
    expect(transition('approve', 'submitted', chain)).toBeNull();
    expect(awaiting(tree, stored({ K: 'submitted' }), chain, 'K')).toEqual({ action: 'lock', by: 'P', count: 1 });
  });

  it('moves submit from open, approve from submitted, lock from anything but locked, unlock back to open', () => {
    expect(transition('submit', 'open', DEFAULT_CHAIN)).toBe('submitted');
    expect(transition('submit', 'submitted', DEFAULT_CHAIN)).toBeNull();
    expect(transition('approve', 'submitted', DEFAULT_CHAIN)).toBe('approved');
    expect(transition('approve', 'open', DEFAULT_CHAIN)).toBeNull();
    for (const s of ['open', 'submitted', 'approved'] as const)
      expect(transition('lock', s, DEFAULT_CHAIN)).toBe('locked');
    expect(transition('lock', 'locked', DEFAULT_CHAIN)).toBeNull();
    expect(transition('unlock', 'locked', DEFAULT_CHAIN)).toBe('open');
    expect(transition('unlock', 'approved', DEFAULT_CHAIN)).toBeNull();
  });

  it('refuses a chain whose approval is not above its submission or whose lock is below', () => {
    expect(chainProblem(DEFAULT_CHAIN)).toBeNull();
    expect(chainProblem({ submit_level: 'county', approve_level: 'county', lock_level: 'province' })?.field).toBe(
      'approve_level',
    );
    expect(chainProblem({ submit_level: 'county', approve_level: 'city', lock_level: 'county' })?.field).toBe(
      'lock_level',
    );
    expect(chainProblem({ submit_level: 'county', approve_level: null, lock_level: 'county' })).toBeNull();
  });
});
