/**
 * The text of spreadsheet values as an import reads them: numbers as Excel shows them (15
 * significant digits, no exponent, no trailing `.0`), dates as `YYYY-MM-DD` (with the time when
 * there is one), and the rule that tells a date from a number by its cell's number format.
 *
 * @example
 * numberText(1234.5599999999999) // '1234.56'
 * dateText(serialDate(43617, false)) // '2019-06-01'
 * isDateFormat('yyyy-mm-dd') // true
 */

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

/** The moment an Excel serial number stands for, in the workbook's 1900 or 1904 date system. */
export function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Whether a number format shows a date or time (exceljs's rule: any of `ymdhMsb` outside quotes and brackets). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}
