/** What rank() needs of an area: its identity, composite and per-indicator score and no_data. */
export interface RankInput {
  code: string;
  name: string;
  composite: number;
  indicators: Record<string, { score: number; no_data: boolean }>;
}

/** One row of a ranking, as `rank --json` prints it. */
export interface RankingRow {
  rank: number;
  code: string;
  name: string;
  /** The composite as computed (not rounded); rounding only decides order and ties. */
  composite: number;
  lagging: boolean;
  /** Names of the indicators scoring < 60, sorted alphabetically. */
  problems: string[];
}

/** A ranking row compared with the same area's row in an earlier ranking. */
export type RankingRowWithChange = RankingRow & {
  previous_rank: number | null;
  /** previous_rank - rank: positive when the area moved up; null when it was not ranked before. */
  rank_change: number | null;
  composite_change: number | null;
};

/** Below this a composite, or an indicator's score, is a problem (SPEC §3). */
export const PASSING_SCORE = 60;
/** The bottom this many of a ranking lag, when at least LAST_RULE_MIN_RANKED areas are ranked. */
export const LAST_RULE_COUNT = 3;
export const LAST_RULE_MIN_RANKED = 6;

/** A composite rounded to 9 decimal places, the precision at which rankings compare. */
export function roundComposite(composite: number): number {
  return Number(composite.toFixed(9));
}

function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Ranks sibling areas (SPEC §3): by composite rounded to 9 decimals descending, then by code
 * (plain string comparison). A row whose rounded composite equals the previous row's shares its
 * rank, otherwise its rank is its position (1, 2, 2, 4). A row lags when its composite is
 * < 60, when its rank is > n - 3 with n >= 6 rows ranked, or when any indicator has no data.
 * Every row lists its problems: indicators scoring < 60, alphabetically. The input is not changed
 * and its order does not matter.
 *
 * @example rank([a, b, c]).map((r) => r.rank) // [1, 2, 2] when b and c tie
 */
export function rank(rows: readonly RankInput[]): RankingRow[] {
  const keyed = rows.map((row) => ({ row, key: roundComposite(row.composite) }));
  keyed.sort((a, b) => b.key - a.key || byCode(a.row.code, b.row.code));

  const n = keyed.length;
  const out: RankingRow[] = [];
  for (let i = 0; i < n; i++) {
    const { row, key } = keyed[i];
    const position = i + 1;
    const r = i > 0 && keyed[i - 1].key === key ? out[i - 1].rank : position;
    const results = Object.entries(row.indicators);
    const inLastThree = n >= LAST_RULE_MIN_RANKED && r > n - LAST_RULE_COUNT;
    const lagging = row.composite < PASSING_SCORE || inLastThree || results.some(([, x]) => x.no_data);
    const problems = results
      .filter(([, x]) => x.score < PASSING_SCORE)
      .map(([name]) => name)
      .sort(byCode);
    out.push({
      rank: r,
      code: row.code,
      name: row.name,
      composite: row.composite,
      lagging,
      problems,
    });
  }
  return out;
}

/**
 * Adds to each current row how it moved since `previous` (matched by code): previous_rank,
 * rank_change = previous_rank - rank (positive = moved up) and composite_change = composite -
 * previous composite; all three null for an area absent from `previous`.
 */
export function withChange<R extends RankingRow>(
  current: readonly R[],
  previous: readonly RankingRow[],
): (R & Omit<RankingRowWithChange, keyof RankingRow>)[] {
  const before = new Map(previous.map((row) => [row.code, row]));
  return current.map((row) => {
    const prev = before.get(row.code);
    if (prev === undefined) {
      return { ...row, previous_rank: null, rank_change: null, composite_change: null };
    }
    return {
      ...row,
      previous_rank: prev.rank,
      rank_change: prev.rank - row.rank,
      composite_change: row.composite - prev.composite,
    };
  });
}
