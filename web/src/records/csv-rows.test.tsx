// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../../src/modules/imports/header.ts';
import { CsvParser } from '../../../src/modules/imports/reader/csv-parser.ts';
import type { TableRow } from '../../../src/modules/imports/reader/table.ts';
import { errorsCsv, templateCsv } from './csv-rows.ts';
import { kindNamed, kindOfFileName } from './kinds.ts';

const surveys = kindNamed('surveys')!;

describe('templates and kinds', () => {
  it('offers a template in either language that reads back without error', () => {
    for (const chinese of [true, false]) {
      const records: TableRow[] = [];
      const parser = new CsvParser('surveys.csv', 1 << 20);
      parser.push(templateCsv(surveys, chinese).slice(1), records);
      parser.end(records);
      const [header, ...rows] = records;
      expect(mapHeader('surveys.csv', surveys, header.cells).errors).toEqual([]);
      expect(rows.map((r) => r.cells)).toEqual([surveys.columns.map((c) => c.example)]);
    }
  });

  it('knows a file’s kind by its name, as the import does', () => {
    expect(kindOfFileName('surveys-2019-06.csv.gz')?.kind).toBe('surveys');
    expect(kindOfFileName('patrol_logs.csv')?.kind).toBe('patrol_logs');
    expect(kindOfFileName('book.csv')).toBeUndefined();
  });

  it('writes the problems as a CSV with quoting', () => {
    expect(errorsCsv([{ line: 3, column: 'date', reason: 'a, "b"' }], ['行号', '列', '原因'])).toBe(
      '\ufeff行号,列,原因\r\n3,date,"a, ""b"""\r\n',
    );
  });
});
