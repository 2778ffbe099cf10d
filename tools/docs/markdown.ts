/** Small Markdown writers shared by the generated regions. */

/** A table cell: pipes escaped, line ends folded. */
export function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/**
 * A Markdown table; `align` gives each column's alignment (`l` or `r`), left when absent.
 *
 * @example table(['a', 'b'], [['1', '2']]) // '| a | b |\n|---|---|\n| 1 | 2 |'
 */
export function table(head: string[], rows: string[][], align = ''): string {
  const rule = head.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), `|${rule.join('|')}|`, ...rows.map(line)].join('\n');
}

/** `code` in backticks. */
export function code(s: string): string {
  return `\`${s}\``;
}

/** A number with thousands separators and at most `digits` decimals (trailing zeros dropped). */
export function num(n: number, digits = 2): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, useGrouping: true });
}

/** A number with exactly `digits` decimals. */
export function fixed(n: number, digits: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `a, b and c`. */
export function list(items: string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** `a, b or c`. */
export function orList(items: string[]): string {
  return list(items, 'or');
}
