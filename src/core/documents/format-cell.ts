import type { Cell, ColumnFormat } from './document.ts';

/**
 * A table cell as text, the same in every text format (DOCX, PDF, HTML, Markdown). An empty cell
 * (null) is a dash.
 *
 * @example formatCell('percent', 0.8532) // '85.3%'
 * @example formatCell('movement', -2)    // '↓2'
 */
export function formatCell(format: ColumnFormat, value: Cell): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'integer':
      return Math.round(value).toLocaleString('en');
    case 'decimal':
      return value.toFixed(2);
    case 'signed':
      return signed(value);
    case 'movement':
      return value > 0 ? `↑${value}` : value < 0 ? `↓${-value}` : '—';
    case 'percent':
      return percent(value);
    case 'money':
      return value.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'text':
      return String(value);
  }
}

/** Two decimals with a sign; a change that rounds to zero is 0.00 without one. */
export function signed(value: number): string {
  const text = Math.abs(value).toFixed(2);
  if (Number(text) === 0) return '0.00';
  return `${value > 0 ? '+' : '-'}${text}`;
}

/** A share 0..1 as a percentage with one decimal. */
export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** The Excel number format that shows a column as formatCell does (text columns: none). */
export function excelFormat(format: ColumnFormat): string | undefined {
  switch (format) {
    case 'integer':
      return '#,##0';
    case 'decimal':
      return '0.00';
    case 'signed':
      return '+0.00;-0.00;0.00';
    case 'movement':
      return '"↑"0;"↓"0;"—"';
    case 'percent':
      return '0.0%';
    case 'money':
      return '#,##0.00';
    default:
      return undefined;
  }
}
