/**
 * Responsible leaders, one per area: set one through the API, or import a file of them
 * (`area_code, name, title, phone`, headed in English or Chinese; CSV, .csv.gz or XLSX), all or
 * nothing with every rejected row named. A leader set for an area takes over its pending tasks
 * that have none yet.
 */
import type { Database, Tx } from '../../db/database.ts';
import { AppError, coded, rowError, type RowError } from '../../shared/errors.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import { areasInScope, type Scope } from '../accounts/scope.ts';
import { openTable } from '../imports/reader/index.ts';
import { existingAreas, isWithin, leaderOf, listLeaders, upsertLeader, type LeaderRow } from './leaders.repository.ts';
import { assignLeader } from './tasks.repository.ts';
import { timestamp } from '../../shared/clock.ts';

const COLUMNS = [
  { name: 'area_code', zh: ['地区代码', '区划代码', '行政区划代码'], optional: false },
  { name: 'name', zh: ['姓名', '责任领导'], optional: false },
  { name: 'title', zh: ['职务'], optional: false },
  { name: 'phone', zh: ['电话', '联系电话'], optional: true },
] as const;
type Field = (typeof COLUMNS)[number]['name'];

export interface LeaderInput {
  name: string;
  title: string;
  phone?: string | null;
}

export async function setLeader(
  db: Database,
  who: AuditActor,
  scope: Scope | null,
  area: string,
  input: LeaderInput,
): Promise<LeaderRow> {
  return db.transaction(async (tx) => {
    // Scope first: an area that does not exist is refused as one outside, so the refusal tells nothing.
    if (scope && !(await isWithin(tx.kysely, scope.area, area)))
      throw new AppError('leader_outside_scope', { area, scope: scope.area });
    if (!(await existingAreas(tx.kysely, [area])).has(area)) throw new AppError('area_not_found', { area });
    const row = await write(tx, who, area, input);
    await appendAudit(tx, who, { action: 'leader.set', target: area, detail: { name: row.name, title: row.title } });
    return row;
  });
}

/** The leaders of `area`'s subtree (every area when absent) that the jurisdiction reaches. */
export function leaders(db: Database, scope: Scope | null, area?: string) {
  return listLeaders(db.kysely, { area, within: scope ? areasInScope(scope) : undefined });
}

/** Imports a file of leaders; returns how many were written. */
export async function importLeaders(db: Database, who: AuditActor, path: string): Promise<number> {
  const table = await openTable(path);
  const errors: RowError[] = [];
  const index = new Map<Field, number>();
  table.header.forEach((raw, i) => {
    const h = raw.trim();
    const column = COLUMNS.find((c) => c.name === h.toLowerCase() || (c.zh as readonly string[]).includes(h));
    if (!column)
      errors.push(
        rowError(
          table.file,
          1,
          h || `(column ${i + 1})`,
          coded('unknown_column', { kind: 'leaders', columns: COLUMNS.map((c) => c.name) }),
        ),
      );
    else if (index.has(column.name)) errors.push(rowError(table.file, 1, column.name, coded('column_twice', {})));
    else index.set(column.name, i);
  });
  for (const c of COLUMNS)
    if (!c.optional && !index.has(c.name)) errors.push(rowError(table.file, 1, c.name, coded('column_missing', {})));
  if (errors.length) {
    await table.close();
    throw rejectedFile(table.file, errors);
  }
  const rows: { line: number | string; area: string; input: LeaderInput }[] = [];
  const seen = new Map<string, number | string>();
  for await (const { line, cells } of table.rows) {
    const get = (f: Field) => (index.has(f) ? (cells[index.get(f)!] ?? '').trim() : '');
    const area = get('area_code');
    const input = { name: get('name'), title: get('title'), phone: get('phone') || null };
    for (const f of ['area_code', 'name', 'title'] as const)
      if (!get(f)) errors.push(rowError(table.file, line, f, coded('value_missing', {})));
    if (area && seen.has(area))
      errors.push(rowError(table.file, line, 'area_code', coded('area_listed_twice', { area, line: seen.get(area)! })));
    if (area) seen.set(area, line);
    rows.push({ line, area, input });
  }
  return db.transaction(async (tx) => {
    const known = await existingAreas(tx.kysely, rows.map((r) => r.area).filter(Boolean));
    for (const r of rows)
      if (r.area && !known.has(r.area))
        errors.push(
          rowError(table.file, r.line, 'area_code', coded('unknown_reference', { target: 'area', value: r.area })),
        );
    if (errors.length) throw rejectedFile(table.file, errors);
    for (const r of rows) await write(tx, who, r.area, r.input);
    await appendAudit(tx, who, { action: 'leader.import', target: table.file, detail: { written: rows.length } });
    return rows.length;
  });
}

async function write(tx: Tx, who: AuditActor, area: string, input: LeaderInput): Promise<LeaderRow> {
  const row: LeaderRow = {
    area_code: area,
    name: input.name,
    title: input.title,
    phone: input.phone ?? null,
    updated_at: timestamp(),
    updated_by: who.actor,
  };
  await upsertLeader(tx.kysely, row);
  await assignLeader(tx.kysely, area, row);
  return (await leaderOf(tx.kysely, area))!;
}

function rejectedFile(file: string, errors: RowError[]): AppError {
  return new AppError('leaders_rejected', { file, count: errors.length }, errors);
}
