/**
 * An import and its audit entry, the one sequence every entry point runs (`outpost import`,
 * `POST imports`, `POST records/{kind}`): in one transaction, the caller's check, the import and
 * the audit entry, all or nothing; a dry run rolled back and not audited; a refusal (a row
 * outside the account's scope) audited as refused, after the rollback, and thrown on.
 *
 * @example
 *   await importWithAudit(db, sources, { actor: who.actor, source: 'api' }, {
 *     who, action: 'import', target: 'surveys.csv', detail: (r) => ({ import_id: r.importId }),
 *   });
 */
import type { Database, Tx } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { appendAudit, audit, type AuditActor } from '../audit/audit.repository.ts';
import { importSources, type ImportOptions, type ImportReport, type ImportSource } from './import.service.ts';

export interface ImportAudit {
  who: AuditActor;
  action: string;
  target: string;
  /** The entry's detail once written. */
  detail(report: ImportReport): Record<string, unknown>;
  /** More detail of a refusal (beside `dry_run` and `reason`). */
  refused?: Record<string, unknown>;
  /** A check inside the transaction before anything is imported (it throws to refuse). */
  before?(tx: Tx): Promise<void>;
}

export async function importWithAudit(
  db: Database,
  sources: ImportSource[],
  options: ImportOptions,
  entry: ImportAudit,
): Promise<ImportReport> {
  const { who, action, target } = entry;
  try {
    return await importSources(db, sources, options, {
      before: entry.before,
      after: (tx, report) =>
        appendAudit(tx, who, { action, target, detail: entry.detail(report) }).then(() => undefined),
    });
  } catch (e) {
    if (e instanceof AppError && e.category === 'forbidden')
      await audit(db, who, {
        action,
        target,
        outcome: 'refused',
        detail: { ...entry.refused, dry_run: !!options.dryRun, reason: e.message },
      });
    throw e;
  }
}
