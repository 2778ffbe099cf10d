/**
 * POST records/{kind}, with upload progress when asked (XMLHttpRequest: fetch reports none).
 * Answers as the API client does: data, or an ApiError carrying the row errors; a 401 shows
 * the login.
 */
import { API, ApiError, clearCache, readResponse } from '../api/client.ts';

export interface Written {
  written: number;
}

export function postRows(
  kind: string,
  rows: Record<string, unknown>[],
  options: { dryRun: boolean; onProgress?(fraction: number): void },
): Promise<Written> {
  const url = `${API}/records/${encodeURIComponent(kind)}${options.dryRun ? '?dry_run=true' : ''}`;
  if (!options.onProgress) return postJson(url, rows, options.dryRun);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => e.lengthComputable && options.onProgress?.(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onload = () => {
      if (!options.dryRun) clearCache();
      try {
        resolve(readResponse<Written>(xhr.status, xhr.responseText).data);
      } catch (e) {
        reject(e);
      }
    };
    xhr.send(JSON.stringify(rows));
  });
}

/** Without progress to show (one record from a form), plain fetch. */
async function postJson(url: string, rows: Record<string, unknown>[], dryRun: boolean): Promise<Written> {
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
  if (!dryRun) clearCache();
  return readResponse<Written>(res.status, text).data;
}
