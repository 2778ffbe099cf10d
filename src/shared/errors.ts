/**
 * The one error class of Outpost. Every failure a person can act on is an AppError with a code
 * from a closed set; the HTTP layer and the CLI map codes to status and exit codes in one place.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'import_rejected'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited'
  | 'busy'
  | 'not_ready'
  | 'disk_full'
  | 'internal';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  import_rejected: 422,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  busy: 503,
  not_ready: 503,
  disk_full: 507,
  internal: 500,
};

export const EXIT_CODE: Record<ErrorCode, number> = {
  invalid_input: 2,
  import_rejected: 3,
  not_found: 4,
  conflict: 5,
  unauthenticated: 6,
  forbidden: 6,
  rate_limited: 7,
  busy: 7,
  not_ready: 7,
  disk_full: 8,
  internal: 1,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** One rejected place in an input file: `units.csv:41: station_code: no station S2201 exists`. */
export interface RowError {
  file: string;
  /** Physical line (header = 1), or `sheet:row` in XLSX. */
  line: number | string;
  column: string;
  reason: string;
}

export function formatRowError(e: RowError): string {
  return `${e.file}:${e.line}: ${e.column}: ${e.reason}`;
}
