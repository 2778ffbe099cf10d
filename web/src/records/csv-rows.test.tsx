// @vitest-environment jsdom
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvRows, decodeBytes, errorsCsv, templateCsv } from './csv-rows.ts';
import { kindNamed, kindOfFileName } from './kinds.ts';

const surveys = kindNamed('surveys')!;

describe('csvRows', () => {
  it('maps Chinese or English headers in any order and keeps each row’s physical line', () => {
    const text =
      '日期,ref,村居代码,知晓民警,满意度,渠道\r\n2019-06-01,Q1,510101002001,是,5,door\r\n\r\n2019-06-02,"Q2",510101002004,,,"a, b"\r\n';
    const { rows, lines, errors } = csvRows('surveys.csv', surveys, text);
    expect(errors).toEqual([]);
    expect(lines).toEqual([2, 4]);
    expect(rows[0]).toEqual({
      ref: 'Q1',
      date: '2019-06-01',
      area_code: '510101002001',
      knows_officer: '是',
      satisfaction: '5',
      channel: 'door',
    });
    expect(rows[1].channel).toBe('a, b');
  });

  it('rejects an unknown or missing column and a row with too many cells, as the import does', () => {
    const header = csvRows('surveys.csv', surveys, 'ref,date,area_code,knows_officer,satisfaction,colour\n');
    expect(header.errors.map((e) => [e.line, e.column, e.reason.split(';')[0]])).toEqual([
      [1, 'colour', 'unknown column'],
      [1, 'channel', 'missing column'],
    ]);
    const wide = csvRows(
      'surveys.csv',
      surveys,
      'ref,date,area_code,knows_officer,satisfaction,channel\nQ1,2019-06-01,A,yes,5,door,extra\n',
    );
    expect(wide.errors).toEqual([
      { file: 'surveys.csv', line: 2, column: '(row)', reason: '7 cells under a header of 6' },
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    const { errors } = csvRows(
      'surveys.csv',
      surveys,
      'ref,date,area_code,knows_officer,satisfaction,channel\nQ1,"2019-06-01\n',
    );
    expect(errors[0].line).toBe(2);
  });
});

describe('decodeBytes', () => {
  it('reads UTF-8 with a BOM, and GBK as Excel saves it on a Chinese system', () => {
    expect(decodeBytes(new TextEncoder().encode('\ufeff日期,编号'))).toBe('日期,编号');
    expect(decodeBytes(new Uint8Array(iconv.encode('日期,编号\n2019-06-01,Q1', 'gbk')))).toBe(
      '日期,编号\n2019-06-01,Q1',
    );
  });
});

describe('templates and kinds', () => {
  it('offers a template in either language that reads back without error', () => {
    for (const chinese of [true, false]) {
      const { rows, errors } = csvRows('surveys.csv', surveys, templateCsv(surveys, chinese).slice(1));
      expect(errors).toEqual([]);
      expect(rows).toHaveLength(1);
    }
  });

  it('knows a file’s kind by its name, as the import does', () => {
    expect(kindOfFileName('surveys-2019-06.csv.gz')?.kind).toBe('surveys');
    expect(kindOfFileName('patrol_logs.csv')?.kind).toBe('patrol_logs');
    expect(kindOfFileName('book.csv')).toBeUndefined();
  });

  it('writes the problems as a CSV with quoting', () => {
    expect(errorsCsv([{ file: 'f', line: 3, column: 'date', reason: 'a, "b"' }], ['行号', '列', '原因'])).toBe(
      '\ufeff行号,列,原因\r\n3,date,"a, ""b"""\r\n',
    );
  });
});
