/**
 * One rejected place in an input file or a posted row, as data and as the line the CLI prints:
 * `units.csv:41: station_code: no station S2201 exists`. The code and parameters let the web
 * say it in the reader's language; `reason` is the English text of the same.
 */
import { englishOf, type CodedAs, type ErrorCode } from './registry.ts';
import type { Params } from './types.ts';

export interface RowError {
  file: string;
  /** Physical line (header = 1), or `sheet:row` in XLSX. */
  line: number | string;
  column: string;
  code: ErrorCode;
  params: Params;
  /** The English text of `code` with `params`. */
  reason: string;
}

/** A row error, its reason rendered from the registry. */
export function rowError(file: string, line: number | string, column: string, problem: CodedAs): RowError {
  return {
    file,
    line,
    column,
    code: problem.code,
    params: problem.params,
    reason: englishOf(problem.code, problem.params as never),
  };
}

export function formatRowError(e: Pick<RowError, 'file' | 'line' | 'column' | 'reason'>): string {
  return `${e.file}:${e.line}: ${e.column}: ${e.reason}`;
}
