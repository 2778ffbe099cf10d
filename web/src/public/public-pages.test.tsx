// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { searchRange } from './proof-of-work.ts';
import { App } from '../app.tsx';
import { fakeApi, json, refusal, type FakeCall } from '../testing/render.tsx';
import type { PublicOfficers } from './public-types.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const VILLAGE = { code: 'V1', name: '东风社区', urban_rural: 'urban', place: '长春市 南关区 东风街道' };
const OFFICERS: PublicOfficers = {
  area: VILLAGE,
  rooms: [
    {
      name: '东风社区警务室',
      type: 'community_room',
      phone: '0431-8888 1234',
      hours: '8:00–18:00',
      address: '长春市南关区东风街道东风社区',
      map: { area: '南关区', width: 240, height: 180, path: 'M10 10L230 10L230 170L10 170Z', point: [120, 90] },
      phones: 'officers',
      officers: [
        { name: '王警官', role: 'community', phone: '138 0000 1234' },
        { name: '李警官', role: 'community', phone: null },
      ],
    },
    {
      name: '东风第二警务室',
      type: 'community_room',
      phone: '0431-8888 5678',
      hours: null,
      address: null,
      map: null,
      phones: 'room',
      officers: [{ name: '赵警官', role: 'community', phone: null }],
    },
  ],
};

function publicApi(answer?: (call: FakeCall) => { status: number; body?: unknown } | undefined) {
  return fakeApi((call) => {
    if (call.path.startsWith('/public/areas?q=')) return json(call.path.includes('%E4%B8%9C') ? [VILLAGE] : []);
    if (call.path === '/public/officers?area=V1') return json(OFFICERS);
    if (call.path.startsWith('/public/officers')) return refusal('community_not_found', { area: 'V9' });
    if (call.path === '/public/challenge') return json({ token: 'a-test-token-0123', difficulty: 6, expires_in: 600 });
    if (call.path === '/public/surveys') return answer?.(call) ?? json({ ok: true }, 201);
    return refusal('sign_in_required', {});
  });
}

describe('the residents’ pages', () => {
  it('find a village by name and show its room and officers with tap-to-call phones, asking nothing of the staff API', async () => {
    const calls = publicApi();
    window.history.replaceState(null, '', '/public');
    render(<App lang="zh" />);
    fireEvent.change(screen.getByRole('searchbox', { name: '社区或村的名称' }), { target: { value: '东风' } });
    fireEvent.click(await screen.findByRole('link', { name: /东风社区/ }));
    expect(await screen.findByRole('heading', { name: '东风社区', level: 2 })).toBeTruthy();
    expect(screen.getByRole('link', { name: '拨打 0431-8888 1234' }).getAttribute('href')).toBe('tel:043188881234');
    expect(screen.getByRole('link', { name: '拨打 138 0000 1234' }).getAttribute('href')).toBe('tel:13800001234');
    expect(screen.getByText('未公布工作电话')).toBeTruthy();
    // Where the room's phone is published instead, the officer points to it.
    expect(screen.getByRole('link', { name: '拨打 0431-8888 5678' })).toBeTruthy();
    expect(screen.getByText('请拨打警务室电话')).toBeTruthy();
    expect(screen.getByText('长春市南关区东风街道东风社区')).toBeTruthy();
    const sketch = screen.getByRole('img', { name: '东风社区警务室在南关区的位置' });
    expect(sketch.querySelector('path')?.getAttribute('d')).toBe('M10 10L230 10L230 170L10 170Z');
    expect(sketch.querySelector('g')?.getAttribute('transform')).toBe('translate(120 90)');
    expect(screen.getByRole('link', { name: '为这里的警务工作打分' }).getAttribute('href')).toBe(
      '/public/survey?area=V1',
    );
    expect(calls.every((c) => c.path.startsWith('/public/'))).toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says when nothing matches, and when a village does not exist', async () => {
    publicApi();
    window.history.replaceState(null, '', '/public?q=zz');
    render(<App lang="en" />);
    expect(await screen.findByText('No community or village named like “zz”. Try another spelling.')).toBeTruthy();
    cleanup();
    window.history.replaceState(null, '', '/public?area=V9');
    render(<App lang="en" />);
    expect(await screen.findByText('This community or village was not found.')).toBeTruthy();
  });

  it('sends the survey with a solved proof of work, and says so when the same phone answers again', async () => {
    let answers = 0;
    const calls = publicApi(() => (++answers === 1 ? json({ ok: true }, 201) : refusal('survey_already_answered', {})));
    window.history.replaceState(null, '', '/public/survey?area=V1');
    render(<App lang="zh" />);
    fireEvent.click(await screen.findByRole('button', { name: '提交' }));
    expect((await screen.findByRole('alert')).textContent).toBe('请至少回答一个问题。');
    fireEvent.click(screen.getByRole('radio', { name: '知道' }));
    fireEvent.click(screen.getByRole('radio', { name: /很满意/ }));
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByRole('heading', { name: '感谢您的评价！' })).toBeTruthy();
    const sent = calls.find((c) => c.path === '/public/surveys')!.body as Record<string, unknown>;
    expect(sent).toEqual({
      area_code: 'V1',
      knows_officer: 'yes',
      satisfaction: 5,
      token: 'a-test-token-0123',
      nonce: searchRange('a-test-token-0123', 6, 0, 1e7),
    });

    cleanup();
    render(<App lang="zh" />);
    fireEvent.click(await screen.findByRole('radio', { name: '不知道' }));
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('今天您已经为这个社区（村）作过答'));
    expect(screen.queryByRole('button', { name: '重新提交' })).toBeNull();
    expect(calls.filter((c) => c.path === '/public/challenge')).toHaveLength(2);
  });

  it('offers to send again after a refused challenge, with a new one', async () => {
    let answers = 0;
    const calls = publicApi(() => (++answers === 1 ? refusal('challenge_expired', {}) : json({ ok: true }, 201)));
    window.history.replaceState(null, '', '/public/survey?area=V1');
    render(<App lang="en" />);
    fireEvent.click(await screen.findByRole('radio', { name: /Very satisfied/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send again' }));
    expect(await screen.findByRole('heading', { name: 'Thank you for your answer!' })).toBeTruthy();
    expect(calls.filter((c) => c.path === '/public/challenge')).toHaveLength(2);
  });
});
