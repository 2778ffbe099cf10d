// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import { coded, fakeApi, json, refusal, rowError, type FakeCall } from '../testing/render.tsx';
import { recordKey, sendOutbox, unreachable } from './outbox-send.ts';
import { addToOutbox, readOutbox, requeue } from './outbox-store.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

const USER = 'li.wei';
const visit = (household: string, date = '2019-06-03') => ({
  date,
  badge: '0100002',
  area_code: '510101002001',
  household_ref: household,
});
const households = (calls: FakeCall[]) =>
  calls.filter((c) => c.method === 'POST').map((c) => (c.body as Record<string, string>[])[0].household_ref);

describe('sending the outbox', () => {
  it('sends oldest first, one record a request, and takes out what the server accepted', async () => {
    for (const h of ['H1', 'H2', 'H3']) addToOutbox(USER, 'visits', visit(h));
    addToOutbox('wang.fang', 'visits', visit('H9'));
    const calls = fakeApi(({ method }) => (method === 'POST' ? { status: 201, body: { written: 1 } } : undefined));
    const seen: number[] = [];
    const round = await sendOutbox(USER, { onEntry: (_e, done, total) => seen.push(done, total) });
    expect(round).toEqual({ sent: 3, rejected: 0, end: 'done' });
    expect(households(calls)).toEqual(['H1', 'H2', 'H3']);
    expect(calls[0].path).toBe('/records/visits');
    expect(seen).toEqual([0, 3, 1, 3, 2, 3]);
    expect(readOutbox(USER)).toEqual([]);
    // Another account's records are neither sent nor touched.
    expect(readOutbox('wang.fang')).toHaveLength(1);
  });

  it('stops at the first record that meets no network, and keeps it and the rest', async () => {
    for (const h of ['H1', 'H2', 'H3']) addToOutbox(USER, 'visits', visit(h));
    let n = 0;
    fakeApi(() => undefined);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        if (++n === 2) throw new TypeError('Failed to fetch');
        return new Response(JSON.stringify({ written: 1 }), { status: 201 });
      }),
    );
    expect(await sendOutbox(USER)).toEqual({ sent: 1, rejected: 0, end: 'later' });
    expect(n).toBe(2);
    expect(readOutbox(USER).map((e) => [e.row.household_ref, e.state])).toEqual([
      ['H2', 'waiting'],
      ['H3', 'waiting'],
    ]);
  });

  it('treats a proxy’s 502, 503 and 504 as no network', async () => {
    addToOutbox(USER, 'visits', visit('H1'));
    for (const status of [502, 503, 504]) {
      fakeApi(() => ({ status, body: undefined }));
      expect((await sendOutbox(USER)).end).toBe('later');
    }
    expect(readOutbox(USER)[0].state).toBe('waiting');
  });

  it('keeps a rejected record with its reasons, marks a 403 as out of scope, and sends the others', async () => {
    addToOutbox(USER, 'visits', visit('BAD'));
    addToOutbox(USER, 'visits', visit('H2'));
    addToOutbox(USER, 'visits', visit('OUT'));
    fakeApi(({ body }) => {
      const [row] = body as Record<string, string>[];
      if (row.household_ref === 'BAD')
        return refusal('import_rejected', { count: 1 }, [
          rowError('visits', 1, 'area_code', coded('not_village', { value: '510101002000', level: 'township' })),
        ]);
      if (row.household_ref === 'OUT')
        return refusal('scope_refused', { count: 1, listed: 1 }, [
          rowError('visits', 1, 'badge', coded('badge_not_own', { badge: '0100003' })),
        ]);
      return { status: 201, body: { written: 1 } };
    });
    expect(await sendOutbox(USER)).toEqual({ sent: 1, rejected: 2, end: 'done' });
    const [bad, out] = readOutbox(USER);
    expect(bad).toMatchObject({
      state: 'rejected',
      forbidden: false,
      problems: [
        {
          column: 'area_code',
          code: 'not_village',
          params: { value: '510101002000', level: 'township' },
          reason: '510101002000 is a township, not a village-level area',
        },
      ],
    });
    expect(out).toMatchObject({ state: 'rejected', forbidden: true });
    // A rejected record is not sent again until it is corrected.
    const calls = fakeApi(() => ({ status: 201, body: { written: 1 } }));
    expect(await sendOutbox(USER)).toEqual({ sent: 0, rejected: 0, end: 'done' });
    expect(calls).toEqual([]);
    requeue(USER, bad, visit('GOOD'));
    expect(await sendOutbox(USER)).toEqual({ sent: 1, rejected: 0, end: 'done' });
    expect(readOutbox(USER)).toEqual([out]);
  });

  it('keeps everything on a 401 (the login shows) and goes on after it', async () => {
    addToOutbox(USER, 'visits', visit('H1'));
    addToOutbox(USER, 'visits', visit('H2'));
    let signedIn = false;
    fakeApi(() => (signedIn ? { status: 201, body: { written: 1 } } : refusal('session_ended', {})));
    expect(await sendOutbox(USER)).toEqual({ sent: 0, rejected: 0, end: 'unauthorized' });
    expect(readOutbox(USER).map((e) => e.state)).toEqual(['waiting', 'waiting']);
    signedIn = true;
    expect(await sendOutbox(USER)).toEqual({ sent: 2, rejected: 0, end: 'done' });
  });

  it('keeps a record the server failed on (500) waiting with the message, and holds back later ones of its key', async () => {
    addToOutbox(USER, 'patrol_logs', { date: '2019-06-03', patrol_code: 'P1', hours: '2', participants: '3' });
    addToOutbox(USER, 'visits', visit('H2'));
    addToOutbox(USER, 'patrol_logs', { date: '2019-06-03', patrol_code: 'P1', hours: '4', participants: '3' });
    const calls = fakeApi(({ path }) =>
      path.startsWith('/records/patrol_logs')
        ? { status: 500, body: { error: { code: 'internal', message: 'disk on fire', details: [] } } }
        : json({ written: 1 }, 201),
    );
    expect(await sendOutbox(USER)).toEqual({ sent: 1, rejected: 0, end: 'done' });
    // The later log of the same team and day was not sent before the earlier one.
    expect(calls.map((c) => c.path)).toEqual(['/records/patrol_logs', '/records/visits']);
    const [first, later] = readOutbox(USER);
    expect(first).toMatchObject({ state: 'waiting', lastError: 'disk on fire' });
    expect(later).toMatchObject({ state: 'waiting', row: { hours: '4' } });
  });

  it('keeps a record corrected while its old version was on its way, and sends corrections made before its turn', async () => {
    const first = addToOutbox(USER, 'visits', visit('H1'));
    const second = addToOutbox(USER, 'visits', visit('H2'));
    const calls = fakeApi(async ({ body }) => {
      const [row] = body as Record<string, string>[];
      // While H1 is on its way, the officer corrects both.
      if (row.household_ref === 'H1') {
        requeue(USER, first, visit('H1-corrected'));
        requeue(USER, second, visit('H2-corrected'));
      }
      return { status: 201, body: { written: 1 } };
    });
    await sendOutbox(USER);
    expect(households(calls)).toEqual(['H1', 'H2-corrected']);
    expect(readOutbox(USER).map((e) => [e.id, e.row.household_ref, e.state])).toEqual([
      [first.id, 'H1-corrected', 'waiting'],
    ]);
  });
});

describe('unreachable', () => {
  it('is a fetch without an answer, or a gateway with no server behind it', () => {
    expect(unreachable(new ApiError(0, 'network', 'Failed to fetch'))).toBe(true);
    expect(unreachable(new TypeError('Failed to fetch'))).toBe(true);
    for (const status of [502, 503, 504]) expect(unreachable(new ApiError(status, 'x', 'x'))).toBe(true);
    for (const status of [400, 401, 403, 422, 500]) expect(unreachable(new ApiError(status, 'x', 'x'))).toBe(false);
  });
});

describe('recordKey', () => {
  it('is the kind’s own key: a ref, or the natural key of visits and patrol logs', () => {
    expect(recordKey({ id: 'e1', kind: 'visits', row: visit('H1') })).toBe('visits|0100002|2019-06-03|H1');
    expect(recordKey({ id: 'e1', kind: 'incidents', row: { ref: 'X-20190603-ABC' } })).toBe('incidents|X-20190603-ABC');
    expect(recordKey({ id: 'e1', kind: 'patrol_logs', row: { patrol_code: 'P1', date: '2019-06-03' } })).toBe(
      'patrol_logs|P1|2019-06-03',
    );
    expect(recordKey({ id: 'e1', kind: 'nothing', row: {} })).toBe('e1');
  });
});
