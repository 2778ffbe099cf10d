// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addToOutbox, readOutbox, updateEntry } from '../outbox/outbox-store.ts';
import { coded, fakeApi, json, refusal, renderAt, rowError, type FakeRoute } from '../testing/render.tsx';
import { RecordFormPage } from './record-form-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

const SESSION = {
  username: 'li.wei',
  role: 'officer',
  area: null,
  badge: '0100002',
  expires_at: '2030-01-01T00:00:00Z',
};
const VILLAGE = '510101002001';

/** The fake API behind a network that can drop: while `net.down`, every POST fails as fetch does offline. */
function flakyApi(route: FakeRoute) {
  const net = { down: true, refused: [] as string[] };
  const calls = fakeApi((call) => (call.path === '/session' ? json(SESSION) : route(call)));
  const answer = globalThis.fetch;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      if (net.down && init?.method === 'POST') {
        net.refused.push(input);
        throw new TypeError('Failed to fetch');
      }
      return answer(input, init);
    }),
  );
  return { net, calls };
}

const village = () => document.querySelector<HTMLInputElement>('input[name=area_code]')!;

async function signedIn() {
  await waitFor(() => expect(window.localStorage.getItem('outpost.user')).toBe('li.wei'));
}

function fillVisit(household: string) {
  fireEvent.change(screen.getByLabelText('日期'), { target: { value: '2019-06-20' } });
  fireEvent.change(screen.getByLabelText('警号'), { target: { value: '0100002' } });
  fireEvent.change(village(), { target: { value: VILLAGE } });
  const ref = screen.getByLabelText('户编号');
  fireEvent.change(ref, { target: { value: household } });
  fireEvent.blur(ref);
}

describe('a record saved without a network', () => {
  it('is kept on the device under the account, said plainly, and the form clears for the next', async () => {
    const { net } = flakyApi(() => undefined);
    renderAt(<RecordFormPage kind="visits" />, { url: '/records/visits' });
    await signedIn();
    fillVisit('H0001');
    // The check on leaving the field meets no server either: it says nothing rather than an error.
    await waitFor(() => expect(net.refused).toEqual(['/api/v1/records/visits?dry_run=true']));
    await waitFor(() => expect(screen.queryByText('正在校验…')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存在本机，联网后自动发送。')).toBeTruthy();
    expect(screen.getByRole('link', { name: '查看待发送记录' }).getAttribute('href')).toBe('/records/outbox');
    const [entry] = readOutbox('li.wei');
    expect(entry).toMatchObject({
      kind: 'visits',
      state: 'waiting',
      row: { date: '2019-06-20', badge: '0100002', area_code: VILLAGE, household_ref: 'H0001' },
    });
    expect(Date.now() - Date.parse(entry.enteredAt)).toBeLessThan(60_000);
    // As after a save: the day, the officer and the village stay; the household is new.
    expect((screen.getByLabelText('警号') as HTMLInputElement).value).toBe('0100002');
    expect(village().value).toBe(VILLAGE);
    expect((screen.getByLabelText('户编号') as HTMLInputElement).value).toBe('');
  });

  it('treats a proxy’s 503 the same way', async () => {
    const { net } = flakyApi(({ method }) => (method === 'POST' ? { status: 503, body: undefined } : undefined));
    net.down = false;
    renderAt(<RecordFormPage kind="visits" />, { url: '/records/visits' });
    await signedIn();
    fillVisit('H0002');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存在本机，联网后自动发送。')).toBeTruthy();
    expect(readOutbox('li.wei')).toHaveLength(1);
  });

  it('stays in the form, and says so, when the device cannot keep it', async () => {
    flakyApi(() => undefined);
    renderAt(<RecordFormPage kind="visits" />, { url: '/records/visits' });
    await signedIn();
    fillVisit('H0003');
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      fireEvent.click(screen.getByRole('button', { name: '保存' }));
      expect(await screen.findByText(/记录也没能保存在本机/)).toBeTruthy();
    } finally {
      setItem.mockRestore();
    }
    expect((screen.getByLabelText('户编号') as HTMLInputElement).value).toBe('H0003');
  });
});

describe('a record saved while an older one of its key waits in the outbox', () => {
  it('queues behind it instead of being replaced by it later', async () => {
    addToOutbox('li.wei', 'visits', {
      date: '2019-06-20',
      badge: '0100002',
      area_code: VILLAGE,
      household_ref: 'H0001',
    });
    addToOutbox('li.wei', 'visits', {
      date: '2019-06-20',
      badge: '0100002',
      area_code: VILLAGE,
      household_ref: 'H0002',
    });
    const { net, calls } = flakyApi(({ method }) =>
      method === 'POST' ? { status: 201, body: { written: 1 } } : undefined,
    );
    net.down = false;
    renderAt(<RecordFormPage kind="visits" />, { url: '/records/visits' });
    await signedIn();
    fillVisit('H0001');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(/这条记录的早先版本还在本机等待发送/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/records/visits')).toBe(false);
    expect(readOutbox('li.wei').map((e) => e.row.household_ref)).toEqual(['H0001', 'H0002', 'H0001']);

    // A record of another key goes straight to the server.
    fillVisit('H0003');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存 1 条记录。')).toBeTruthy();
    expect(readOutbox('li.wei')).toHaveLength(3);
  });
});

describe('a kept record opened from the outbox', () => {
  function rejectedEntry() {
    const entry = addToOutbox('li.wei', 'visits', {
      date: '2019-06-20',
      badge: '0100002',
      area_code: '510101002000',
      household_ref: 'H0009',
    });
    updateEntry('li.wei', entry.id, (e) => ({
      ...e,
      state: 'rejected',
      problems: [
        rowError('visits', 1, 'area_code', coded('not_village', { value: '510101002000', level: 'township' })),
      ],
    }));
    return entry;
  }

  it('shows its row and the reasons, and leaves the outbox once saved', async () => {
    window.localStorage.setItem('outpost.user', 'li.wei');
    const entry = rejectedEntry();
    const { net, calls } = flakyApi(({ method }) =>
      method === 'POST' ? { status: 201, body: { written: 1 } } : undefined,
    );
    net.down = false;
    renderAt(<RecordFormPage kind="visits" />, { url: `/records/visits?outbox=${entry.id}` });
    expect(screen.getByText(/正在修改一条保存在本机的记录/)).toBeTruthy();
    expect((screen.getByLabelText('户编号') as HTMLInputElement).value).toBe('H0009');
    expect(await screen.findByText('510101002000 是乡镇级地区，不是村（社区）')).toBeTruthy();

    fireEvent.change(village(), { target: { value: VILLAGE } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存 1 条记录。')).toBeTruthy();
    const saved = calls.find((c) => c.method === 'POST' && c.path === '/records/visits');
    expect(saved?.body).toEqual([{ date: '2019-06-20', badge: '0100002', area_code: VILLAGE, household_ref: 'H0009' }]);
    expect(readOutbox('li.wei')).toEqual([]);
    expect(window.location.search).toBe('');
    expect(screen.queryByText(/正在修改一条保存在本机的记录/)).toBeNull();
  });

  it('keeps the corrections when the save meets no network again, back in the queue', async () => {
    window.localStorage.setItem('outpost.user', 'li.wei');
    const entry = rejectedEntry();
    addToOutbox('li.wei', 'visits', { date: '2019-06-21', badge: '0100002', area_code: VILLAGE, household_ref: 'H1' });
    flakyApi(() => undefined);
    renderAt(<RecordFormPage kind="visits" />, { url: `/records/visits?outbox=${entry.id}` });
    fireEvent.change(village(), { target: { value: VILLAGE } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存在本机，联网后自动发送。')).toBeTruthy();
    const entries = readOutbox('li.wei');
    expect(entries.map((e) => [e.row.household_ref, e.state])).toEqual([
      ['H1', 'waiting'],
      ['H0009', 'waiting'],
    ]);
    expect(entries[1]).toMatchObject({ id: entry.id, row: { area_code: VILLAGE } });
  });

  it('keeps the corrections and the new reasons when the server refuses it again', async () => {
    window.localStorage.setItem('outpost.user', 'li.wei');
    const entry = rejectedEntry();
    const { net } = flakyApi(({ method }) =>
      method === 'POST'
        ? refusal('scope_refused', { count: 1, listed: 1 }, [
            rowError(
              'visits',
              1,
              'area_code',
              coded('area_outside_scope', { value: '510101009009', scope: '510101002000' }),
            ),
          ])
        : undefined,
    );
    net.down = false;
    renderAt(<RecordFormPage kind="visits" />, { url: `/records/visits?outbox=${entry.id}` });
    fireEvent.change(village(), { target: { value: '510101009009' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('510101009009 不在您的管辖范围（510101002000）内')).toBeTruthy();
    expect(readOutbox('li.wei')[0]).toMatchObject({
      state: 'rejected',
      forbidden: true,
      row: { area_code: '510101009009' },
      problems: [
        {
          column: 'area_code',
          code: 'area_outside_scope',
          params: { value: '510101009009', scope: '510101002000' },
          reason: '510101009009 is not in your area (510101002000)',
        },
      ],
    });
  });
});
