// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { construction, overview, performance, province, city, ranking } from '../testing/fixtures.ts';
import { fakeApi, json, refusal, renderAt } from '../testing/render.tsx';
import { DashboardPage } from './dashboard-page.tsx';

// ECharts draws on a canvas jsdom does not have; the charts are covered by the e2e suite.
vi.mock('../charts/echart.tsx', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} data-chart-ready="" />,
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function api(reportedMonths = (m: string) => m >= '2019-05') {
  return fakeApi(({ path }) => {
    const url = new URL(path, 'http://x');
    const q = Object.fromEntries(url.searchParams);
    if (url.pathname === '/areas' && q.level === 'province')
      return json({ items: [province], total: 1, limit: 50, offset: 0 });
    if (url.pathname === '/areas/P1') return json(province);
    if (url.pathname === '/areas/C1') return json(city);
    if (url.pathname === '/overview') return json({ ...overview, area: q.area, date: q.date });
    if (url.pathname === '/indicators')
      return json(
        q.scheme === 'performance'
          ? performance(q.area, q.month, reportedMonths(q.month))
          : construction(q.area, q.month),
      );
    if (url.pathname === '/rankings') return json(q.within === 'P1' ? ranking : []);
    return undefined;
  });
}

describe('DashboardPage', () => {
  it('shows the province for the month in the URL: figures, composites, cards, ranking', async () => {
    const calls = api();
    renderAt(<DashboardPage />, { url: '/?month=2019-06' });
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('吉林省 · 2019年6月');
    expect(screen.getByText('72.5')).toBeTruthy();
    expect(screen.getByText('64.2')).toBeTruthy();
    expect(screen.getByText('较上月 ±0.0')).toBeTruthy();
    expect(document.querySelectorAll('.indicator-card')).toHaveLength(6);
    expect(document.querySelectorAll('.indicator-card.is-problem')).toHaveLength(2);
    // The public form's answers, their own figure under awareness and satisfaction.
    expect(screen.getByText('网上测评：40 份作答，满意 3 份')).toBeTruthy();
    expect(screen.getByText('网上测评：40 份作答，知道民警 0 份')).toBeTruthy();
    expect(screen.getAllByText('（单独统计，不计入本指标）')).toHaveLength(2);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('.area-link')?.textContent)).toEqual(['吉林市', '长春市']);
    expect(within(rows[1]).getByText('落后')).toBeTruthy();
    expect(within(rows[1]).getByText('群防群治、信息提供率')).toBeTruthy();
    expect(within(rows[0]).getByText('上升 1 位')).toBeTruthy();
    // Twelve months of the scheme for the cards and trend, one of the other for its composite.
    expect(calls.filter((c) => c.path.startsWith('/indicators') && c.path.includes('performance'))).toHaveLength(12);
    expect(calls.filter((c) => c.path.startsWith('/overview'))[0].path).toContain('date=2019-06-30');
  });

  it('drills down to a child from the ranking and keeps month and scheme', async () => {
    api();
    renderAt(<DashboardPage />, { url: '/?month=2019-06&scheme=construction' });
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    expect(document.querySelectorAll('.indicator-card')).toHaveLength(5);
    fireEvent.click(screen.getByRole('link', { name: '查看长春市' }));
    expect(new URL(window.location.href).searchParams.get('area')).toBe('C1');
    expect(window.location.search).toContain('scheme=construction');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('长春市 · 2019年6月'));
    await waitFor(() => expect(screen.getByText('该地区没有下级地区可排名。')).toBeTruthy());
    expect(screen.getByRole('link', { name: '吉林省' }).getAttribute('href')).toContain('area=P1');
  });

  it('opens on the latest month with work records when the URL names none and the server cannot say', async () => {
    api((m) => m === '2019-09');
    renderAt(<DashboardPage />, { url: '/' });
    await waitFor(() => expect(new URL(window.location.href).searchParams.get('month')).toBe('2019-09'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('2019年12月 没有工作数据'));
  });

  it('opens on the server’s latest month and top area when it says them', async () => {
    const calls = api();
    renderAt(<DashboardPage />, {
      url: '/',
      meta: {
        status: 'ready',
        meta: {
          engine: 'sqlite',
          data_version: 1,
          demo: null,
          root_areas: [{ code: 'P1', name: '吉林省', level: 'province' }],
          latest_month: '2019-07',
        },
      },
    });
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('吉林省 · 2019年7月');
    expect(calls.some((c) => c.path.includes('level=province'))).toBe(false);
  });

  it('opens a manager on its own area in the month SPEC §5 names, with its place and the month’s reporting', async () => {
    const calls = fakeApi(({ path }) => {
      const url = new URL(path, 'http://x');
      const q = Object.fromEntries(url.searchParams);
      if (url.pathname === '/areas/C1') return json(city);
      if (url.pathname === '/overview') return json({ ...overview, area: q.area, date: q.date });
      if (url.pathname === '/indicators') return json(performance(q.area, q.month, true));
      if (url.pathname === '/rankings') return json(q.within === 'P1' ? ranking : []);
      if (url.pathname === '/completeness/area')
        return json({
          area: 'C1',
          name: '长春市',
          month: q.month,
          rooms: 10,
          reporting: 7,
          rate: 0.7,
          on_time: 6,
          on_time_rate: 0.6,
          threshold: 0.8,
          complete: false,
          deadline: '2019-07-05',
          deadline_day: 5,
          deadline_passed: true,
        });
      return undefined;
    });
    renderAt(<DashboardPage />, {
      url: '/',
      meta: {
        status: 'ready',
        meta: {
          engine: 'sqlite',
          data_version: 1,
          demo: null,
          root_areas: [{ code: 'P1', name: '吉林省', level: 'province' }],
          home_areas: [{ code: 'C1', name: '长春市', level: 'city' }],
          latest_month: '2019-08',
          default_month: '2019-06',
        },
      },
    });
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('长春市 · 2019年6月');
    // Never the province's own figures, which are outside a city manager's scope.
    expect(calls.some((c) => c.path.includes('area=P1') || c.path.startsWith('/areas/P1'))).toBe(false);
    expect(screen.getByTestId('standing').textContent).toBe('全省第2名（共 2 个，吉林省）');
    const note = screen.getByTestId('completeness');
    expect(note.textContent).toContain('7/10 个警务室已上报（70%），按时 6（60%）');
    expect(within(note).getByRole('status').textContent).toContain('低于 80%');
  });

  it('shows the weights and targets of the scheme in force for the month’s year', async () => {
    const calls = api();
    const indicators = [
      'awareness_rate',
      'familiarity_rate',
      'info_provision_rate',
      'crime_rate',
      'satisfaction_rate',
      'group_defense',
    ].map((name) => ({
      name,
      weight: name === 'awareness_rate' ? 30 : 14,
      floor: name === 'crime_rate' ? 5 : 0.5,
      target: name === 'awareness_rate' ? 0.8 : name === 'crime_rate' ? 1 : 0.9,
      better: name === 'crime_rate' ? 'lower' : 'higher',
      scale: name === 'crime_rate' ? 10_000 : name === 'group_defense' ? 1_000 : 1,
      scored: true,
    }));
    // The schemes answer is laid over the fake API above.
    const fetchBefore = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) =>
      input.startsWith('/api/v1/schemes')
        ? new Response(
            JSON.stringify({
              year: 2019,
              schemes: [
                {
                  name: 'performance',
                  year: 2019,
                  version: 2,
                  source: 'saved',
                  note: null,
                  saved_at: null,
                  saved_by: null,
                  indicators,
                  thresholds: { commendation: 90, criticism: 60, interview: 50, interview_months: 3 },
                  informational: [],
                },
              ],
            }),
            { status: 200 },
          )
        : fetchBefore(input, init),
    );
    renderAt(<DashboardPage />, { url: '/?area=P1&month=2019-06' });
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    const awareness = screen.getByRole('article', { name: '知晓率' });
    await waitFor(() => expect(within(awareness).getByText('权重 30')).toBeTruthy());
    expect(awareness.querySelector('.indicator-facts dd')?.textContent).toBe('80.0%');
    expect(calls.length).toBeGreaterThan(0);
  });

  it('says what failed in the reader’s language and offers to retry', async () => {
    fakeApi(() => refusal('internal', {}));
    renderAt(<DashboardPage />, { url: '/?area=P1&month=2019-06' });
    await waitFor(() => expect(screen.getAllByRole('alert')[0].textContent).toContain('服务器发生意外错误'));
    expect(screen.getAllByRole('button', { name: '重试' }).length).toBeGreaterThan(0);
    cleanup();
    fakeApi(() => refusal('area_not_found', { area: 'P9' }));
    renderAt(<DashboardPage />, { url: '/?area=P9&month=2019-06', lang: 'en' });
    await waitFor(() => expect(screen.getAllByRole('alert')[0].textContent).toContain('no area P9 exists'));
  });
});
