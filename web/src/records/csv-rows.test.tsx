// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { errorsCsv } from './csv-rows.ts';
import { kindOfFileName } from './kinds.ts';

describe('templates and kinds', () => {
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
