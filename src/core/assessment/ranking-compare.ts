/**
 * Two rankings of the same areas side by side (as locked and revised, as issued and now): each
 * area once, in the first ranking's order and then those only in the second, with its place in
 * each and whether it moved.
 *
 * @example compareRankings(issued, now).filter((r) => r.changed)
 */
import type { RankingRow } from './ranking.ts';

/** An area's place in one ranking. */
export type Place = { rank: number; composite: number } | null;

export interface ComparedRow {
  code: string;
  name: string;
  first: Place;
  second: Place;
  /** Its rank, composite or problems differ, or it is in only one of the two. */
  changed: boolean;
}

type Ranked = Pick<RankingRow, 'code' | 'name' | 'rank' | 'composite' | 'problems'>;

export function compareRankings(first: readonly Ranked[], second: readonly Ranked[]): ComparedRow[] {
  const place = (r: Ranked | undefined): Place => (r ? { rank: r.rank, composite: r.composite } : null);
  const a = new Map(first.map((r) => [r.code, r]));
  const b = new Map(second.map((r) => [r.code, r]));
  const codes = [...a.keys(), ...[...b.keys()].filter((c) => !a.has(c))];
  return codes.map((code) => {
    const x = a.get(code);
    const y = b.get(code);
    return {
      code,
      name: (x ?? y)!.name,
      first: place(x),
      second: place(y),
      changed:
        JSON.stringify(place(x)) !== JSON.stringify(place(y)) ||
        JSON.stringify(x?.problems ?? null) !== JSON.stringify(y?.problems ?? null),
    };
  });
}
