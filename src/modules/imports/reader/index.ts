export { DEFAULT_MAX_LINE_BYTES, openTable, xlsxSheets } from './read-table.ts';
export type { Table, TableRow } from './read-table.ts';
export { writeTemplate } from './write-template.ts';
export type { TemplateColumn, TemplateSheet } from './write-template.ts';
