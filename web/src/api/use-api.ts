/**
 * Loading state for API reads: `useApi(path)` gives data, error and loading for one GET,
 * `useApiAll(paths)` for several at once. A null path waits. Views load again after a login.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiGet, clearCache } from './client.ts';
import { useAuth } from '../auth/auth.tsx';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'client', e instanceof Error ? e.message : String(e));
}

/** One GET. With `keep`, the previous path's data stays shown while the next one loads. */
export function useApi<T>(path: string | null, options: { keep?: boolean } = {}): Loaded<T> {
  const all = useApiAll<T>(path === null ? null : [path], options);
  return { data: all.data?.[0], error: all.error, loading: all.loading, reload: all.reload };
}

/** Several GETs, answered together. */
export function useApiAll<T>(paths: string[] | null, options: { keep?: boolean } = {}): Loaded<T[]> {
  const { epoch } = useAuth();
  const [nonce, setNonce] = useState(0);
  const key = paths === null ? null : paths.join('\n');
  const [state, setState] = useState<{ key: string | null; data?: T[]; error?: ApiError; loading: boolean }>({
    key: null,
    loading: key !== null,
  });

  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({
      key,
      data: options.keep || s.key === key ? s.data : undefined,
      error: undefined,
      loading: true,
    }));
    Promise.all(key.split('\n').map((p) => apiGet<T>(p))).then(
      (data) => live && setState({ key, data, loading: false }),
      (e: unknown) =>
        live &&
        setState((s) => ({ key, data: options.keep ? s.data : undefined, error: asApiError(e), loading: false })),
    );
    return () => {
      live = false;
    };
    // options.keep is left out of the dependencies on purpose: it only decides what shows meanwhile.
  }, [key, epoch, nonce]);

  const reload = useCallback(() => {
    clearCache();
    setNonce((n) => n + 1);
  }, []);
  const current = state.key === key;
  return {
    data: current || options.keep ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== null && (!current || state.loading),
    reload,
  };
}
