// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RankingRow } from '../api/types.ts';
import { fakeApi, json, renderAt } from '../testing/render.tsx';
import { ExplainPage } from './explain-page.tsx';
import { InformationalPage } from './informational-page.tsx';
import { changed, draftOf, read } from './scheme-draft.ts';
import { SchemesPage } from './schemes-page.tsx';
import { reported } from './trend-page.tsx';
import type { Explain, Informational, SchemeView } from './types.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PERFORMANCE: SchemeView = {
  name: 'performance',
  year: 2019,
  version: 0,
  source: 'shipped',
  note: null,
  saved_at: null,
  saved_by: null,
  indicators: [
    { name: 'awareness_rate', weight: 15, floor: 0.5, target: 0.9, better: 'higher', scale: 1, scored: true },
    { name: 'crime_rate', weight: 15, floor: 5, target: 1, better: 'lower', scale: 10_000, scored: true },
  ],
  thresholds: { commendation: 90, criticism: 60, interview: 60, interview_months: 3 },
  informational: [],
};

describe('scheme draft', () => {
  it('shows rates in percent and reads them back as the API’s shares', () => {
    const draft = draftOf(PERFORMANCE);
    expect(draft.indicators.awareness_rate).toEqual({
      weight: '15',
      floor: '50',
      target: '90',
      better: 'higher',
      min_sample: '',
    });
    expect(draft.indicators.crime_rate).toEqual({
      weight: '15',
      floor: '5',
      target: '1',
      better: 'lower',
      min_sample: '',
    });
    const { settings, errors } = read(PERFORMANCE, draft);
    expect(errors).toEqual({});
    expect(settings.indicators.awareness_rate).toEqual({
      weight: 15,
      floor: 0.5,
      target: 0.9,
      better: 'higher',
      min_sample: null,
    });
    expect(changed(PERFORMANCE, settings)).toBe(false);
  });

  it('refuses what the server would: a target on the wrong side, equal to the floor, no weight at all', () => {
    const draft = draftOf(PERFORMANCE);
    draft.indicators.awareness_rate.target = '40';
    draft.indicators.crime_rate.target = '5';
    expect(read(PERFORMANCE, draft).errors).toEqual({
      'awareness_rate.target': 'scheme.err.side',
      'crime_rate.target': 'scheme.err.equal',
    });
    const none = draftOf(PERFORMANCE);
    none.indicators.awareness_rate.weight = '0';
    none.indicators.crime_rate.weight = '0';
    expect(read(PERFORMANCE, none).errors).toEqual({ weights: 'scheme.err.noWeight' });
  });

  it('reads a minimum sample (blank: none), refuses one the server would, and counts it as a change', () => {
    const draft = draftOf(PERFORMANCE);
    draft.indicators.awareness_rate.min_sample = '30';
    draft.exempt_small_samples = true;
    const { settings, errors } = read(PERFORMANCE, draft);
    expect(errors).toEqual({});
    expect(settings.indicators.awareness_rate.min_sample).toBe(30);
    expect(settings.indicators.crime_rate.min_sample).toBeNull();
    expect(settings.exempt_small_samples).toBe(true);
    expect(settings.count_online_answers).toBe(false);
    expect(changed(PERFORMANCE, settings)).toBe(true);
    const online = draftOf(PERFORMANCE);
    online.count_online_answers = true;
    expect(read(PERFORMANCE, online).settings.count_online_answers).toBe(true);
    expect(changed(PERFORMANCE, read(PERFORMANCE, online).settings)).toBe(true);
    draft.indicators.awareness_rate.min_sample = '0';
    expect(read(PERFORMANCE, draft).errors).toEqual({ 'awareness_rate.min_sample': 'scheme.err.sample' });
  });

  it('refuses the thresholds the server would: out of 0..100, months not 1..12, criticism above commendation', () => {
    const draft = draftOf(PERFORMANCE);
    draft.thresholds.commendation = '120';
    draft.thresholds.interview_months = '13';
    expect(read(PERFORMANCE, draft).errors).toEqual({
      'thresholds.commendation': 'scheme.err.composite',
      'thresholds.interview_months': 'scheme.err.months',
    });
    const crossed = draftOf(PERFORMANCE);
    crossed.thresholds.criticism = '95';
    expect(read(PERFORMANCE, crossed).errors).toEqual({ 'thresholds.criticism': 'scheme.err.order' });
    const blank = draftOf(PERFORMANCE);
    blank.thresholds.interview = ' ';
    blank.indicators.awareness_rate.floor = '';
    expect(read(PERFORMANCE, blank).errors).toEqual({
      'awareness_rate.floor': 'scheme.err.number',
      'thresholds.interview': 'scheme.err.composite',
    });
  });
});

const row = (rank: number, code: string, composite: number): RankingRow => ({
  rank,
  code,
  name: code,
  composite,
  lagging: false,
  problems: [],
  previous_rank: null,
  rank_change: null,
  composite_change: null,
});

describe('SchemesPage', () => {
  it('previews the ranking under the edited weights, then saves them', async () => {
    const calls = fakeApi(({ method, path }) => {
      if (path === '/schemes?year=2019') return json({ year: 2019, schemes: [PERFORMANCE] });
      if (path === '/areas/P1')
        return json({
          code: 'P1',
          name: '吉林省',
          level: 'province',
          parent_code: null,
          urban_rural: null,
          path: [],
          children: 2,
        });
      if (path.startsWith('/rankings?')) return json([row(1, 'A', 80), row(2, 'B', 70)]);
      if (method === 'POST' && path.startsWith('/rankings/preview')) return json([row(1, 'B', 85), row(2, 'A', 75)]);
      if (method === 'PUT') return json({ ...PERFORMANCE, version: 1, source: 'saved' });
      return undefined;
    });
    renderAt(<SchemesPage />, { url: '/assessment/schemes?area=P1&month=2019-06' });
    const weight = await screen.findByLabelText('知晓率 权重');
    await screen.findByText('方案没有改动，下表为现行排名。修改上面的数值即可预览。');
    fireEvent.change(weight, { target: { value: '45' } });
    await screen.findByText('预览：按修改后的方案重新计算，尚未保存。', undefined, { timeout: 3000 });
    const preview = calls.find((c) => c.method === 'POST')!;
    expect(preview.path).toBe('/rankings/preview?month=2019-06&within=P1');
    expect(preview.body).toEqual({
      scheme: 'performance',
      indicators: {
        awareness_rate: { weight: 45, floor: 0.5, target: 0.9, better: 'higher', min_sample: null },
        crime_rate: { weight: 15, floor: 5, target: 1, better: 'lower', min_sample: null },
      },
    });
    const rows = within(document.querySelector<HTMLElement>('table.preview-table')!).getAllByRole('row');
    expect(rows[1].textContent).toContain('B');
    expect(rows[1].className).toBe('is-moved');
    fireEvent.click(screen.getByRole('button', { name: '保存为2019年新版本' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      path: '/schemes/performance?year=2019',
      body: { indicators: preview.body && (preview.body as { indicators: unknown }).indicators },
    });
  });
});

describe('SchemesPage with the officer scheme', () => {
  const OFFICER: SchemeView = {
    ...PERFORMANCE,
    name: 'officer',
    indicators: [
      { name: 'familiarity_rate', weight: 40, floor: 0.6, target: 0.95, better: 'higher', scale: 1, scored: true },
      { name: 'visits_per_week', weight: 30, floor: 5, target: 10, better: 'higher', scale: 1, scored: true },
    ],
  };
  const officers = (n: number, first: string) =>
    Array.from({ length: n }, (_, i) => ({
      ...row(i + 1, i === 0 ? first : `B${i}`, 90 - i * 0.01),
      name: i === 0 ? `${first}警官` : `民警${i}`,
      unit_code: 'R1',
      area_code: 'T1',
    }));

  it('previews the officers’ ranking, the first 50 until asked for all', async () => {
    const calls = fakeApi(({ method, path }) => {
      if (path === '/schemes?year=2019') return json({ year: 2019, schemes: [PERFORMANCE, OFFICER] });
      if (path === '/areas/C1')
        return json({
          code: 'C1',
          name: '南关区',
          level: 'county',
          parent_code: null,
          urban_rural: null,
          path: [],
          children: 2,
        });
      if (path.startsWith('/rankings/officers?')) return json(officers(120, 'B0'));
      if (method === 'POST' && path.startsWith('/rankings/preview')) return json(officers(120, 'Z1'));
      return undefined;
    });
    renderAt(<SchemesPage />, { url: '/assessment/schemes?scheme=officer&area=C1&month=2019-06' });
    await screen.findByText('按修改后的方案，南关区一线民警排名');
    expect(screen.queryByText(/暂不能预览/)).toBeNull();
    expect(calls.some((c) => c.path === '/rankings/officers?month=2019-06&within=C1')).toBe(true);
    fireEvent.change(await screen.findByLabelText('每周走访 权重'), { target: { value: '60' } });
    await screen.findByText('预览：按修改后的方案重新计算，尚未保存。', undefined, { timeout: 3000 });
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ scheme: 'officer' });
    const table = document.querySelector<HTMLElement>('table.preview-table')!;
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(within(table).getAllByRole('row')[1].textContent).toContain('Z1警官');
    fireEvent.click(screen.getByRole('button', { name: '显示全部 120 条' }));
    expect(within(table).getAllByRole('row')).toHaveLength(121);
  });
});

describe('InformationalPage', () => {
  const figures = (visits: number, officers: number, visited: number, households: number) => ({
    visits_per_officer: { numerator: visits, denominator: officers, value: officers ? visits / officers : null },
    households_visited_share: { numerator: visited, denominator: households, value: visited / households },
    info_adopted_share: { numerator: 0, denominator: 0, value: null },
  });
  it('shows an area’s three figures with what they are made of, and its children side by side', async () => {
    const view: Informational = {
      kind: 'area',
      code: 'C1',
      month: '2019-06',
      name: '南关区',
      figures: figures(300, 4, 1200, 3000),
      children: [
        { code: 'T1', name: '东风街道', figures: figures(100, 1, 300, 1000) },
        { code: 'T2', name: '前进镇', figures: figures(200, 3, 900, 2000) },
      ],
    };
    const calls = fakeApi(({ path }) => (path.startsWith('/informational?') ? json(view) : undefined));
    renderAt(<InformationalPage />, { url: '/assessment/informational?area=C1&month=2019-06' });
    await screen.findByText('75.0 户/人');
    expect(calls.find((c) => c.path.startsWith('/informational'))!.path).toBe(
      '/informational?month=2019-06&kind=area&code=C1',
    );
    expect(screen.getByText('走访 300 户次 ÷ 月末一线民警 4 人')).toBeTruthy();
    expect(screen.getByText('40.0%')).toBeTruthy();
    const link = screen.getByRole('link', { name: '前进镇' });
    expect(link.getAttribute('href')).toBe('/assessment/informational?area=T2&month=2019-06');
    const cells = [...link.closest('tr')!.querySelectorAll('td')].map((c) => c.textContent);
    expect(cells).toEqual(['66.7 户/人 200/3', '45.0% 900/2,000', '无数据 0/0']);
  });

  it('shows one room’s figures when opened for a unit', async () => {
    const calls = fakeApi(({ path }) =>
      path.startsWith('/informational?')
        ? json({
            kind: 'unit',
            code: 'R1',
            month: '2019-06',
            name: '东风警务室',
            figures: figures(40, 2, 10, 100),
            children: [],
          })
        : undefined,
    );
    renderAt(<InformationalPage />, { url: '/assessment/informational?kind=unit&code=R1&area=C1&month=2019-06' });
    await screen.findByText('20.0 户/人');
    expect(calls.find((c) => c.path.startsWith('/informational'))!.path).toBe(
      '/informational?month=2019-06&kind=unit&code=R1',
    );
    expect(screen.getByRole('link', { name: '查看单位详情' }).getAttribute('href')).toBe('/units/R1');
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('ExplainPage', () => {
  it('lists each child’s part with a link further down, and the part placed at the area itself', async () => {
    const explain: Explain = {
      indicator: 'crime_rate',
      area: 'C1',
      month: '2019-06',
      scheme: 'performance',
      numerator: 80_000,
      denominator: 29_277,
      value: 2.7325,
      own: { numerator: 10_000, denominator: 0 },
      children: [
        { code: 'T1', name: '东风街道', numerator: 20_000, denominator: 10_385 },
        { code: 'T2', name: '前进镇', numerator: 50_000, denominator: 18_892 },
      ],
    };
    fakeApi(({ path }) => {
      if (path === '/areas/C1')
        return json({
          code: 'C1',
          name: '南关区',
          level: 'county',
          parent_code: null,
          urban_rural: null,
          path: [],
          children: 2,
        });
      if (path.startsWith('/explain?')) return json(explain);
      if (path.startsWith('/explain/records'))
        return json({
          ...explain,
          own: explain.own,
          total: 1,
          limit: 50,
          offset: 0,
          items: [
            {
              kind: 'incidents',
              key: 'I-1',
              date: '2019-06-03',
              numerator: 1,
              denominator: 0,
              detail: { category: 'criminal' },
            },
          ],
        });
      return undefined;
    });
    renderAt(<ExplainPage />, { url: '/assessment/explain?area=C1&month=2019-06&indicator=crime_rate' });
    const link = await screen.findByRole('link', { name: '东风街道' });
    expect(link.getAttribute('href')).toBe(
      '/assessment/explain?area=T1&month=2019-06&scheme=performance&indicator=crime_rate',
    );
    // Per 10,000 residents: numerators shown as the incidents themselves.
    const cells = link.closest('tr')!.querySelectorAll('td');
    expect([...cells].map((c) => c.textContent)).toEqual(['2', '10,385', '1.93 起/万人', '35.5%']);
    expect(screen.getByRole('rowheader', { name: '本级直接计入' })).toBeTruthy();
    expect((await screen.findByText('I-1')).closest('tr')!.textContent).toContain('刑事案件');
  });
});

describe('trend', () => {
  const point = (indicators: Record<string, number | null>) => ({
    month: '2019-05',
    scheme_version: 0,
    composite: 15,
    indicators,
  });
  it('draws a month only when work records stand behind it', () => {
    const none = {
      awareness_rate: null,
      familiarity_rate: null,
      info_provision_rate: 0,
      crime_rate: 0,
      satisfaction_rate: null,
      group_defense: 0,
    };
    expect(reported(point(none), 'performance')).toBe(false);
    // Surveys answered, all "no": a value of 0 is still work done.
    expect(reported(point({ ...none, awareness_rate: 0 }), 'performance')).toBe(true);
    expect(reported(point({ ...none, group_defense: 12 }), 'performance')).toBe(true);
    expect(reported(point({ ...none, crime_rate: 3 }), 'performance')).toBe(false);
    expect(reported(point({ familiarity_rate: null, info_provision_rate: 0, visits_per_week: 2 }), 'officer')).toBe(
      true,
    );
    expect(reported(point({ coverage_rate: 0 }), 'construction')).toBe(true);
  });
});
