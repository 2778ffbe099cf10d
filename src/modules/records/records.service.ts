/**
 * Rows of one §2 kind posted as JSON: the same validation, keys, merge and audit as an import
 * of its file, all or nothing; a scoped account's rows are held to its scope inside the same
 * transaction, before anything is written.
 */
import type { Database } from '../../db/database.ts';
import { AppError, coded, rowError, type RowError } from '../../shared/errors.ts';
import type { Actor } from '../accounts/access.ts';
import { importWithAudit } from '../imports/audited-import.ts';
import { kindByName } from '../imports/kinds/index.ts';
import { sourceFromObjects } from '../imports/sources.ts';
import { assertRowsInScope } from './records.scope.ts';

type Row = Record<string, string | number | null>;

/** Writes (or, a dry run, checks) `rows` of `kindName`; answers the rows added or replaced. */
export async function writeRecords(
  db: Database,
  actor: Actor,
  kindName: string,
  rows: Row[],
  dryRun: boolean,
): Promise<number> {
  const kind = kindByName(kindName);
  if (!kind) throw new AppError('template_not_found', { name: kindName });
  const known = new Set(kind.columns.map((c) => c.name));
  const unknown: RowError[] = [];
  rows.forEach((row, i) => {
    for (const key of Object.keys(row))
      if (!known.has(key))
        unknown.push(
          rowError(kind.kind, i + 1, key, coded('unknown_column', { kind: kind.kind, columns: [...known] })),
        );
  });
  if (unknown.length > 0)
    throw new AppError('import_rejected', { count: unknown.length, listed: unknown.length }, unknown);
  const present = kind.columns.filter((c) => !c.optional || rows.some((r) => c.name in r)).map((c) => c.name);
  const sources = [sourceFromObjects(kind.kind, kind, rows, present)];
  const { scope, who } = actor;
  const report = await importWithAudit(
    db,
    sources,
    { actor: who.actor, source: 'api', dryRun },
    {
      who,
      action: 'records.write',
      target: kind.kind,
      detail: (r) => ({ rows: rows.length, written: r.written, import_id: r.importId }),
      refused: { rows: rows.length },
      before: scope ? (tx) => assertRowsInScope(tx.kysely, scope, kind, rows) : undefined,
    },
  );
  return report.written;
}
