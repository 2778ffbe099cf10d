import { describe, expect, it } from 'vitest';
import { AppError, type RowError } from '../../../shared/errors.ts';
import { CsvParser } from './csv-parser.ts';
import type { TableRow } from './table.ts';

function parse(text: string, chunkSize = text.length || 1, maxLineBytes = 1 << 20): TableRow[] {
  const parser = new CsvParser('t.csv', maxLineBytes);
  const out: TableRow[] = [];
  for (let i = 0; i < text.length; i += chunkSize) parser.push(text.slice(i, i + chunkSize), out);
  parser.end(out);
  return out;
}

function rowError(run: () => unknown): RowError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).details[0] as RowError;
  }
  throw new Error('expected a rejection');
}

const TRICKY =
  'code,name,note\r\n' +
  'U1,"Room ""A"", east","two\r\nlines"\r\n' +
  '\r\n' +
  'U2,,"a,b"\n' +
  ',,\n' +
  '"U3","",x\n' +
  'U4,"""",\n' +
  'U5,"",';

describe('CsvParser', () => {
  it('reads quoted fields with commas, line ends and escaped quotes', () => {
    expect(parse(TRICKY)).toEqual([
      { line: 1, cells: ['code', 'name', 'note'] },
      { line: 2, cells: ['U1', 'Room "A", east', 'two\r\nlines'] },
      { line: 5, cells: ['U2', '', 'a,b'] },
      { line: 7, cells: ['U3', '', 'x'] },
      { line: 8, cells: ['U4', '"', ''] },
      { line: 9, cells: ['U5', '', ''] },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const whole = parse(TRICKY);
    for (let size = 1; size <= TRICKY.length; size++) expect(parse(TRICKY, size)).toEqual(whole);
  });

  it('reads a last line with or without a line end', () => {
    expect(parse('a,b\n1,2')).toEqual(parse('a,b\n1,2\n'));
    expect(parse('a,b\r\n1,2')).toEqual(parse('a,b\r\n1,2\r\n'));
    expect(parse('a,b\n"1","2"')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it('skips blank lines and counts them', () => {
    expect(parse('\n\na\n\r\n\n1\n\n')).toEqual([
      { line: 3, cells: ['a'] },
      { line: 6, cells: ['1'] },
    ]);
  });

  it('numbers the record after a multi-line field by its physical line', () => {
    const rows = parse('a,b\n1,"x\ny\nz"\n2,w\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('keeps a quote inside an unquoted field as it is', () => {
    expect(parse('a\n5" screen\n')[1].cells).toEqual(['5" screen']);
  });

  it('rejects text after a closing quote, naming the line and column', () => {
    const parser = new CsvParser('t.csv', 1 << 20);
    parser.header = ['code', 'name'];
    const e = rowError(() => parser.push('U1,"Room" A\n', []));
    expect(e).toEqual({
      file: 't.csv',
      line: 1,
      column: 'name',
      code: 'quote_not_followed',
      params: {},
      reason: 'a quoted field must be followed by a comma or the end of the line',
    });
  });

  it('rejects a quote left open at the end, naming the line where the field began', () => {
    const e = rowError(() => parse('a,b\n1,2\n3,"four\nfive\nsix\n'));
    expect(e.line).toBe(3);
    expect(e.reason).toMatch(/never closed/);
  });

  it('rejects a line longer than the limit, measured in UTF-8 bytes', () => {
    expect(parse(`a\n${'x'.repeat(10)}\n`, 3, 10)).toHaveLength(2);
    expect(rowError(() => parse(`a\n${'x'.repeat(11)}\n`, 3, 10))).toMatchObject({
      line: 2,
      column: '(row)',
      reason: 'the line is longer than 10 bytes',
    });
    expect(parse(`a\n${'警'.repeat(3)}\r\n`, 100, 9)).toHaveLength(2);
    expect(rowError(() => parse(`a\n${'警'.repeat(4)}\n`, 100, 9)).line).toBe(2);
    expect(rowError(() => parse(`a\n${'警'.repeat(4)}\n`, 1, 9)).line).toBe(2);
  });

  it('stops at the limit without holding more than one chunk beyond it', () => {
    const parser = new CsvParser('t.csv', 1 << 20);
    const out: TableRow[] = [];
    parser.push('a,b\n1,2\n', out);
    const chunk = 'x'.repeat(64 * 1024);
    let pushed = 0;
    const e = rowError(() => {
      for (; pushed < 160; pushed++) parser.push(chunk, out); // a 10 MB line
    });
    expect(e.line).toBe(3);
    expect(pushed).toBe(16); // the 17th chunk crosses 1 MiB
  });

  it('hints at a missing closing quote when a field runs past the limit over many lines', () => {
    const e = rowError(() => parse(`a,b\n1,"${'text\n'.repeat(10)}`, 4, 20));
    expect(e.line).toBe(2);
    expect(e.reason).toMatch(/quoted field opened on line 2 runs on/);
  });
});
