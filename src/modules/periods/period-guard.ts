/**
 * What a lock refuses (SPEC §5): while (A, M) is locked, no row of a dated kind dated in M and
 * placed in A's subtree is added, replaced or voided, by any path. `assertPeriodsOpen` is the
 * one check, given the write's transaction and the rows it would put in or take out: the import
 * (every file, upload and posted record goes through it) asks it for each kind's staged rows
 * before merging them, with both versions of a replaced row; voiding asks it for the stored
 * row. Placement is SPEC §3's, from the query predicates: an officer's record by the posting
 * that contains its date, a patrol log by its team's unit, inspections and equipment by their
 * unit, funds by their recipient, the rest by their area.
 *
 * @example
 *   await assertPeriodsOpen(tx, kind, stagedChanges(tx, kind, stage.name));
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { datedIn, placedByPosting } from '../../db/predicates.ts';
import { AppError, coded, rowError, type RowError } from '../../shared/errors.ts';
import { IMPORT_LOCK } from '../imports/import-lock.ts';
import { storageName, type ImportKind } from '../imports/kinds/index.ts';
import { parseMonth } from '../assessment/month.ts';

/** Rows (as `r`, with the kind's columns, `file` and `line`) a write would put in or take out. */
export type Candidates = RawBuilder<unknown>;

/** How each dated kind is placed: its date column and the area it lies in (over `r`). */
interface Placement {
  date: string;
  joins: RawBuilder<unknown>;
  area: RawBuilder<unknown>;
}

const none = sql``;
const byArea = (column: string): Placement => ({ date: 'date', joins: none, area: sql.ref(`r.${column}`) });
const byUnit = (date: string): Placement => ({
  date,
  joins: sql`join units u on u.code = r.unit_code`,
  area: sql.ref('u.area_code'),
});
const byPosting: Placement = {
  date: 'date',
  joins: sql`join officers o on ${placedByPosting('o', 'r')} join units u on u.code = o.unit_code`,
  area: sql.ref('u.area_code'),
};

/** The dated kinds: the six work records, inspections, equipment and funds. */
export const DATED_KINDS: Record<string, Placement> = {
  visits: byArea('area_code'),
  incidents: byArea('area_code'),
  surveys: byArea('area_code'),
  info_reports: byPosting,
  familiarity_checks: byPosting,
  patrol_logs: {
    date: 'date',
    joins: sql`join patrols p on p.code = r.patrol_code and p.voided_at is null join units u on u.code = p.unit_code`,
    area: sql.ref('u.area_code'),
  },
  inspections: byUnit('date'),
  equipment: byUnit('as_of'),
  funds: byArea('recipient_code'),
};

/** Rows of one refusal listed; the rest are counted. */
const LISTED = 1000;

/** Refuses (409 period_locked, nothing written) when a candidate row is dated and placed in a locked period. */
export async function assertPeriodsOpen(tx: Tx, kind: ImportKind, rows: Candidates[]): Promise<void> {
  const placement = DATED_KINDS[kind.kind];
  if (!placement || rows.length === 0) return;
  // Serialised with a lock being taken (periods.service.ts), as every import already is.
  if (tx.engine === 'postgres') await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(tx.kysely);
  const locked = await tx.kysely
    .selectFrom('periods')
    .select(['area_code', 'month'])
    .where('status', '=', 'locked')
    .orderBy('month')
    .orderBy('area_code')
    .execute();
  const months = new Map<string, string[]>();
  for (const p of locked) months.set(p.month, [...(months.get(p.month) ?? []), p.area_code]);
  for (const [month, roots] of months) {
    for (const candidates of rows) {
      const found = await inLockedPeriod(tx, placement, candidates, month, roots);
      if (found.length === 0) continue;
      const total = found.length < LISTED ? found.length : await countInLocked(tx, placement, candidates, month, roots);
      const [first] = found;
      const details: RowError[] = found.map((r) =>
        rowError(
          r.file,
          /^\d+$/.test(r.line) ? Number(r.line) : r.line,
          placement.date,
          coded('period_locked_row', { area: r.area, month, locked_within: r.root }),
        ),
      );
      throw new AppError('period_locked', { area: first.area, month, locked_within: first.root, rows: total }, details);
    }
  }
}

interface Found {
  file: string;
  line: string;
  area: string;
  root: string;
}

/** `sub(code, root)`: every area below one of `roots` (itself included), with the root above it. */
function lockedSubtrees(roots: string[]) {
  return sql`with recursive sub(code, root) as (
    select code, code from areas where code in (${sql.join(roots)})
    union all
    select a.code, sub.root from areas a join sub on a.parent_code = sub.code
  )`;
}

function matching(placement: Placement, candidates: Candidates, month: string) {
  return sql`from (${candidates}) r ${placement.joins} join sub on sub.code = ${placement.area}
    where ${datedIn(`r.${placement.date}`, parseMonth(month))}`;
}

async function inLockedPeriod(tx: Tx, p: Placement, candidates: Candidates, month: string, roots: string[]) {
  const { rows } = await sql<Found>`${lockedSubtrees(roots)}
    select r.file as file, cast(r.line as text) as line, ${p.area} as area, min(sub.root) as root
    ${matching(p, candidates, month)}
    group by r.file, r.line, ${p.area} order by r.file, r.line limit ${sql.lit(LISTED)}`.execute(tx.kysely);
  return rows;
}

async function countInLocked(tx: Tx, p: Placement, candidates: Candidates, month: string, roots: string[]) {
  const { rows } = await sql<{ n: number }>`${lockedSubtrees(roots)}
    select count(*) as n from (select distinct r.file, r.line ${matching(p, candidates, month)}) x`.execute(tx.kysely);
  return Number(rows[0].n);
}

/**
 * The rows of a filled stage an import would write: each new or changed row as staged, and the
 * stored row each changed one replaces (a row moved out of a locked month counts there too).
 */
export function stagedChanges(tx: Tx, kind: ImportKind, stage: string): Candidates[] {
  const key = kind.key.map((k) => sql`t.${sql.ref(k)} = s.${sql.ref(k)}`);
  const on = sql.join(key, sql` and `);
  const distinct = tx.engine === 'sqlite' ? sql`is not` : sql`is distinct from`;
  const data = kind.columns.map(storageName).filter((c) => !kind.key.includes(c));
  const differs = data.length
    ? sql.join(
        data.map((c) => sql`t.${sql.ref(c)} ${distinct} s.${sql.ref(c)}`),
        sql` or `,
      )
    : sql`false`;
  const columns = sql.join(kind.columns.map((c) => sql.ref(`t.${storageName(c)}`)));
  const first = sql.ref(`t.${kind.key[0]}`);
  return [
    sql`select s.* from ${sql.table(stage)} s left join ${sql.table(kind.table)} t on ${on} where ${first} is null or (${differs})`,
    sql`select s.file, s.line, ${columns} from ${sql.table(kind.table)} t join ${sql.table(stage)} s on ${on} where ${differs}`,
  ];
}

/** A stored row named by its key (a void), as `kind` `key` for its place. */
export function storedRow(kind: ImportKind, key: unknown[]): Candidates {
  const where = sql.join(
    kind.key.map((k, i) => sql`t.${sql.ref(k)} = ${key[i]}`),
    sql` and `,
  );
  const columns = sql.join(kind.columns.map((c) => sql.ref(`t.${storageName(c)}`)));
  return sql`select cast(${kind.kind} as text) as file, cast(${key.join(' ')} as text) as line, ${columns} from ${sql.table(kind.table)} t where ${where}`;
}
