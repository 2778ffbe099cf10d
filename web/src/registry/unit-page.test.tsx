// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { room } from '../testing/fixtures.ts';
import { fakeApi, json, refusal, renderAt } from '../testing/render.tsx';
import { UnitPage } from './unit-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('UnitPage', () => {
  it('shows the kit against the standard, the seven aspects and who is posted, on the day asked', async () => {
    const calls = fakeApi(({ path }) => (path.startsWith('/units/R1') ? json(room) : undefined));
    renderAt(<UnitPage code="R1" />, { url: '/units/R1?date=2019-06-30' });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('东风社区警务室');
    expect(calls.map((c) => c.path)).toContain('/units/R1?date=2019-06-30');
    expect(screen.getByText('2019年6月30日 在运行')).toBeTruthy();
    expect(screen.getByText('缺少：摩托车、执法装备包')).toBeTruthy();
    const equipment = within(screen.getByRole('region', { name: '装备（对照标准装备）' }));
    expect(
      equipment
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.querySelector('th')?.textContent),
    ).toEqual(['电脑', '摩托车', '执法装备包', 'camera']);
    const inspections = screen.getByRole('region', { name: '规范化检查（七个方面）' });
    const items = within(inspections).getAllByRole('listitem');
    expect(items[0].textContent).toContain('2019年5月1日');
    expect(items[0].textContent).toContain('全部合格');
    expect(items[1].textContent).toContain('不合格：标识、职责');
    expect(screen.getByRole('link', { name: '王警官' }).getAttribute('href')).toBe('/officers/220001');
    expect(screen.getByRole('link', { name: 'V2' })).toBeTruthy();
  });

  it('corrects the location: checked first, then the whole row saved through records/units', async () => {
    const calls = fakeApi(({ path, method }) => {
      if (method === 'POST' && path === '/records/units') return json({ written: 1 }, 201);
      return path.startsWith('/units/R1') ? json(room) : undefined;
    });
    renderAt(<UnitPage code="R1" />, { url: '/units/R1?date=2019-06-30' });
    const form = within(await screen.findByRole('region', { name: '位置' }));
    expect(screen.getByText('125.3245, 43.8868')).toBeTruthy();
    const lon = form.getByLabelText('经度') as HTMLInputElement;
    const lat = form.getByLabelText('纬度') as HTMLInputElement;
    expect([lon.value, lat.value]).toEqual(['125.3245', '43.8868']);
    fireEvent.change(lat, { target: { value: '' } });
    fireEvent.click(form.getByRole('button', { name: '保存位置' }));
    expect(form.getByText('填了经度须同时填纬度（两者都填或都不填）')).toBeTruthy();
    fireEvent.change(lon, { target: { value: '43.9' } });
    fireEvent.change(lat, { target: { value: '87.6' } });
    fireEvent.click(form.getByRole('button', { name: '保存位置' }));
    expect(form.getByText(/经度和纬度似乎填反了/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(lon, { target: { value: '125.4' } });
    fireEvent.change(lat, { target: { value: '43.9' } });
    fireEvent.click(form.getByRole('button', { name: '保存位置' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual([
      {
        code: 'R1',
        name: '东风社区警务室',
        type: 'community_room',
        area_code: 'T1',
        station_code: 'S1',
        covers: 'V1;V2',
        status: 'open',
        opened_on: '2018-03-01',
        closed_on: '',
        phone: '0431-1234567',
        hours: '',
        address: '长春市南关区东风街道东风路12号',
        longitude: '125.4',
        latitude: '43.9',
      },
    ]);
  });

  it('says when the unit does not exist', async () => {
    fakeApi(() => refusal('unit_not_found', { unit: 'R9' }));
    renderAt(<UnitPage code="R9" />, { url: '/units/R9' });
    expect((await screen.findByRole('alert')).textContent).toContain('没有代码为 R9 的单位');
  });
});
