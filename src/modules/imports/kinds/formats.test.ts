/**
 * Each column's `format` (what the docs and forms say a cell accepts) agrees with its parser:
 * the values a format names are taken, the bounds it gives hold on both sides, and an empty cell
 * is taken exactly where it says so.
 */
import { describe, expect, it } from 'vitest';
import { CellError, KINDS, type ColumnDef } from './index.ts';

const takes = (c: ColumnDef, raw: string) => {
  try {
    c.parse(raw);
    return true;
  } catch (e) {
    if (e instanceof CellError) return false;
    throw e;
  }
};

const columns = KINDS.flatMap((k) => k.columns.map((c) => ({ at: `${k.kind}.${c.name}`, c })));

describe('column formats', () => {
  it.each(columns)('$at takes an empty cell exactly when it says it may be empty', ({ c }) => {
    expect(takes(c, '')).toBe(!!c.nullable);
    if (c.nullable) expect(c.parse('  ')).toBeNull();
  });

  it.each(columns)('$at takes its example, or says it may be empty', ({ c }) => {
    expect(takes(c, c.example) || (c.example === '' && c.nullable)).toBe(true);
  });

  it.each(columns)('$at holds the bounds its format names', ({ c }) => {
    const f = c.format;
    switch (f.type) {
      case 'choice':
        for (const v of f.values) expect(takes(c, v), v).toBe(true);
        expect(takes(c, `${f.values[0]}x`)).toBe(false);
        break;
      case 'integer':
        expect(takes(c, String(f.min))).toBe(true);
        expect(takes(c, String(f.min - 1))).toBe(false);
        if (f.max !== undefined) {
          expect(takes(c, String(f.max))).toBe(true);
          expect(takes(c, String(f.max + 1))).toBe(false);
        }
        expect(takes(c, `${f.min}.5`)).toBe(false);
        break;
      case 'decimal':
        expect(takes(c, String(f.max))).toBe(true);
        expect(takes(c, String(f.max + 0.01))).toBe(false);
        expect(takes(c, String(f.min))).toBe(!f.exclusiveMin);
        expect(takes(c, String(f.min + 0.01))).toBe(true);
        break;
      case 'text':
        expect(takes(c, 'x'.repeat(f.max))).toBe(true);
        expect(takes(c, 'x'.repeat(f.max + 1))).toBe(false);
        break;
      case 'code':
        expect(takes(c, 'A-1_b.2/c')).toBe(true);
        expect(takes(c, 'x'.repeat(64))).toBe(true);
        expect(takes(c, 'x'.repeat(65))).toBe(false);
        expect(takes(c, 'a b')).toBe(false);
        break;
      case 'area_code':
        expect(takes(c, 'A-1_b')).toBe(true);
        expect(takes(c, 'x'.repeat(32))).toBe(true);
        expect(takes(c, 'x'.repeat(33))).toBe(false);
        expect(takes(c, 'a.b')).toBe(false);
        break;
      case 'date':
        expect(takes(c, '2020-02-29')).toBe(true);
        expect(takes(c, '2019-02-29')).toBe(false);
        expect(takes(c, '2019/06/01')).toBe(false);
        break;
      case 'yuan':
        expect(c.parse('1,234.5')).toBe(123450);
        expect(takes(c, '1.234')).toBe(false);
        expect(takes(c, '-1')).toBe(false);
        break;
      case 'yes_no':
        expect([c.parse('yes'), c.parse('是'), c.parse('no'), c.parse('否')]).toEqual([1, 1, 0, 0]);
        expect(takes(c, 'maybe')).toBe(false);
        break;
    }
  });
});
