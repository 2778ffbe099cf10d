/**
 * Which rows a scoped account may write through `POST records/{kind}`: every area, unit, badge
 * and patrol team a row names must lie within the account's scope, and so must the row it would
 * replace. A manager writes within its area's subtree; an officer writes only its own work
 * records, with its own badge, its own unit and the areas its unit serves. Anything else refuses
 * the whole request (403) before a row is written. A reference to something that does not exist
 * is refused the same way, so the answer never tells what exists outside the scope.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, coded, rowError, type CodedAs, type RowError } from '../../shared/errors.ts';
import type { ImportKind, Value } from '../imports/kinds/index.ts';
import { unitsInScope, writableAreas, type Scope } from '../accounts/scope.ts';
import { isPostedOn } from '#core/assessment/placement.ts';

/** What an officer may write: the records of its own work, not the registry nor its own assessment. */
export const OFFICER_KINDS = ['visits', 'info_reports', 'incidents', 'patrol_logs'];

/** A row's values by column name; undefined: a value the import would refuse. */
export type Row = Record<string, Value | undefined>;
type Rule = (row: Row, c: Checker, existing: boolean) => void;

const RULES: Record<string, Rule> = {
  // `existing`: the area is already stored; it must be inside, and so must its (new) parent.
  areas: (r, c, existing) => {
    c.area('parent_code', r.parent_code);
    if (existing) c.ownArea('code', r.code);
  },
  population: (r, c) => c.area('area_code', r.area_code),
  units: (r, c, existing) => {
    c.area('area_code', r.area_code);
    if (existing) return;
    c.unit('station_code', r.station_code);
    for (const v of String(r.covers ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean))
      c.area('covers', v);
  },
  officers: (r, c) => {
    c.unit('unit_code', r.unit_code);
    c.person('badge', r.badge, r.start_date, r.end_date);
  },
  patrols: (r, c) => c.unit('unit_code', r.unit_code),
  equipment: (r, c) => c.unit('unit_code', r.unit_code),
  inspections: (r, c) => c.unit('unit_code', r.unit_code),
  funds: (r, c) => c.area('recipient_code', r.recipient_code),
  visits: (r, c) => {
    c.badge('badge', r.badge, r.date);
    c.area('area_code', r.area_code);
  },
  info_reports: (r, c) => c.badge('badge', r.badge, r.date),
  incidents: (r, c) => c.area('area_code', r.area_code),
  surveys: (r, c) => c.area('area_code', r.area_code),
  patrol_logs: (r, c) => c.patrol('patrol_code', r.patrol_code),
  familiarity_checks: (r, c) => c.badge('badge', r.badge, r.date),
};

/** Kinds whose key does not already fix what the row names: the row it replaces is checked too. */
const REPLACED_BY_KEY = new Set([
  'areas',
  'units',
  'officers',
  'patrols',
  'funds',
  'visits',
  'info_reports',
  'incidents',
  'surveys',
  'familiarity_checks',
]);

/** A value refused, in the column that holds it. */
interface Refusal {
  column: string;
  problem: CodedAs;
}

const refusalKey = (r: Refusal) => `${r.column}\u001f${r.problem.code}\u001f${JSON.stringify(r.problem.params)}`;

interface Posting {
  unit_code: string;
  start_date: string;
  end_date: string | null;
}

class Checker {
  readonly areaRefs = new Set<string>();
  readonly unitRefs = new Set<string>();
  readonly badgeRefs = new Set<string>();
  readonly patrolRefs = new Set<string>();
  areasOk = new Set<string>();
  unitsOk = new Set<string>();
  postings = new Map<string, Posting[]>();
  patrolUnits = new Map<string, string>();
  judging = false;
  problems: Refusal[] = [];

  constructor(readonly scope: Scope) {}

  private refuse(column: string, problem: CodedAs): void {
    this.problems.push({ column, problem });
  }

  area(column: string, v: Value | undefined): void {
    if (v === null || v === undefined) return;
    const code = String(v);
    if (!this.judging) this.areaRefs.add(code);
    else if (!this.areasOk.has(code))
      this.refuse(column, coded('area_outside_scope', { value: code, scope: this.scope.area }));
  }

  /** An existing area: within the scope, and not the scope's own root (whose parent is outside). */
  ownArea(column: string, v: Value | undefined): void {
    this.area(column, v);
    if (this.judging && String(v) === this.scope.area) this.refuse(column, coded('own_area', { value: String(v) }));
  }

  unit(column: string, v: Value | undefined): void {
    if (v === null || v === undefined) return;
    const code = String(v);
    if (!this.judging) this.unitRefs.add(code);
    else if (!this.unitsOk.has(code))
      this.refuse(
        column,
        this.scope.unit !== null
          ? coded('unit_not_yours', { value: code, unit: this.scope.unit })
          : coded('unit_outside_scope', { value: code, scope: this.scope.area }),
      );
  }

  patrol(column: string, v: Value | undefined): void {
    if (v === null || v === undefined) return;
    const code = String(v);
    if (!this.judging) return void this.patrolRefs.add(code);
    const unit = this.patrolUnits.get(code);
    if (unit === undefined || !this.unitsOk.has(unit))
      this.refuse(column, coded('patrol_outside_scope', { value: code, unit: this.scope.unit !== null }));
  }

  /** The key of a stored row the account cannot see: taken, and nothing more is said. */
  keyTaken(column: string, key: string): void {
    if (this.problems.some((p) => p.problem.code === 'key_taken')) return;
    this.refuse(column, coded('key_taken', { key }));
  }

  /**
   * The badge of a posting written: one that overlaps a posting of the badge outside the scope
   * is refused as a taken badge (what the overlap check would say names that posting's dates).
   * Postings outside at other times are that officer's history and do not stand in the way.
   */
  person(column: string, v: Value | undefined, start: Value | undefined, end: Value | undefined): void {
    if (v === null || v === undefined) return;
    const badge = String(v);
    if (!this.judging) return void this.badgeRefs.add(badge);
    const from = start === null || start === undefined ? '' : String(start);
    const to = end === null || end === undefined || end === '' ? '9999-12-31' : String(end);
    const overlaps = (p: Posting) => p.start_date <= to && from <= (p.end_date ?? '9999-12-31');
    if ((this.postings.get(badge) ?? []).some((p) => !this.unitsOk.has(p.unit_code) && overlaps(p)))
      this.keyTaken(column, badge);
  }

  /** A badge: an officer's own; for a manager, posted in its area on the record's date (SPEC §3 placement). */
  badge(column: string, v: Value | undefined, date: Value | undefined): void {
    if (v === null || v === undefined) return;
    const badge = String(v);
    if (this.scope.badge !== null) {
      if (this.judging && badge !== this.scope.badge)
        this.refuse(column, coded('badge_not_own', { badge: this.scope.badge }));
      return;
    }
    if (!this.judging) return void this.badgeRefs.add(badge);
    if (date === null || date === undefined) return;
    const d = String(date);
    const posting = (this.postings.get(badge) ?? []).find((p) => isPostedOn(p, d));
    if (!posting || !this.unitsOk.has(posting.unit_code))
      this.refuse(column, coded('badge_outside_scope', { badge, scope: this.scope.area, date: d }));
  }
}

/** Refuses (403, nothing written) rows that name anything outside the scope. */
export async function assertRowsInScope(
  db: Kysely<DB>,
  scope: Scope,
  kind: ImportKind,
  input: Record<string, Value>[],
): Promise<void> {
  const errors = await rowsOutsideScope(
    db,
    scope,
    kind,
    input.map((r) => parseRow(kind, r)),
  );
  if (errors.length > 0) throw new AppError('scope_refused', { count: errors.length, listed: errors.length }, errors);
}

/**
 * Every value of `rows` (values as the import parsed them, by column name) outside the scope,
 * each named by its row (`line`: its index + 1, `file`: the kind). An officer's kind it may not
 * write refuses at once.
 */
export async function rowsOutsideScope(
  db: Kysely<DB>,
  scope: Scope,
  kind: ImportKind,
  rows: Row[],
): Promise<RowError[]> {
  if (scope.badge !== null && !OFFICER_KINDS.includes(kind.kind)) {
    throw new AppError('officer_kinds_only', { kinds: OFFICER_KINDS, kind: kind.kind });
  }
  const rule = RULES[kind.kind];
  if (!rule) throw new AppError('internal_error', { detail: `no scope rule for ${kind.kind}` });
  const replaced = REPLACED_BY_KEY.has(kind.kind) ? await replacedRows(db, kind, rows) : new Map<number, Row>();
  const c = new Checker(scope);
  const areas = kind.kind === 'areas';
  // Each row, then the stored row it would replace (an area is checked in place: see RULES).
  const check = (row: Row, i: number) => {
    rule(row, c, areas && replaced.has(i));
    const old = replaced.get(i);
    if (!old || areas) return;
    const before = c.problems.length;
    const said = new Set(c.problems.map(refusalKey));
    rule(old, c, true);
    // What the stored row names matters only where the new row does not already say it.
    const fresh = c.problems.splice(before).filter((p) => !said.has(refusalKey(p)));
    // Of a stored row outside the scope, the refusal says only that its key is taken: never
    // what the row holds (another's badge, unit or dates).
    if (fresh.length > 0) c.keyTaken(kind.key[0], kind.key.map((k) => String(row[k])).join(' '));
  };
  rows.forEach(check);
  await resolve(db, c);
  extendWithBatch(kind, rows, replaced, c);
  c.judging = true;
  const errors: RowError[] = [];
  rows.forEach((row, i) => {
    c.problems = [];
    check(row, i);
    for (const p of c.problems) errors.push(rowError(kind.kind, i + 1, p.column, p.problem));
  });
  return errors;
}

/** The rows' values as the import would read them; a value it would refuse is left undefined. */
function parseRow(kind: ImportKind, input: Record<string, Value>): Row {
  const row: Row = {};
  for (const column of kind.columns) {
    try {
      row[column.name] = column.parse(
        input[column.name] === null || input[column.name] === undefined ? '' : String(input[column.name]),
      );
    } catch {
      row[column.name] = undefined; // the import rejects the row and writes nothing
    }
  }
  return row;
}

/** The stored rows the batch would replace, by the batch row's index. */
async function replacedRows(db: Kysely<DB>, kind: ImportKind, rows: Row[]): Promise<Map<number, Row>> {
  const [first] = kind.key;
  const firsts = [
    ...new Set(
      rows
        .map((r) => r[first])
        .filter((v) => v !== null && v !== undefined)
        .map(String),
    ),
  ];
  const stored: Record<string, unknown>[] = [];
  for (const chunk of chunks(firsts)) {
    const result = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(kind.table)} where ${sql.ref(first)} in (${sql.join(chunk)})`.execute(db);
    stored.push(...result.rows);
  }
  const keyOf = (r: Record<string, unknown>) => kind.key.map((k) => String(r[k])).join('\u001f');
  const byKey = new Map(stored.map((r) => [keyOf(r), r]));
  const out = new Map<number, Row>();
  rows.forEach((row, i) => {
    const old = byKey.get(keyOf(row));
    if (old) out.set(i, Object.fromEntries(Object.entries(old).map(([k, v]) => [k, v === null ? null : (v as Value)])));
  });
  return out;
}

async function resolve(db: Kysely<DB>, c: Checker): Promise<void> {
  for (const chunk of chunks([...c.badgeRefs])) {
    const postings = await db
      .selectFrom('officers')
      .select(['badge', 'unit_code', 'start_date', 'end_date'])
      .where('badge', 'in', chunk)
      .where('voided_at', 'is', null)
      .execute();
    for (const p of postings) {
      c.postings.set(p.badge, [...(c.postings.get(p.badge) ?? []), p]);
      c.unitRefs.add(p.unit_code);
    }
  }
  for (const chunk of chunks([...c.patrolRefs])) {
    const patrols = await db
      .selectFrom('patrols')
      .select(['code', 'unit_code'])
      .where('code', 'in', chunk)
      .where('voided_at', 'is', null)
      .execute();
    for (const p of patrols) {
      c.patrolUnits.set(p.code, p.unit_code);
      c.unitRefs.add(p.unit_code);
    }
  }
  c.areasOk = await within(db, 'areas', [...c.areaRefs], writableAreas(c.scope));
  c.unitsOk = await within(db, 'units', [...c.unitRefs], unitsInScope(c.scope));
}

async function within(
  db: Kysely<DB>,
  table: 'areas' | 'units',
  codes: string[],
  scope: RawBuilder<never>,
): Promise<Set<string>> {
  const ok = new Set<string>();
  for (const chunk of chunks(codes)) {
    const rows = await db
      .selectFrom(table)
      .select('code')
      .where('code', 'in', chunk)
      .where('code', 'in', scope)
      .execute();
    for (const r of rows) ok.add(r.code);
  }
  return ok;
}

/**
 * Rows of one request may name each other (a village under a township added beside it, a room
 * under a station added beside it): what the batch adds inside the scope counts as inside.
 */
function extendWithBatch(kind: ImportKind, rows: Row[], replaced: Map<number, Row>, c: Checker): void {
  if (kind.kind === 'areas') {
    for (let grew = true; grew;) {
      grew = false;
      rows.forEach((r, i) => {
        const code = String(r.code);
        if (
          !replaced.has(i) &&
          r.code &&
          r.parent_code &&
          c.areasOk.has(String(r.parent_code)) &&
          !c.areasOk.has(code)
        ) {
          c.areasOk.add(code);
          grew = true;
        }
      });
    }
  }
  if (kind.kind === 'units') {
    rows.forEach((r, i) => {
      const old = replaced.get(i);
      const oldInside = !old || c.areasOk.has(String(old.area_code));
      if (r.code && r.area_code && c.areasOk.has(String(r.area_code)) && oldInside && c.scope.unit === null)
        c.unitsOk.add(String(r.code));
    });
  }
}

function chunks<T>(list: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
