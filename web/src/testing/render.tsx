/**
 * Helpers for component tests: a fake API answering by path (what `fetch` and XHR would get),
 * and rendering inside the app's providers at a given URL.
 */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { clearCache } from '../api/client.ts';
import { AuthProvider } from '../auth/auth.tsx';
import { I18nProvider, type Lang } from '../i18n/i18n.tsx';
import { MetaProvider, type MetaState } from '../ui/meta.tsx';

export interface FakeCall {
  method: string;
  path: string;
  body?: unknown;
}

export type FakeRoute = (call: FakeCall) => { status: number; body?: unknown } | undefined;

/** Replaces fetch with answers from `route` (404 when it has none); returns the calls made. */
export function fakeApi(route: FakeRoute): FakeCall[] {
  clearCache();
  const calls: FakeCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://local');
      const call = {
        method: init?.method ?? 'GET',
        path: url.pathname.replace(/^\/api\/v1/, '') + url.search,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      };
      calls.push(call);
      const answer = route(call) ?? {
        status: 404,
        body: { error: { code: 'not_found', message: `no route ${call.path}`, details: [] } },
      };
      return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return calls;
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
