/**
 * The checked table that ties each county of the 2023 divisions to a shape of the source package
 * (data/boundaries/jilin-counties.csv): one row per county-level area of
 * data/divisions/22-jilin-2023.csv, naming the source file and feature it is drawn from, or none
 * (development zones, which the source does not draw). The build and the test read it through
 * `checkTable`, so neither can use a table that leaves a county out or draws one twice.
 *
 * @example
 *   const problems = checkTable(readTable(TABLE), readDivisions(DIVISIONS));
 *   if (problems.length) throw new Error(problems.join('\n'));
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TABLE = `${ROOT}data/boundaries/jilin-counties.csv`;
export const DIVISIONS = `${ROOT}data/divisions/22-jilin-2023.csv`;

/** A row of the table: a 2023 county and the source feature it is drawn from ('' = none). */
export interface TableRow {
  line: number;
  code: string;
  name: string;
  city_code: string;
  source_file: string;
  source_name: string;
  note: string;
}

export interface Division {
  code: string;
  name: string;
  level: string;
  parent_code: string;
}

const TABLE_HEADER = 'code,name,city_code,source_file,source_name,note';

/** Plain comma-separated lines without quotes (both files are written so; a quote is refused). */
function lines(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8');
  if (text.includes('"')) throw new Error(`${file}: quoted fields are not expected`);
  return text
    .trim()
    .split('\n')
    .map((l) => l.split(','));
}

export function readTable(file = TABLE): TableRow[] {
  const [header, ...rows] = lines(file);
  if (header.join(',') !== TABLE_HEADER) throw new Error(`${file}:1: the header must be ${TABLE_HEADER}`);
  return rows.map((c, i) => {
    if (c.length !== 6) throw new Error(`${file}:${i + 2}: ${c.length} fields, 6 expected`);
    const [code, name, city_code, source_file, source_name, note] = c;
    return { line: i + 2, code, name, city_code, source_file, source_name, note };
  });
}

export function readDivisions(file = DIVISIONS): Division[] {
  return lines(file)
    .slice(1)
    .map(([code, name, level, parent_code]) => ({ code, name, level, parent_code }));
}

/**
 * Every problem of the table against the divisions: a county missing or listed twice, a row
 * naming no county or the wrong name or city, a source feature used twice, a half-filled source.
 * `features`, when given, lists every feature of the source files (`file/name`): each must be used.
 */
export function checkTable(table: TableRow[], divisions: Division[], features?: string[]): string[] {
  const problems: string[] = [];
  const counties = new Map(divisions.filter((d) => d.level === 'county').map((d) => [d.code, d]));
  const seen = new Map<string, number>();
  const sources = new Map<string, number>();
  for (const row of table) {
    const at = `jilin-counties.csv:${row.line}`;
    const county = counties.get(row.code);
    if (!county) problems.push(`${at}: ${row.code} is no county of the 2023 divisions`);
    else {
      if (county.name !== row.name) problems.push(`${at}: ${row.code} is ${county.name}, not ${row.name}`);
      if (county.parent_code !== row.city_code)
        problems.push(`${at}: ${row.code} lies under ${county.parent_code} in 2023, not ${row.city_code}`);
    }
    const before = seen.get(row.code);
    if (before) problems.push(`${at}: ${row.code} is listed twice (line ${before})`);
    else seen.set(row.code, row.line);
    if ((row.source_file === '') !== (row.source_name === ''))
      problems.push(`${at}: source_file and source_name go together`);
    if (row.source_file) {
      const key = `${row.source_file}/${row.source_name}`;
      const used = sources.get(key);
      if (used) problems.push(`${at}: ${key} is drawn for line ${used} already`);
      else sources.set(key, row.line);
      if (features && !features.includes(key)) problems.push(`${at}: the source has no feature ${key}`);
    }
  }
  for (const code of counties.keys())
    if (!seen.has(code)) problems.push(`jilin-counties.csv: county ${code} (${counties.get(code)!.name}) is missing`);
  for (const key of features ?? []) if (!sources.has(key)) problems.push(`the source's ${key} is matched to no county`);
  return problems;
}
