import { AppError, rowError, type CodedAs } from '../../../shared/errors.ts';

/** One record of an import file, its cells as text in file order. */
export interface TableRow {
  /** Physical line of the record's first line (the header is line 1); in XLSX `sheet:row`. */
  line: number | string;
  cells: string[];
}

/**
 * An import file opened for reading: its header, then its records one by one, read as they are
 * consumed (constant memory). `rows` can be iterated once. Errors while reading are thrown from
 * the iteration as `AppError('file_rejected')` carrying one {@link RowError}.
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
  /** How much of the file is read, 0 to 1, where the reader can tell (a CSV). */
  share?(): number;
}

/**
 * The rejection of a whole import file because of one place in it; `whole` when the place is
 * the file itself (its message then names the file alone: `units.csv.gz: the gzip data is ...`).
 */
export function rejected(file: string, line: number | string, column: string, cause: CodedAs, whole = false): AppError {
  return new AppError('file_rejected', { file, line: whole ? null : line, column, cause }, [
    rowError(file, line, column, cause),
  ]);
}

/**
 * Builds a Table from a started source of record batches: `pending` holds the records of the
 * current batch after the header. `rows` hands out records one by one, going back to the
 * source only when a batch is spent; `close` ends the source (running its cleanup).
 */
export function tableFrom(
  file: string,
  header: string[],
  batches: AsyncIterator<TableRow[]>,
  pending: TableRow[] = [],
  guard: () => void = () => {},
): Table {
  let batch = pending;
  let index = 0;
  let finished = false;
  const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
  const close = async () => {
    batch = [];
    finished = true;
    await batches.return?.();
  };
  const pull = async (): Promise<IteratorResult<TableRow>> => {
    for (;;) {
      const next = await batches.next();
      if (next.done) {
        finished = true;
        return done;
      }
      batch = next.value;
      index = 0;
      if (batch.length > 0) return { done: false, value: batch[index++] };
    }
  };
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
            if (index < batch.length) return Promise.resolve({ done: false, value: batch[index++] });
            return finished ? Promise.resolve(done) : pull();
          },
          return: async () => {
            await close();
            return done;
          },
        };
      },
    },
    close,
  };
}
