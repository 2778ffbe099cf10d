/**
 * A file uploaded to `POST imports`, run through the same pipeline as `outpost import`: its
 * kind from its name (or each sheet's of a workbook), every row checked, all or nothing
 * whatever its size. A scoped account's rows are held to its scope (stage-scope.ts);
 * a write commits with its audit entry or not at all, a refusal is audited as refused.
 */
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import type { Scope } from '../accounts/scope.ts';
import type { AuditActor } from '../audit/audit.repository.ts';
import type { ImportOptions, ImportReport } from './import.service.ts';
import { importWithAudit } from './audited-import.ts';
import type { ImportKind } from './kinds/index.ts';
import { unpackedSize } from './reader/unpacked-size.ts';
import { sourcesFromPaths } from './sources.ts';
import { UPLOAD_CAP, XLSX_UNPACKED_CAP } from '#core/imports/upload-limits.ts';

export interface UploadedFile {
  /** The file on disk, under the name the user gave it. */
  path: string;
  bytes: number;
  /** The kind of a file (or sheet) whose name is no §2 kind: the one the user chose. */
  kind?: ImportKind;
}

export interface UploadOptions {
  who: AuditActor;
  scope: Scope | null;
  dryRun: boolean;
  /** Follows the reading of the file (an import job's progress). */
  onProgress?: ImportOptions['onProgress'];
}

/**
 * Imports an uploaded file whose size was checked (checkUnpacked), in one transaction with its
 * audit entry; a dry run is rolled back. Import jobs (import-jobs.service.ts) call it in turn.
 */
export async function importUploaded(db: Database, file: UploadedFile, options: UploadOptions): Promise<ImportReport> {
  const { who, scope, dryRun, onProgress } = options;
  const name = path.basename(file.path);
  const sources = await sourcesFromPaths([file.path], { kind: file.kind });
  const importOptions: ImportOptions = {
    actor: who.actor,
    source: 'api',
    dryRun,
    mayWrite: { scope },
    apart: true,
    onProgress,
  };
  return importWithAudit(db, sources, importOptions, {
    who,
    action: 'import',
    target: name,
    detail: (report) => ({
      import_id: report.importId,
      written: report.written,
      bytes: file.bytes,
      kinds: Object.fromEntries(report.kinds.map((k) => [k.kind, k.rows])),
    }),
  });
}

/** What a scoped account's upload may unpack to (imports.settings.ts). */
export interface RoleLimit {
  role: 'officer' | 'manager';
  cap: number;
}

/**
 * A .csv.gz unpacks to no more than a CSV may be, a workbook to no more than is read at once;
 * and for a scoped account, any file to no more than its role's limit (a plain CSV: its size).
 * Counted by unpacking as a stream and stopping past the cap, so a small bomb costs the cap.
 */
export async function checkUnpacked(file: string, name: string, limit?: RoleLimit): Promise<void> {
  const lower = name.toLowerCase();
  const xlsx = lower.endsWith('.xlsx');
  const packed = xlsx || lower.endsWith('.gz');
  const cap = xlsx ? XLSX_UNPACKED_CAP : UPLOAD_CAP;
  if (limit && limit.cap < cap) {
    if ((await unpackedSize(file, name, limit.cap)) > limit.cap)
      throw new AppError('upload_over_role_limit', { name, cap: limit.cap, role: limit.role });
    return;
  }
  if (!packed) return;
  if ((await unpackedSize(file, name, cap)) <= cap) return;
  throw new AppError('upload_unpacks_too_large', { name, cap, workbook: xlsx });
}
