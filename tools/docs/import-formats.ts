/**
 * The generated regions of docs/import-formats.md: the table of kinds, and each kind's columns,
 * from the import registry itself.
 */
import { KINDS, RECORD_KINDS, textOf, type CellFormat, type ColumnDef, type ImportKind } from './sources.ts';
import { code, table } from './markdown.ts';
import type { Renderers } from './regions.ts';

/** What a cell of `format` accepts, in words. */
export function accepts(format: CellFormat): string {
  switch (format.type) {
    case 'code':
      return 'a code: letters, digits, `-` `_` `.` `/`, up to 64 characters';
    case 'area_code':
      return 'an area code: letters, digits, `-` `_`, up to 32 characters';
    case 'text':
      return `text, up to ${format.max} characters`;
    case 'choice':
      return `one of ${format.values.map(code).join(', ')}`;
    case 'date':
      return 'a date, `YYYY-MM-DD`';
    case 'integer':
      if (format.max !== undefined) return `a whole number from ${format.min} to ${format.max}`;
      return format.min === 0 ? 'a whole number, 0 or more' : `a whole number, ${format.min} or more`;
    case 'decimal':
      return `a number ${format.exclusiveMin ? 'above' : 'from'} ${format.min} ${format.exclusiveMin ? 'and at most' : 'to'} ${format.max}`;
    case 'yuan':
      return 'an amount in yuan, at most 2 decimals (`22,000.50` and `22000.5` are the same)';
    case 'yes_no':
      return '`yes` or `no` (`是` or `否`)';
  }
}

function columnRow(kind: ImportKind, c: ColumnDef): string[] {
  const notes = [kind.key.includes(c.name) ? '**key**' : '', c.optional ? '*optional column*' : '']
    .filter(Boolean)
    .join(', ');
  // Each check's refusal said with `…` for whatever the found row would fill in.
  const anything = new Proxy({}, { get: () => '…' }) as Record<string, string>;
  const checked = kind.checks.filter((x) => x.column === c.name).map((x) => `“${textOf(x.problem(anything))}”`);
  return [
    `${code(c.name)}${notes ? ` ${notes}` : ''}`,
    c.zh,
    `${accepts(c.format)}${c.nullable ? '; or empty' : ''}`,
    checked.join('<br>'),
  ];
}

/** One kind's columns, in the order its template gives them. */
export function kindColumns(kind: ImportKind): string {
  return table(
    ['column', '中文', 'accepts', 'checked against other rows'],
    kind.columns.map((c) => columnRow(kind, c)),
  );
}

/** Every kind in the order an import applies them. */
export function kindsTable(): string {
  const records = new Set(RECORD_KINDS.map((k) => k.kind));
  return table(
    ['#', 'file', '中文', 'key', 'columns', 'also entered one by one'],
    KINDS.map((k, i) => [
      String(i + 1),
      `[${code(`${k.kind}.csv`)}](#${k.kind})`,
      k.zh,
      k.key.map(code).join(' + '),
      String(k.columns.length),
      records.has(k.kind) ? 'yes' : '',
    ]),
    'r',
  );
}

/** The regions of docs/import-formats.md: the kinds, then one per kind (`kind-info-reports`). */
export const importFormatsRegions: Renderers = {
  kinds: kindsTable,
  ...Object.fromEntries(KINDS.map((k) => [`kind-${k.kind.replace(/_/g, '-')}`, () => kindColumns(k)])),
};
