/**
 * The one error class of Outpost. Every failure a person can act on is an AppError with a code
 * from the closed registry (`#core/errors/registry.ts`) and that code's parameters; its message
 * is the code's English text. The HTTP layer and the CLI map each code, through its category,
 * to a status and an exit code in one place.
 */
import {
  categoryOf,
  englishOf,
  exitCodeOf,
  httpStatusOf,
  type ErrorCode,
  type ErrorParams,
} from '#core/errors/registry.ts';
import { CATEGORIES, type Category, type Coded, type Params } from '#core/errors/types.ts';

export type { ErrorCode, ErrorParams, Category };
export { formatRowError, rowError, type RowError } from '#core/errors/row-error.ts';
export { coded, type CodedAs } from '#core/errors/registry.ts';

/** The CLI's exit code of each category (`EXIT_CODE.import_rejected` is 3). */
export const EXIT_CODE = Object.fromEntries(
  Object.entries(CATEGORIES).map(([category, c]) => [category, c.exit]),
) as Record<Category, number>;

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  /** The broad class of the code: what decides the HTTP status and the exit code. */
  readonly category: Category;

  /**
   * @example throw new AppError('area_not_found', { area: code });
   */
  constructor(
    readonly code: C,
    readonly params: ErrorParams<C>,
    readonly details: unknown[] = [],
  ) {
    super(englishOf(code, params));
    this.name = 'AppError';
    this.category = categoryOf(code);
  }

  get httpStatus(): number {
    return httpStatusOf(this.code);
  }

  get exitCode(): number {
    return exitCodeOf(this.code);
  }

  /** The error as data, to nest in another's parameters. */
  toCoded(): Coded {
    return { code: this.code, params: this.params as Params };
  }
}
