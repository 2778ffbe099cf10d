/**
 * Reading an import's sources into stages: each row parsed by its kind's columns and checked by
 * the kind's own rules, then added to the stage; every rejected place collected, the first
 * ERROR_LIMIT of them listed and all counted. The same for an import in one transaction and for
 * an import job, whose stages are filled before its merge takes the write lock.
 */
import { AppError, coded, rowError, type RowError } from '../../shared/errors.ts';
import type { Table } from './reader/table.ts';
import { CellError, type ImportKind, type Value } from './kinds/index.ts';
import { mapHeader } from './header.ts';
import type { Found } from './merge.ts';
import type { Stage } from './stage.ts';
import { collectGarbage, GARBAGE_EVERY_ROWS } from '../../shared/collect-garbage.ts';

/** A file (or sheet, or posted array) of one kind, opened only when its turn comes. */
export interface ImportSource {
  file: string;
  kind: ImportKind;
  open(): Promise<Table>;
}

export interface ImportProgress {
  kind: string;
  file: string;
  rows: number;
  phase: 'reading' | 'checking' | 'merging';
  /** While reading: how much of the file is read, 0 to 1, where the reader can tell. */
  share?: number;
}

/** Most errors reported for one import; the rest are only counted. */
export const ERROR_LIMIT = 1000;

/** Reads one source into its kind's stage; its rejected places go to `errors`. */
export async function stageSource(
  source: ImportSource,
  stage: Stage,
  errors: ErrorList,
  onProgress?: (p: ImportProgress) => void,
): Promise<number> {
  const { kind } = source;
  let table: Table;
  try {
    table = await source.open();
  } catch (e) {
    errors.fromThrown(e);
    return 0;
  }
  const { map, errors: headerErrors } = mapHeader(table.file, kind, table.header);
  if (!map) {
    errors.add(headerErrors);
    return hasRows(table);
  }
  const width = table.header.length;
  const record: Record<string, Value> = {};
  let rows = 0;
  try {
    for await (const { line, cells } of table.rows) {
      rows++;
      if (rows % 10_000 === 0)
        onProgress?.({ kind: kind.kind, file: table.file, rows, phase: 'reading', share: table.share?.() });
      // SQLite's statements are synchronous: let the server answer (health, reads) meanwhile.
      if (rows % 2_000 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (rows % GARBAGE_EVERY_ROWS === 0) collectGarbage();
      if (cells.length > width) {
        errors.add([rowError(table.file, line, '(row)', coded('too_many_cells', { cells: cells.length, width }))]);
        continue;
      }
      let ok = true;
      for (let i = 0; i < kind.columns.length; i++) {
        const column = kind.columns[i];
        const at = map.index[i];
        try {
          record[column.name] = column.parse(at < 0 ? '' : (cells[at] ?? ''));
        } catch (e) {
          if (!(e instanceof CellError)) throw e;
          ok = false;
          errors.add([rowError(table.file, line, column.name, e.problem)]);
        }
      }
      if (!ok) continue;
      const problems = kind.rowRules?.(record) ?? [];
      if (problems.length > 0) {
        errors.add(problems.map((p) => rowError(table.file, line, p.column, p)));
        continue;
      }
      const values: Value[] = kind.columns.map((c) => record[c.name]);
      const pending = stage.add(table.file, String(line), values);
      if (pending) await pending;
    }
  } catch (e) {
    errors.fromThrown(e);
  }
  onProgress?.({ kind: kind.kind, file: table.file, rows, phase: 'reading', share: table.share && 1 });
  return rows;
}

/** 1 when a table whose header was rejected holds a row (it says which kind the file holds), else 0. */
async function hasRows(table: Table): Promise<number> {
  try {
    for await (const _row of table.rows) return 1;
  } catch {
    // Whatever else is wrong with the file, its header was rejected already.
  }
  return 0;
}

/** The rejected places of an import: the first ERROR_LIMIT listed, all counted. */
export class ErrorList {
  private list: RowError[] = [];
  count = 0;

  add(errors: RowError[]): void {
    this.count += errors.length;
    for (const e of errors) if (this.list.length < ERROR_LIMIT) this.list.push(e);
  }

  /** Errors of a set-wise step, which lists only its first ones but counts them all. */
  addFound(found: Found): void {
    this.add(found.errors);
    this.count += found.total - found.errors.length;
  }

  fromThrown(e: unknown): void {
    if (e instanceof AppError && e.details.length > 0) this.add(e.details as RowError[]);
    else throw e;
  }

  /** By file, then (the sheets of one workbook) by sheet in the order met, then by line. */
  sorted(sources: ImportSource[]): RowError[] {
    const order = new Map(sources.map((s, i) => [s.file, i]));
    const sheetOf = (l: number | string) => (typeof l === 'number' ? '' : l.slice(0, Math.max(0, l.lastIndexOf(':'))));
    const sheets = new Map<string, number>();
    for (const e of this.list) if (!sheets.has(sheetOf(e.line))) sheets.set(sheetOf(e.line), sheets.size);
    const lineKey = (l: number | string) => (typeof l === 'number' ? l : Number(String(l).split(':').pop()) || 0);
    return [...this.list].sort(
      (a, b) =>
        (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) ||
        sheets.get(sheetOf(a.line))! - sheets.get(sheetOf(b.line))! ||
        lineKey(a.line) - lineKey(b.line),
    );
  }

  summary(): { count: number; listed: number } {
    return { count: this.count, listed: this.list.length };
  }
}
