/**
 * The choropleth of an area's children for a month: their shapes (GET boundaries) coloured by a
 * metric (GET map/figures), lagging areas outlined, and, when asked, the rooms on top
 * (GET map/rooms). Where nothing below the area has a shape (a county's townships), the area
 * itself is drawn with its rooms. Loaded as a chunk of its own with the map parts of ECharts.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { EChart, type ClickedItem } from '../charts/echart.tsx';
import { endOfMonth } from '../domain/month.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorState } from '../ui/states.tsx';
import { drawnShapes, mapOption, LAGGING } from './map-option.ts';
import type { Boundaries, FiguresRow, Rooms } from './map-types.ts';
import type { Metric } from './metrics.ts';

const loadMapParts = () => import('./echarts-map-setup.ts');
let registrations = 0;

export interface AreaMapProps {
  within: string;
  month: string;
  scheme: string;
  metric: Metric;
  /** Draw the rooms of the area's subtree. */
  rooms: boolean;
  height: number;
  compact: boolean;
  /** A child with a shape was clicked. */
  onDrill?(code: string): void;
  /** A room was clicked. */
  onRoom?(code: string): void;
}

export default function AreaMap({
  within,
  month,
  scheme,
  metric,
  rooms,
  height,
  compact,
  onDrill,
  onRoom,
}: AreaMapProps) {
  const words = useI18n();
  const { t } = words;
  const boundaries = useApi<Boundaries>(`/boundaries${query({ within })}`);
  const figures = useApi<FiguresRow[]>(`/map/figures${query({ month, within, scheme })}`);
  const points = useApi<Rooms>(rooms ? `/map/rooms${query({ within, date: endOfMonth(month) })}` : null);
  const b = boundaries.data?.within === within ? boundaries.data : undefined;
  const [mapKey, setMapKey] = useState<{ for: Boundaries; key: string }>();
  // The map's size follows the box's width (the option places it in pixels).
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, []);

  // The shapes are registered under a name of their own each time they arrive, then drawn.
  useEffect(() => {
    if (!b || drawnShapes(b).features.length === 0) return;
    let live = true;
    void loadMapParts().then(({ echarts }) => {
      const key = `outpost-${++registrations}`;
      echarts.registerMap(key, drawnShapes(b) as never);
      if (live) setMapKey({ for: b, key });
    });
    return () => {
      live = false;
    };
  }, [b]);

  const rows = figures.data;
  const option = useMemo(
    () =>
      b && mapKey?.for === b
        ? mapOption(
            // Before the box is measured (or where nothing is laid out), a width to start from.
            {
              mapKey: mapKey.key,
              boundaries: b,
              rows,
              metric,
              rooms: points.data?.items,
              compact,
              height,
              width: width || 600,
            },
            words,
          )
        : undefined,
    [b, mapKey, rows, metric, points.data, compact, height, width, words],
  );
  const drillable = useMemo(() => new Set(b?.features.map((f) => f.properties.code)), [b]);
  const names = new Map((rows ?? []).map((r) => [r.code, r.name]));
  const click = (name: string, _index: number, item: ClickedItem) => {
    const data = item.data as { code?: string } | undefined;
    if (item.componentType === 'series' && data?.code) onRoom?.(data.code);
    else if (drillable.has(name)) onDrill?.(name);
  };
  const error = boundaries.error ?? figures.error ?? points.error;
  const ready = !!option && !figures.loading && !points.loading;
  const withRooms = points.data?.items.filter((r) => r.longitude !== null) ?? [];

  if (error && error.status !== 401) return <ErrorState error={error} />;
  return (
    <div ref={box} className="area-map" data-ready={ready || undefined} aria-busy={!ready}>
      {b && drawnShapes(b).features.length === 0 ? (
        <p className="state state-empty">{t('map.noShapes')}</p>
      ) : option ? (
        <EChart
          // A new map (another area) gets a chart of its own: ECharts, given another map's option
          // while a region of the old one is hovered or clicked, reads regions that are gone.
          key={mapKey?.key}
          option={option}
          label={t('map.label', { metric: metric.label })}
          height={height}
          setup={loadMapParts}
          onItemClick={click}
        />
      ) : (
        <div className="chart" style={{ height }} />
      )}
      <p className="map-key muted small">
        {b && b.features.length > 0 && (
          <span>
            <span className="key-swatch" style={{ borderColor: LAGGING }} aria-hidden="true" /> {t('map.laggingKey')}
          </span>
        )}
        {rooms && (
          <span>
            <span aria-hidden="true">● </span>
            {t('unitType.community_room')} <span aria-hidden="true">▲ </span>
            {t('unitType.rural_office')}
            {' · '}
            {t('map.roomsShown', { shown: withRooms.length, total: points.data?.total ?? 0 })}
          </span>
        )}
      </p>
      {b && b.features.length === 0 && b.outline ? (
        <p className="muted small">{t('map.outlineOnly', { area: b.outline.properties.name })}</p>
      ) : (
        b &&
        b.missing.length > 0 && (
          <p className="muted small">
            {t('map.missing', { names: b.missing.map((c) => names.get(c) ?? c).join(t('sep.list')) })}
          </p>
        )
      )}
    </div>
  );
}
