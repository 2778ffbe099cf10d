/**
 * The ECharts option of a choropleth: the areas (a registered map whose regions are named by
 * code) coloured by a metric, lagging areas outlined, a colour legend, tooltips in the reader's
 * language, and the rooms on top, coloured by status, rooms as circles and offices as triangles.
 * A pure function of what was loaded, so it is tested without a browser.
 */
import type { ChartOption } from '../charts/echart.tsx';
import type { I18n, MessageKey } from '../i18n/i18n.tsx';
import type { Boundaries, FiguresRow, RoomPoint } from './map-types.ts';
import type { Metric } from './metrics.ts';

const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", system-ui, sans-serif';
const INK = '#1f2d3d';
const NO_DATA = '#e9edf2';
const OUTLINE = '#e8eff7';
export const LAGGING = '#b3402e';
/** Bad to good. */
const SCALE = ['#c4553f', '#e8a33d', '#f4e3a1', '#9ccc94', '#2e7d4f'];
export const STATUS_COLOURS: Record<string, string> = {
  open: '#1d3557',
  building: '#7b4fa0',
  planned: '#ffffff',
  closed: '#8a8f96',
};
const STATUSES = ['open', 'building', 'planned', 'closed'] as const;

export interface MapView {
  /** The name the boundaries were registered under with echarts.registerMap. */
  mapKey: string;
  boundaries: Boundaries;
  /** The children's figures; undefined draws the shapes alone (nothing to colour them by). */
  rows?: FiguresRow[];
  metric: Metric;
  rooms?: RoomPoint[];
  /** A phone's width: no names on the areas, smaller marks. */
  compact: boolean;
  /** The chart's size in pixels (the map keeps its proportions inside it). */
  height: number;
  width: number;
}

type Words = Pick<I18n, 't' | 'tr' | 'fmt'>;

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The GeoJSON the map registers: the children's shapes, or the area's own when none has one. */
export function drawnShapes(b: Boundaries): { type: 'FeatureCollection'; features: Boundaries['features'] } {
  return { type: 'FeatureCollection', features: b.features.length > 0 ? b.features : b.outline ? [b.outline] : [] };
}

export function mapOption(view: MapView, words: Words): ChartOption {
  const { t, tr } = words;
  const { metric, compact } = view;
  const shapes = drawnShapes(view.boundaries).features;
  const names = new Map(shapes.map((f) => [f.properties.code, f.properties.name]));
  const rows = view.boundaries.features.length > 0 ? view.rows : undefined;
  const byCode = new Map((rows ?? []).map((r) => [r.code, r]));
  const [min, max] = rows ? metric.range(rows) : [0, 1];
  const colours = metric.better === 'higher' ? SCALE : [...SCALE].reverse();
  const rooms = view.rooms?.filter((r) => r.longitude !== null && r.latitude !== null) ?? [];

  const areaTip = (code: string): string => {
    const row = byCode.get(code);
    const name = escape(row?.name ?? names.get(code) ?? code);
    if (!row) return `<strong>${name}</strong>`;
    const v = metric.value(row);
    const lines = [
      `<strong>${name}</strong>`,
      `${escape(metric.label)}: ${v === null ? t('dash.noData') : escape(metric.format(v))}`,
      `${t('dash.rank')}: ${row.rank} · ${t('dash.composite')}: ${words.fmt.decimal(row.composite, 1)}`,
    ];
    if (row.lagging) lines.push(`<span style="color:${LAGGING}">${t('dash.lagging')}</span>`);
    if (row.problems.length > 0)
      lines.push(`${t('dash.problems')}: ${row.problems.map((p) => escape(tr('ind', p))).join(t('sep.list'))}`);
    return lines.join('<br/>');
  };

  return {
    textStyle: { fontFamily: FONT, color: INK },
    animation: false,
    tooltip: { trigger: 'item', confine: true },
    legend: rooms.length
      ? {
          data: STATUSES.filter((s) => rooms.some((r) => r.status === s)).map((s) => t(`status.${s}` as MessageKey)),
          top: 4,
          right: 4,
          orient: compact ? 'horizontal' : 'vertical',
          itemWidth: 10,
          itemHeight: 10,
          textStyle: { fontSize: 11 },
        }
      : undefined,
    geo: {
      map: view.mapKey,
      nameProperty: 'code',
      roam: false,
      // Centre and size rather than four edges, which would stretch the map to the box.
      ...fit(shapes, view.width, view.height, {
        top: rooms.length && compact ? 32 : 8,
        bottom: rows ? 44 : 8,
        side: rooms.length && !compact ? 76 : 8,
      }),
      label: {
        show: !compact && rows !== undefined && shapes.length <= 24,
        formatter: (p: { name: string }) => names.get(p.name) ?? '',
        fontSize: 11,
        color: INK,
      },
      // Coloured areas are told apart by thin white borders; an area drawn alone by its outline.
      itemStyle: rows
        ? { areaColor: NO_DATA, borderColor: '#ffffff', borderWidth: 1 }
        : { areaColor: OUTLINE, borderColor: '#2f5d8a', borderWidth: 1.5 },
      emphasis: {
        label: { show: !compact },
        itemStyle: { areaColor: rows ? undefined : '#d6e2ef', borderColor: INK, borderWidth: 1.5 },
      },
      // Lagging areas (SPEC §3) keep their colour and get a heavy red border.
      regions: (rows ?? [])
        .filter((r) => r.lagging)
        .map((r) => ({ name: r.code, itemStyle: { borderColor: LAGGING, borderWidth: compact ? 2 : 3 } })),
      tooltip: { show: true, formatter: (p: { name: string }) => areaTip(p.name) },
    },
    visualMap: rows
      ? {
          type: 'continuous',
          seriesIndex: 0,
          min,
          max,
          inRange: { color: colours },
          orient: 'horizontal',
          left: 8,
          bottom: 6,
          itemWidth: 12,
          itemHeight: compact ? 120 : 160,
          text: [metric.format(max), metric.format(min)],
          textStyle: { fontSize: 11, color: INK },
          calculable: false,
          hoverLink: false,
        }
      : undefined,
    series: [
      ...(rows
        ? [
            {
              type: 'map',
              geoIndex: 0,
              name: metric.label,
              data: rows.map((r) => ({ name: r.code, value: metric.value(r) ?? Number.NaN })),
              tooltip: { formatter: (p: { name: string }) => areaTip(p.name) },
            },
          ]
        : []),
      ...STATUSES.filter((s) => rooms.some((r) => r.status === s)).map((status) => ({
        type: 'scatter',
        coordinateSystem: 'geo',
        name: t(`status.${status}` as MessageKey),
        symbolSize: compact ? 6 : 8,
        itemStyle: { color: STATUS_COLOURS[status], borderColor: INK, borderWidth: status === 'planned' ? 1 : 0.5 },
        cursor: 'pointer',
        data: rooms
          .filter((r) => r.status === status)
          .map((r) => ({
            name: r.name,
            code: r.code,
            value: [r.longitude, r.latitude],
            symbol: r.type === 'rural_office' ? 'triangle' : 'circle',
          })),
        tooltip: {
          formatter: (p: { name: string; data: { code: string } }) => {
            const room = rooms.find((r) => r.code === p.data.code);
            if (!room) return escape(p.name);
            return [
              `<strong>${escape(room.name)}</strong>`,
              `${tr('unitType', room.type)} · ${tr('status', room.status)}`,
              room.open ? t('map.openOnDay') : t('map.notOpenOnDay'),
            ].join('<br/>');
          },
        },
      })),
    ],
  };
}

/** ECharts draws a degree of longitude this much narrower than one of latitude (its default). */
const ASPECT_SCALE = 0.75;

/**
 * Where the map goes: centred between the margins, as large as they allow with its proportions
 * kept (a centre and a size in pixels; four edges would stretch it to the box). `layoutSize` is
 * the map's longer side.
 */
export function fit(
  shapes: Boundaries['features'],
  width: number,
  height: number,
  margin: { top: number; bottom: number; side: number },
) {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of shapes)
    for (const polygon of f.geometry.coordinates)
      for (const [x, y] of polygon[0]) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
  const aspect = n > s && e > w ? ((e - w) * ASPECT_SCALE) / (n - s) : 1;
  const usableW = Math.max(40, width - 2 * margin.side);
  const usableH = Math.max(40, height - margin.top - margin.bottom);
  const size = aspect >= 1 ? Math.min(usableW, usableH * aspect) : Math.min(usableH, usableW / aspect);
  return {
    layoutCenter: [Math.round(width / 2), Math.round(margin.top + usableH / 2)],
    layoutSize: Math.floor(size),
  };
}
