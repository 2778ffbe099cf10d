/**
 * The text of a spreadsheet cell value as an import reads it: numbers as Excel shows them (15
 * significant digits, no exponent, no trailing `.0`), dates as `YYYY-MM-DD` (with the time when
 * there is one), booleans `TRUE`/`FALSE`, formulas by their cached result, rich text joined.
 *
 * @example
 * cellText(1234.5599999999999) // '1234.56'
 * cellText(new Date(Date.UTC(2019, 5, 1))) // '2019-06-01'
 * cellText({ formula: 'A1+1', result: 43617 }, 'yyyy-mm-dd') // '2019-06-01'
 */
export function cellText(value: unknown, numFmt?: string, date1904 = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      const runs = v.richText as { text?: unknown }[];
      return runs.map((run) => (run.text == null ? '' : String(run.text))).join('');
    }
    if ('formula' in v || 'sharedFormula' in v) {
      const result = v.result;
      if (typeof result === 'number' && isDateFormat(numFmt)) {
        return dateText(excelDate(result, date1904));
      }
      return cellText(result, numFmt, date1904);
    }
    if ('error' in v) return String(v.error);
    if ('text' in v) return cellText(v.text, numFmt, date1904);
  }
  return String(value);
}

/** A number without exponent or binary noise: the 15 significant digits Excel displays. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const text = String(Number(n.toPrecision(15)));
  const e = text.indexOf('e');
  if (e === -1) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const digits = mantissa.replace('.', '');
  const point = (mantissa.indexOf('.') === -1 ? mantissa.length : mantissa.indexOf('.')) + exponent;
  const plain =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}

/** `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS` when the time of day (to the second) is not 0. */
export function dateText(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return '';
  const rounded = new Date(Math.round(t / 1000) * 1000).toISOString();
  const day = rounded.slice(0, 10);
  const time = rounded.slice(11, 19);
  return time === '00:00:00' ? day : `${day} ${time}`;
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

// The rule exceljs applies to plain values, for formula results it leaves as numbers.
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}
