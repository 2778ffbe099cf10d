/**
 * The one way the web app talks to the API: JSON in and out, errors as {@link ApiError}, a
 * short-lived cache of GETs (dropped after every write), and one hook for 401 so that the auth
 * context can show the login page whatever request met it.
 *
 * @example
 *   const areas = await apiGet<AreaPage>('/areas?level=province');
 */
import type { Params } from '#core/errors/types.ts';
import type { RowError } from './types.ts';

export const API = '/api/v1';

/**
 * A failed call: the API's `{"error": {code, category, message, params, details}}` (the code a
 * registered one, said in the reader's language by `useI18n().errorText`), or one made here:
 * `network` (status 0) when no answer came, `aborted`, `client`, `http_502` for a body of no JSON.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
    readonly params: Params = {},
    /** The code's broad class (`import_rejected`, `forbidden`, ...); the code itself when none came. */
    readonly category: string = code,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The row errors of a rejected write (`import_rejected`), in the API's order. */
  get rowErrors(): RowError[] {
    return this.details.filter(
      (d): d is RowError => typeof d === 'object' && d !== null && 'reason' in d && 'column' in d,
    );
  }
}

let unauthorized: (() => void) | undefined;

/**
 * Counts sign-ins. A request sent before the latest one that answers 401 after it speaks of the
 * session that was, not of this one: it must not bring the login back over a signed-in page (the
 * header's 待办 count, asked as every page opens, raced the sign-in that way).
 */
let sessions = 0;

/** Marks a sign-in: what answers 401 from now on is about the new session only if sent after it. */
export function signedIn(): void {
  sessions++;
  clearCache();
}

/** How many sign-ins this page has seen (to tell an answer about an earlier session). */
export function signIns(): number {
  return sessions;
}

/** Registers what to do when any call answers 401 (the auth context shows the login page). */
export function onUnauthorized(handler: (() => void) | undefined): void {
  unauthorized = handler;
}

const TTL_MS = 30_000;
const cache = new Map<string, { at: number; promise: Promise<unknown> }>();

/** Forgets every cached answer: after a write, a login, or a language-independent refresh. */
export function clearCache(): void {
  cache.clear();
}

/** GET `API + path`, shared with any identical call of the last 30 s. */
export function apiGet<T>(path: string): Promise<T> {
  const hit = cache.get(path);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.promise as Promise<T>;
  const promise = request<T>('GET', path).then((r) => r.data);
  cache.set(path, { at: Date.now(), promise });
  promise.catch(() => cache.delete(path));
  return promise;
}

/** GET without the cache: an answer that must be new each time (a challenge). */
export async function apiGetFresh<T>(path: string): Promise<T> {
  return (await request<T>('GET', path)).data;
}

/** POST JSON; answers the status beside the data (201 written, 200 a dry run). */
export async function apiPost<T>(path: string, body: unknown): Promise<{ status: number; data: T }> {
  const result = await request<T>('POST', path, body);
  clearCache();
  return result;
}

/** A POST that only reads (a preview): not cached, and the cache is kept. */
export async function apiQuery<T>(path: string, body: unknown): Promise<T> {
  return (await request<T>('POST', path, body)).data;
}

/** PUT, POST or DELETE with a JSON body (or none); the cache is dropped as after any write. */
export async function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; data: T }> {
  const result = await request<T>(method, path, body);
  clearCache();
  return result;
}

/**
 * POST a file's own bytes (evidence): the body is the file, its type the Content-Type (the
 * upload route takes any type as bytes, text and JSON too); a file of no known type goes as
 * application/octet-stream.
 */
export async function apiUpload<T>(path: string, file: Blob): Promise<{ status: number; data: T }> {
  const type = file.type || 'application/octet-stream';
  const sent = sessions;
  let res: Response;
  try {
    res = await fetch(API + path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': type },
      body: file,
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  clearCache();
  return readResponse<T>(res.status, await res.text(), sent);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
  const sent = sessions;
  let res: Response;
  try {
    res = await fetch(API + path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  return readResponse<T>(res.status, await res.text(), sent);
}

/**
 * Turns a status and body text into data or an ApiError (shared with the upload path); `sent`
 * is the sign-in count when the request left (a 401 to an earlier session shows no login).
 */
export function readResponse<T>(status: number, text: string, sent = sessions): { status: number; data: T } {
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (status >= 200 && status < 300) return { status, data: json as T };
  const err = (json as { error?: Partial<Pick<ApiError, 'code' | 'message' | 'details' | 'params' | 'category'>> })
    ?.error;
  const code = err?.code ?? `http_${status}`;
  const error = new ApiError(
    status,
    code,
    err?.message ?? `HTTP ${status}`,
    err?.details ?? [],
    err?.params ?? {},
    err?.category ?? code,
  );
  if (status === 401 && sent === sessions) unauthorized?.();
  throw error;
}

/** `?a=1&b=2` from the defined entries of an object, or `''`. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
