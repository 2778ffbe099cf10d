/**
 * Helpers for component tests: a fake API answering by path (what `fetch` and XHR would get,
 * uploads with their progress), and rendering inside the app's providers at a given URL.
 */
import { configure, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { clearCache } from '../api/client.ts';
import { AuthProvider } from '../auth/auth.tsx';
import { I18nProvider, type Lang } from '../i18n/i18n.tsx';
import { MetaProvider, type MetaState } from '../ui/meta.tsx';
import { categoryOf, httpStatusOf, renderError, type ErrorCode, type ErrorParams } from '#core/errors/registry.ts';
import type { Params } from '#core/errors/types.ts';

// The whole suite runs beside PostgreSQL servers and a browser on two cores: a lazily loaded
// chart can take longer than testing-library's default second to appear (a map's figures were
// missed that way under load). Waiting longer changes no assertion, only how long a find waits.
configure({ asyncUtilTimeout: 10_000 });

export interface FakeCall {
  method: string;
  path: string;
  body?: unknown;
}

type Answer = { status: number; body?: unknown };

/** An answer, or a promise of one (to hold a request open while the test looks). */
export type FakeRoute = (call: FakeCall) => Answer | undefined | Promise<Answer | undefined>;

/**
 * Replaces fetch and XMLHttpRequest with answers from `route` (404 when it has none); returns
 * the calls made. A JSON body is parsed; an uploaded File or Blob is kept as it is.
 */
export function fakeApi(route: FakeRoute): FakeCall[] {
  clearCache();
  const calls: FakeCall[] = [];
  const answer = async (call: FakeCall): Promise<Answer> => {
    calls.push(call);
    return (
      (await route(call)) ?? {
        status: 404,
        body: { error: { code: 'not_found', message: `no route ${call.path}`, details: [] } },
      }
    );
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const { status, body } = await answer({
        method: init?.method ?? 'GET',
        path: pathOf(input),
        body: init?.body instanceof Blob ? init.body : init?.body ? JSON.parse(String(init.body)) : undefined,
      });
      return new Response(body === undefined ? '' : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  vi.stubGlobal('XMLHttpRequest', fakeXhr(answer));
  return calls;
}

const pathOf = (url: string) => {
  const u = new URL(url, 'http://local');
  return u.pathname.replace(/^\/api\/v1/, '') + u.search;
};

/** XMLHttpRequest as the uploads use it: upload progress in two steps, then the answer. */
function fakeXhr(answer: (call: FakeCall) => Promise<Answer>) {
  return class FakeXMLHttpRequest {
    status = 0;
    responseText = '';
    withCredentials = false;
    upload: { onprogress?: (e: Partial<ProgressEvent>) => void; onload?: () => void } = {};
    onload?: () => void;
    onerror?: () => void;
    onabort?: () => void;
    private method = 'GET';
    private url = '';
    private aborted = false;

    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }

    setRequestHeader() {}

    abort() {
      if (this.aborted) return;
      this.aborted = true;
      this.onabort?.();
    }

    send(body?: unknown) {
      const size = body instanceof Blob ? body.size : String(body ?? '').length;
      const progress = (loaded: number) => this.upload.onprogress?.({ lengthComputable: true, loaded, total: size });
      const later = (fn: () => void) => setTimeout(() => !this.aborted && fn(), 0);
      later(() => {
        progress(size / 2);
        later(() => {
          progress(size);
          this.upload.onload?.();
          const parsed = typeof body === 'string' ? JSON.parse(body) : body;
          void answer({ method: this.method, path: pathOf(this.url), body: parsed }).then((a) =>
            later(() => {
              this.status = a.status;
              this.responseText = a.body === undefined ? '' : JSON.stringify(a.body);
              this.onload?.();
            }),
          );
        });
      });
    }
  };
}

/** Renders inside the app's providers, at `url`. */
export function renderAt(
  ui: ReactNode,
  { url = '/', lang = 'zh', meta = { status: 'absent' } }: { url?: string; lang?: Lang; meta?: MetaState } = {},
) {
  window.history.replaceState(null, '', url);
  return render(
    <I18nProvider lang={lang}>
      <AuthProvider>
        <MetaProvider value={meta}>{ui}</MetaProvider>
      </AuthProvider>
    </I18nProvider>,
  );
}

export const json = (body: unknown, status = 200) => ({ status, body });

/**
 * A refusal as the server answers it: the code's status, `{"error": {code, category, message,
 * params, details}}` with the English message rendered from the registry.
 *
 * @example refusal('scope_refused', { count: 1, listed: 1 }, [rowError('visits.csv', 2, 'area_code', coded(...))])
 */
export function refusal<C extends ErrorCode>(code: C, params: ErrorParams<C>, details: unknown[] = []): Answer {
  const message = renderError(code, params as Params, 'en');
  return {
    status: httpStatusOf(code),
    body: { error: { code, category: categoryOf(code), message, params, details } },
  };
}

export { coded } from '#core/errors/registry.ts';
export { rowError } from '#core/errors/row-error.ts';
