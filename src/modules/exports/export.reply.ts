/**
 * How a route answers `format=xlsx|csv`: the same rows as its JSON, written by table-writers.ts
 * as a file to download. Routes keep their JSON answer and add one call:
 *
 * @example
 *   async (request, reply) => {
 *     const { format, lang, ...query } = request.query;
 *     const rows = await rankingsFor(ctx, actorOf(request), query);
 *     return answerAs(reply, { format, lang }, rows, () => bindRows(RANKINGS_TABLE, rows), `rankings-${query.within}`);
 *   }
 */
import type { FastifyReply } from 'fastify';
import { AppError } from '../../shared/errors.ts';
import type { BoundTable, ExportParams } from '#core/exports/export-table.ts';
import { EXPORT_CONTENT_TYPES, SHEET_ROWS_MAX, writeTable } from './table-writers.ts';

/**
 * The JSON answer as it is, or, when a file is asked for, the table made from it sent as an
 * attachment named `name.xlsx` / `name.csv`.
 */
export async function answerAs<T>(
  reply: FastifyReply,
  params: ExportParams,
  json: T,
  table: () => BoundTable,
  name: string,
): Promise<T | FastifyReply> {
  if (params.format === 'json') return json;
  return sendTable(reply, table(), params, name);
}

/** Sends a table as an XLSX or CSV attachment. */
export async function sendTable(
  reply: FastifyReply,
  table: BoundTable,
  params: ExportParams,
  name: string,
): Promise<FastifyReply> {
  if (params.format === 'json') throw new Error('sendTable: a file format is needed');
  if (params.format === 'xlsx' && table.cells.length > SHEET_ROWS_MAX)
    throw new AppError('export_too_many_rows', { rows: table.cells.length, max: SHEET_ROWS_MAX });
  const bytes = await writeTable(table, params.format, params.lang);
  const file = `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.${params.format}`;
  return reply
    .header('content-type', EXPORT_CONTENT_TYPES[params.format])
    .header('content-disposition', `attachment; filename="${file}"`)
    .send(bytes);
}

/** One page holding every row of what is filtered, for an export of a paged list. */
export const ALL_ROWS = { limit: Number.MAX_SAFE_INTEGER, offset: 0 };
