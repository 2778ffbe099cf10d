/**
 * Writes through the API: an import file uploaded as it is to `POST imports`, with upload
 * progress (XMLHttpRequest: fetch reports none) and a way to stop it; rows of a record form to
 * `POST records/{kind}`. Both answer as the API client does: data, or an ApiError carrying the
 * row errors; a 401 shows the login.
 */
import type { ImportJobBody, ImportReportBody } from '#core/contracts/imports.schema.ts';
import { API, ApiError, apiGetFresh, apiSend, clearCache, query, readResponse } from '../api/client.ts';

export type ImportReport = ImportReportBody;
export type ImportJob = ImportJobBody;

/** Writes a checked import job by its id: the server has the file already (no second upload). */
export async function confirmImport(job: number): Promise<ImportReport> {
  return (await apiSend<ImportReport>('POST', `/imports/${job}/confirm`)).data;
}

/** Cancels a checked (or queued) import job; its stored file goes. */
export async function cancelImport(job: number): Promise<void> {
  await apiSend('POST', `/imports/${job}/cancel`);
}

/** An import job's phase, place in the queue and report, as it is now. */
export function importJob(job: number): Promise<ImportJob> {
  return apiGetFresh<ImportJob>(`/imports/${job}`);
}

/** The account's own latest jobs, newest first: the page follows the one it is checking. */
export function importJobs(): Promise<ImportJob[]> {
  return apiGetFresh<ImportJob[]>('/imports');
}

export interface Written {
  written: number;
}

export interface ImportUpload {
  /** The report of the check (dry run) or of the write. */
  done: Promise<ImportReport>;
  /** Stops the upload (nothing is written: the server never has the whole file). */
  abort(): void;
}

/**
 * Uploads `file` to `POST imports`: its own bytes and type, its name saying its kind and
 * format; `kind` for a file (or sheet) whose name is no kind. `onProgress` gets the fraction
 * sent, `onSent` is called once the whole file is with the server, which then checks (or
 * writes) it.
 */
export function uploadImport(
  file: File,
  options: { kind: string; dryRun: boolean; onProgress?(fraction: number): void; onSent?(): void },
): ImportUpload {
  const url = `${API}/imports${query({ name: file.name, kind: options.kind, dry_run: options.dryRun })}`;
  const xhr = new XMLHttpRequest();
  const done = new Promise<ImportReport>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => e.lengthComputable && options.onProgress?.(e.loaded / e.total);
    xhr.upload.onload = () => options.onSent?.();
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'the upload was stopped'));
    xhr.onload = () => {
      if (!options.dryRun) clearCache();
      try {
        resolve(readResponse<ImportReport>(xhr.status, xhr.responseText).data);
      } catch (e) {
        reject(e);
      }
    };
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

/** Rows of one kind (a record form's one row), checked with `dryRun` or written. */
export async function postRows(
  kind: string,
  rows: Record<string, unknown>[],
  options: { dryRun: boolean },
): Promise<Written> {
  const url = `${API}/records/${encodeURIComponent(kind)}${options.dryRun ? '?dry_run=true' : ''}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(rows),
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  if (!options.dryRun) clearCache();
  return readResponse<Written>(res.status, text).data;
}
