/**
 * Turns what a user names (folders, CSV, .csv.gz and XLSX files, posted JSON rows, generated
 * rows) into import sources. A file of no §2 kind is an error naming it, never skipped, unless
 * the caller says which kind such a file is (a file uploaded through the web page, where the
 * user chose the kind).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError, coded, rowError, type RowError } from '../../shared/errors.ts';
import { openTable, xlsxSheets } from './reader/index.ts';
import type { Table, TableRow } from './reader/table.ts';
import { KIND_NAMES, kindByName, kindOfFile, type ImportKind } from './kinds/index.ts';
import type { ImportSource } from './import.service.ts';

const SUFFIXES = ['.csv', '.csv.gz', '.xlsx'];

export interface SourceOptions {
  /** The kind of a file, or of a workbook's sheet, whose name is no §2 kind. */
  kind?: ImportKind;
}

export async function sourcesFromPaths(paths: string[], options: SourceOptions = {}): Promise<ImportSource[]> {
  const errors: RowError[] = [];
  const sources: ImportSource[] = [];
  const files: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new AppError('path_missing', { path: p });
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        const full = path.join(p, name);
        if (!name.startsWith('.') && fs.statSync(full).isFile()) files.push(full);
      }
    } else files.push(p);
  }
  for (const file of files) {
    const base = path.basename(file);
    const lower = base.toLowerCase();
    if (!SUFFIXES.some((s) => lower.endsWith(s))) {
      errors.push(rowError(base, 1, '(file)', coded('not_import_file', {})));
      continue;
    }
    if (lower.endsWith('.xlsx')) {
      sources.push(...(await workbookSources(file, errors, options)));
      continue;
    }
    const kind = kindOfFile(base) ?? options.kind;
    if (!kind) {
      errors.push(
        rowError(base, 1, '(file)', coded('kind_unknown', { name: base.split(/[.-]/)[0], expected: KIND_NAMES })),
      );
      continue;
    }
    sources.push({ file: base, kind, open: () => openTable(file) });
  }
  if (errors.length > 0) throw new AppError('import_rejected', {}, errors);
  return sources;
}

async function workbookSources(file: string, errors: RowError[], options: SourceOptions): Promise<ImportSource[]> {
  const base = path.basename(file);
  const sources: ImportSource[] = [];
  for await (const { name } of xlsxSheets(file)) {
    const kind = kindByName(name.trim()) ?? kindOfFile(name.trim()) ?? options.kind;
    if (!kind) {
      errors.push(rowError(base, `${name}:1`, '(sheet)', coded('kind_unknown', { name, expected: KIND_NAMES })));
      continue;
    }
    sources.push({ file: base, kind, open: () => openTable(file, { sheet: name }) });
  }
  return sources;
}

/** Rows given as objects (the records API, the demonstration generator). */
export function sourceFromObjects(
  file: string,
  kind: ImportKind,
  rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
  columns: string[] = kind.columns.map((c) => c.name),
): ImportSource {
  const table: Table = {
    file,
    header: columns,
    rows: (async function* (): AsyncGenerator<TableRow> {
      let line = 0;
      for await (const row of rows) {
        line++;
        yield { line, cells: columns.map((c) => cellOf(row[c])) };
      }
    })(),
    close: async () => {},
  };
  return { file, kind, open: async () => table };
}

function cellOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}
