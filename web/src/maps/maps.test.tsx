// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMES } from '../domain/indicators.ts';
import { formatter } from '../i18n/format.ts';
import { translate, type MessageKey } from '../i18n/i18n.tsx';
import { fakeApi, json, renderAt } from '../testing/render.tsx';
import { drawnShapes, LAGGING, mapOption, STATUS_COLOURS } from './map-option.ts';
import { MapPage } from './map-page.tsx';
import type { Boundaries, FiguresRow, RoomPoint } from './map-types.ts';
import { metricOf, metricsFor } from './metrics.ts';

// ECharts draws nothing in jsdom; the map's option is tested as data above the page's test.
vi.mock('../charts/echart.tsx', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} data-chart-ready="" />,
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const words = {
  t: (key: MessageKey, params?: Record<string, string | number>) => translate('zh', key, params),
  tr: (prefix: string, value: string) => translate('zh', `${prefix}.${value}` as MessageKey),
  fmt: formatter('zh'),
};
/** The parts of the option these tests look at. */
interface Shown {
  geo: {
    map: string;
    nameProperty: string;
    regions: unknown[];
    label: { show: boolean };
    layoutCenter: number[];
    layoutSize: number;
  };
  visualMap?: { min: number; max: number; text: string[]; inRange: { color: string[] } };
  legend: { data: string[] };
  series: {
    name: string;
    data: { name: string; value: unknown; symbol?: string }[];
    itemStyle: { color: string };
    tooltip: { formatter(p: { name: string }): string };
  }[];
}
const square = (x: number) =>
  [
    [
      [
        [x, 43],
        [x + 1, 43],
        [x + 1, 44],
        [x, 44],
        [x, 43],
      ],
    ],
  ] as [number, number][][][];
const feature = (code: string, name: string, x: number) => ({
  type: 'Feature' as const,
  properties: { code, name, level: 'city' },
  geometry: { type: 'MultiPolygon' as const, coordinates: square(x) },
});
const BOUNDARIES: Boundaries = {
  type: 'FeatureCollection',
  within: 'P1',
  features: [feature('C1', '长春市', 125), feature('C2', '吉林<市>', 126)],
  missing: ['Z1'],
  outline: null,
};
const indicators = (v: number | null) =>
  Object.fromEntries(
    SCHEMES.performance.map((i) => [
      i.name,
      { numerator: 1, denominator: 2, value: v, score: 50, no_data: v === null },
    ]),
  );
const ROWS: FiguresRow[] = [
  {
    code: 'C1',
    name: '长春市',
    rank: 1,
    composite: 82.5,
    lagging: false,
    problems: [],
    indicators: indicators(0.9),
    completeness: { rooms: 4, reporting: 3, rate: 0.75, on_time: 2, on_time_rate: 0.5 },
  },
  { code: 'Z1', name: '开发区', rank: 2, composite: 70, lagging: false, problems: [], indicators: indicators(0.6) },
  {
    code: 'C2',
    name: '吉林<市>',
    rank: 3,
    composite: 41.2,
    lagging: true,
    problems: ['crime_rate'],
    indicators: indicators(null),
  },
];
const ROOMS: RoomPoint[] = [
  {
    code: 'R1',
    name: '东风警务室',
    type: 'community_room',
    status: 'open',
    open: true,
    area_code: 'T1',
    longitude: 125.5,
    latitude: 43.5,
  },
  {
    code: 'R2',
    name: '前进警务室',
    type: 'rural_office',
    status: 'building',
    open: false,
    area_code: 'T1',
    longitude: 126.5,
    latitude: 43.5,
  },
  {
    code: 'R3',
    name: '无坐标警务室',
    type: 'rural_office',
    status: 'open',
    open: true,
    area_code: 'T1',
    longitude: null,
    latitude: null,
  },
];

describe('map metrics', () => {
  const metrics = metricsFor(SCHEMES.performance, words);

  it('offers the composite, the rank, completeness and every indicator of the scheme, each from the figures', () => {
    expect(metrics.map((m) => m.id)).toEqual([
      'composite',
      'rank',
      'completeness',
      ...SCHEMES.performance.map((i) => `indicator:${i.name}`),
    ]);
    expect(metrics.every((m) => m.source === 'figures')).toBe(true);
    expect(metricOf(metrics, 'nonsense').id).toBe('composite');
    const crime = metricOf(metrics, 'indicator:crime_rate');
    expect(crime.better).toBe('lower');
    expect(crime.value(ROWS[2])).toBeNull();
    expect(crime.range(ROWS)).toEqual([0.6, 5]);
    expect(metricOf(metrics, 'indicator:awareness_rate').range(ROWS)).toEqual([0, 1]);
    expect(metricOf(metrics, 'indicator:awareness_rate').format(0.9)).toBe('90.0%');
    const rank = metricOf(metrics, 'rank');
    expect([rank.better, rank.range(ROWS), rank.format(2)]).toEqual(['lower', [1, 3], '第 2 名']);
    const completeness = metricOf(metrics, 'completeness');
    expect([completeness.value(ROWS[0]), completeness.value(ROWS[1]), completeness.range(ROWS)]).toEqual([
      0.75,
      null,
      [0, 1],
    ]);
    expect([completeness.better, completeness.format(0.75)]).toEqual(['higher', '75.0%']);
  });

  it('colours the areas by the metric, outlines the lagging ones and escapes names in tooltips', () => {
    const option = mapOption(
      { mapKey: 'k', boundaries: BOUNDARIES, rows: ROWS, metric: metrics[0], compact: false, height: 500, width: 800 },
      words,
    ) as unknown as Shown;
    expect(option.geo.map).toBe('k');
    // Kept in proportion: two squares side by side (1.5 x 1 as drawn) fill the 784 x 448 between
    // the margins (8 around, 44 for the scale below) by their width.
    expect(option.geo.layoutCenter).toEqual([400, 232]);
    expect(option.geo.layoutSize).toBe(672);
    expect(option.geo.nameProperty).toBe('code');
    expect(option.geo.regions).toEqual([{ name: 'C2', itemStyle: { borderColor: LAGGING, borderWidth: 3 } }]);
    expect(option.visualMap).toMatchObject({ min: 0, max: 100, text: ['100.0', '0.0'] });
    expect(option.series[0].data).toEqual([
      { name: 'C1', value: 82.5 },
      { name: 'Z1', value: 70 },
      { name: 'C2', value: 41.2 },
    ]);
    const tip: string = option.series[0].tooltip.formatter({ name: 'C2' });
    expect(tip).toContain('<strong>吉林&lt;市&gt;</strong>');
    expect(tip).toContain('落后');
    expect(tip).toContain('问题指标: 发案率');
    // Lower is better: the scale runs the other way.
    const crime = mapOption(
      {
        mapKey: 'k',
        boundaries: BOUNDARIES,
        rows: ROWS,
        metric: metricOf(metrics, 'indicator:crime_rate'),
        compact: true,
        height: 400,
        width: 360,
      },
      words,
    ) as unknown as Shown;
    expect(crime.visualMap?.inRange.color).toEqual([...(option.visualMap?.inRange.color ?? [])].reverse());
    expect(crime.series[0].data[2].value).toBeNaN();
    expect(crime.geo.label.show).toBe(false);
  });

  it('draws the rooms with a point by status, offices as triangles; an area alone when nothing below has a shape', () => {
    const option = mapOption(
      {
        mapKey: 'k',
        boundaries: BOUNDARIES,
        rows: ROWS,
        metric: metrics[0],
        rooms: ROOMS,
        compact: false,
        height: 500,
        width: 800,
      },
      words,
    ) as unknown as Shown;
    const scatter = option.series.slice(1);
    expect(scatter.map((s: { name: string }) => s.name)).toEqual(['运行', '建设中']);
    expect(scatter[0].itemStyle.color).toBe(STATUS_COLOURS.open);
    expect(scatter[0].data).toEqual([{ name: '东风警务室', code: 'R1', value: [125.5, 43.5], symbol: 'circle' }]);
    expect(scatter[1].data[0].symbol).toBe('triangle');
    expect(option.legend.data).toEqual(['运行', '建设中']);
    const county = { ...BOUNDARIES, features: [], missing: ['T1'], outline: feature('K1', '南关区', 125) };
    expect(drawnShapes(county).features.map((f) => f.properties.code)).toEqual(['K1']);
    const alone = mapOption(
      {
        mapKey: 'k',
        boundaries: county,
        rows: ROWS,
        metric: metrics[0],
        rooms: ROOMS,
        compact: false,
        height: 500,
        width: 800,
      },
      words,
    ) as unknown as Shown;
    // Nothing to colour: the area alone, unnamed (the page says which), and its rooms.
    expect(alone.visualMap).toBeUndefined();
    expect(alone.geo.label.show).toBe(false);
    expect(alone.series.map((x) => x.name)).toEqual(['运行', '建设中']);
  });
});

describe('MapPage', () => {
  it('lists the figures of the metric in the URL beside the map, with the metrics to choose from', async () => {
    const calls = fakeApi(({ path }) => {
      const url = new URL(path, 'http://x');
      if (url.pathname === '/areas/P1')
        return json({
          code: 'P1',
          name: '吉林省',
          level: 'province',
          parent_code: null,
          urban_rural: null,
          path: [],
          children: 2,
        });
      if (url.pathname === '/map/figures') return json(ROWS);
      if (url.pathname === '/boundaries') return json(BOUNDARIES);
      if (url.pathname === '/map/rooms') return json({ date: '2019-06-30', total: 3, items: ROOMS });
      return undefined;
    });
    renderAt(<MapPage />, { url: '/map?area=P1&month=2019-06&metric=indicator:awareness_rate&rooms=1' });
    expect(await screen.findByRole('heading', { level: 1, name: '地图 · 吉林省 · 2019年6月' })).toBeTruthy();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['1长春市90.0%', '2开发区60.0%', '3吉林<市>落后无数据']);
    expect(within(rows[0]).getByRole('link').getAttribute('href')).toBe(
      '/map?area=C1&month=2019-06&scheme=performance&metric=indicator%3Aawareness_rate&rooms=1',
    );
    const select = screen.getByRole('combobox', { name: '着色指标' }) as HTMLSelectElement;
    expect(select.value).toBe('indicator:awareness_rate');
    expect(select.options).toHaveLength(9);
    await waitFor(() => expect(screen.getByText('没有边界数据、未画出的地区：开发区')).toBeTruthy());
    expect(await screen.findByRole('img', { name: '下级地区知晓率地图' })).toBeTruthy();
    expect(screen.getByText(/已标注位置 2 个，共 3 个/)).toBeTruthy();
    expect(calls.some((c) => c.path === '/map/rooms?within=P1&date=2019-06-30')).toBe(true);
    expect(calls.some((c) => c.path === '/boundaries?within=P1')).toBe(true);
  });
});
