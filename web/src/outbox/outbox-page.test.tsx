// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coded, fakeApi, json, renderAt, rowError, type FakeRoute } from '../testing/render.tsx';
import { OutboxProvider, RETRY_MS } from './outbox-context.tsx';
import { OutboxIndicator } from './outbox-indicator.tsx';
import { OutboxPage } from './outbox-page.tsx';
import { addToOutbox, readOutbox, updateEntry } from './outbox-store.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
  window.localStorage.clear();
});

const SESSION = {
  username: 'li.wei',
  role: 'officer',
  area: null,
  badge: '0100002',
  expires_at: '2030-01-01T00:00:00Z',
};
const visit = (household: string) => ({
  date: '2019-06-20',
  badge: '0100002',
  area_code: '510101002001',
  household_ref: household,
});

function api(records: FakeRoute) {
  return fakeApi((call) => (call.path === '/session' ? json(SESSION) : records(call)));
}

function show(lang: 'zh' | 'en' = 'zh') {
  return renderAt(
    <OutboxProvider>
      <header>
        <OutboxIndicator />
      </header>
      <OutboxPage />
    </OutboxProvider>,
    { url: '/records/outbox', lang },
  );
}

const items = () => [...document.querySelectorAll<HTMLElement>('.outbox-item')];
const indicator = () => document.querySelector<HTMLAnchorElement>('.outbox-indicator');

describe('the outbox', () => {
  it('sends what waits once the session is known, and the header count goes', async () => {
    addToOutbox('li.wei', 'visits', visit('H1'));
    addToOutbox('li.wei', 'visits', visit('H2'));
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const calls = api(async ({ method }) => {
      if (method !== 'POST') return undefined;
      await held;
      return { status: 201, body: { written: 1 } };
    });
    show();
    await waitFor(() => expect(indicator()?.getAttribute('href')).toBe('/records/outbox'));
    expect(indicator()?.getAttribute('aria-label')).toBe('待发送记录：2 条待发送，0 条被退回');
    // While the first is on its way: the progress, in the header and on the page.
    await waitFor(() => expect(indicator()?.textContent).toContain('发送中 1/2'));
    expect(screen.getByRole('status').textContent).toBe('正在发送第 1 条，共 2 条…');
    expect(screen.getByRole('button', { name: '正在发送…' }).hasAttribute('disabled')).toBe(true);
    release();
    await waitFor(() => expect(indicator()).toBeNull());
    expect(screen.getByRole('status').textContent).toMatch(/已发送 2 条。$/);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('没有待发送的记录。');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/records/visits', '/records/visits']);
  });

  it('waits while offline, and sends when the browser is online again', async () => {
    addToOutbox('li.wei', 'visits', visit('H1'));
    let online = false;
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
    const calls = api(({ method }) =>
      method !== 'POST' ? undefined : online ? { status: 201, body: { written: 1 } } : { status: 504, body: undefined },
    );
    show();
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(await screen.findByText('本机现在没有网络。联网后自动发送。')).toBeTruthy();
    expect(indicator()?.textContent).toContain('待发送 1');
    online = true;
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(indicator()).toBeNull());
    expect(readOutbox('li.wei')).toEqual([]);
  });

  it('tries again every 30 s while records wait, and on “send now”', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    addToOutbox('li.wei', 'visits', visit('H1'));
    let up = false;
    const calls = api(({ method }) =>
      method !== 'POST' ? undefined : up ? { status: 201, body: { written: 1 } } : { status: 502, body: undefined },
    );
    show();
    const posts = () => calls.filter((c) => c.method === 'POST').length;
    await waitFor(() => expect(posts()).toBe(1));
    expect(await screen.findByText(/仍无法连接服务器/)).toBeTruthy();
    act(() => void vi.advanceTimersByTime(RETRY_MS));
    await waitFor(() => expect(posts()).toBe(2));
    await waitFor(() => expect(screen.getByRole('button', { name: '立即发送' }).hasAttribute('disabled')).toBe(false));
    up = true;
    fireEvent.click(screen.getByRole('button', { name: '立即发送' }));
    await waitFor(() => expect(indicator()).toBeNull());
    expect(posts()).toBe(3);
  });

  it('lists a rejected record with its reasons translated, to correct or discard after asking', async () => {
    const entry = addToOutbox('li.wei', 'visits', visit('H9'));
    updateEntry('li.wei', entry.id, (e) => ({
      ...e,
      state: 'rejected',
      problems: [
        rowError('visits', 1, 'area_code', coded('not_village', { value: '510101002000', level: 'township' })),
      ],
    }));
    addToOutbox('wang.fang', 'visits', visit('SOMEONE-ELSE'));
    const calls = api(() => undefined);
    show();
    await waitFor(() => expect(window.localStorage.getItem('outpost.user')).toBe('li.wei'));
    expect(indicator()?.textContent).toContain('退回 1');
    const item = items()[0];
    expect(within(item).getByRole('heading').textContent).toBe('入户走访 2019-06-20');
    expect(item.textContent).toContain('被退回');
    expect(item.textContent).toContain('村（社区）：510101002000 是乡镇级地区，不是村（社区）');
    expect(item.textContent).toContain('H9');
    expect(screen.queryByText('SOMEONE-ELSE')).toBeNull();
    expect(within(item).getByRole('link', { name: '修改' }).getAttribute('href')).toBe(
      `/records/visits?outbox=${entry.id}`,
    );
    // A rejected record is not sent again by itself.
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.click(within(item).getByRole('button', { name: '删除' }));
    expect(item.textContent).toContain('删除后这条记录无法恢复。确定删除吗？');
    fireEvent.click(within(item).getByRole('button', { name: '保留' }));
    expect(readOutbox('li.wei')).toHaveLength(1);
    fireEvent.click(within(item).getByRole('button', { name: '删除' }));
    fireEvent.click(within(item).getByRole('button', { name: '确定删除' }));
    await waitFor(() => expect(items()).toEqual([]));
    expect(readOutbox('li.wei')).toEqual([]);
    expect(readOutbox('wang.fang')).toHaveLength(1);
  });

  it('says a record out of scope in English too', async () => {
    const entry = addToOutbox('li.wei', 'visits', visit('H9'));
    updateEntry('li.wei', entry.id, (e) => ({
      ...e,
      state: 'rejected',
      forbidden: true,
      problems: [rowError('visits', 1, 'badge', coded('badge_not_own', { badge: '0100002' }))],
    }));
    api(() => undefined);
    show('en');
    await waitFor(() => expect(items()).toHaveLength(1));
    const item = items()[0];
    expect(item.textContent).toContain('Out of scope');
    expect(item.textContent).toContain('Badge: an officer writes records with its own badge (0100002) only');
    expect(indicator()?.getAttribute('aria-label')).toBe('Outbox: 0 waiting, 1 rejected');
  });

  it('shows the last account signed in here before the server has answered, and sends nothing for it', async () => {
    window.localStorage.setItem('outpost.user', 'li.wei');
    addToOutbox('li.wei', 'visits', visit('H1'));
    const calls = fakeApi(() => undefined); // no session: the server has not confirmed anyone
    show();
    expect(indicator()?.textContent).toContain('待发送 1');
    await waitFor(() => expect(calls.some((c) => c.path === '/session')).toBe(true));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});
