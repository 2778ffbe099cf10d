import { AppError, formatRowError, type RowError } from '../../../shared/errors.ts';

/** One record of an import file, its cells as text in file order. */
export interface TableRow {
  /** Physical line of the record's first line (the header is line 1); in XLSX `sheet:row`. */
  line: number | string;
  cells: string[];
}

/**
 * An import file opened for reading: its header, then its records one by one, read as they are
 * consumed (constant memory). `rows` can be iterated once. Errors while reading are thrown from
 * the iteration as `AppError('import_rejected')` carrying one {@link RowError}.
 */
export interface Table {
  /** Base name shown in errors, e.g. `units.csv` or `book.xlsx`. */
  file: string;
  header: string[];
  rows: AsyncIterable<TableRow>;
  /**
   * Releases the file before its rows are exhausted (e.g. after rejecting the header).
   * Not needed after a complete iteration or a `break` out of `for await`.
   */
  close(): Promise<void>;
}

/** The rejection of a whole import file because of one place in it. */
export function rejected(
  file: string,
  line: number | string,
  column: string,
  reason: string,
  message = formatRowError({ file, line, column, reason }),
): AppError {
  const rowError: RowError = { file, line, column, reason };
  return new AppError('import_rejected', message, [rowError]);
}

/**
 * Builds a Table from a started record source whose first record is the header: `rows` goes
 * on with the same iterator, and `close` ends it (running its cleanup).
 */
export function tableFrom(
  file: string,
  header: string[],
  rest: AsyncIterator<TableRow>,
  guard: () => void = () => {},
): Table {
  let taken = false;
  return {
    file,
    header,
    rows: {
      [Symbol.asyncIterator](): AsyncIterator<TableRow> {
        if (taken) throw new Error(`${file}: the rows of a table can be iterated only once`);
        taken = true;
        return {
          next: () => {
            guard();
            return rest.next();
          },
          return: async () => {
            await rest.return?.();
            return { done: true, value: undefined };
          },
        };
      },
    },
    close: async () => {
      await rest.return?.();
    },
  };
}
