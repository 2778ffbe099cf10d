/**
 * The CSV files the import page makes in the browser: a template of a kind (its header in
 * English or Chinese, and an example row), and the rejected rows for a desk clerk to open
 * beside the file. Files to import are read by the server (`POST imports`), not here.
 */
import type { RowError } from '#core/contracts/imports.schema.ts';
import type { KindDef } from './kinds.ts';

/** A CSV template for a kind: its header (English or Chinese names) and an example row. */
export function templateCsv(kind: KindDef, chinese: boolean): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header = kind.columns.map((c) => quote(chinese ? c.zh : c.name)).join(',');
  const example = kind.columns.map((c) => quote(c.example)).join(',');
  return `\ufeff${header}\r\n${example}\r\n`;
}

/** The rejected rows as a CSV a desk clerk can open beside the file (each reason as the page says it). */
export function errorsCsv(
  errors: Pick<RowError, 'line' | 'column' | 'reason'>[],
  headings: [string, string, string],
): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    headings.map(quote).join(','),
    ...errors.map((e) => [String(e.line), e.column, e.reason].map(quote).join(',')),
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
