/**
 * One ECharts chart, loaded on first use (a separate chunk), resized with its box, disposed on
 * unmount. The chart is drawn as SVG; `label` names it for screen readers, and the same data
 * is always also in a table or list beside it.
 */
import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { Loading } from '../ui/states.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export type ChartOption = EChartsCoreOption;

/** Loads ECharts with the parts a chart draws with (a chunk of its own, fetched on first use). */
export type EChartsLoader = () => Promise<{ echarts: typeof import('echarts/core') }>;

const barsAndLines: EChartsLoader = () => import('./echarts-setup.ts');

/** What a click hit: its series (or component) and data. */
export interface ClickedItem {
  componentType?: string;
  seriesIndex?: number;
  name?: string;
  data?: unknown;
}

export interface EChartProps {
  option: ChartOption;
  label: string;
  height: number;
  /** Called with the clicked item's name (a category) and data index, and what the click hit. */
  onItemClick?(name: string, index: number, item: ClickedItem): void;
  /** The ECharts parts to load: bars and lines unless said (maps load their own). */
  setup?: EChartsLoader;
}

export function EChart({ option, label, height, onItemClick, setup = barsAndLines }: EChartProps) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  // What to draw once the box has a size: ECharts lays a map out in a box of no size with a
  // transform it cannot invert, and throws (a page leaving, a panel not laid out yet).
  const pending = useRef<ChartOption | undefined>(undefined);

  useEffect(() => {
    let disposed = false;
    const element = box.current!;
    const observer = new ResizeObserver(() => {
      const c = chart.current;
      if (!c || !sized(element)) return;
      if (pending.current) {
        c.setOption(pending.current, true);
        pending.current = undefined;
      } else c.resize();
    });
    observer.observe(element);
    setup().then(
      ({ echarts }) => {
        if (disposed) return;
        chart.current = echarts.init(element, undefined, { renderer: 'svg' });
        setReady(true);
      },
      () => !disposed && setFailed(true),
    );
    return () => {
      disposed = true;
      observer.disconnect();
      chart.current?.dispose();
      chart.current = undefined;
    };
    // The loader is fixed for a chart's life (a chart of other parts is another chart).
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!ready || !c) return;
    if (sized(box.current)) {
      c.setOption(option, true);
      pending.current = undefined;
    } else pending.current = option;
  }, [ready, option]);

  useEffect(() => {
    const c = chart.current;
    if (!ready || !c || !onItemClick) return;
    // A bar gives its name and index; an axis label (triggerEvent) gives its text as value.
    const handler = (p: ClickedItem & { value?: unknown; dataIndex?: number }) =>
      onItemClick(
        p.componentType === 'yAxis' || p.componentType === 'xAxis' ? String(p.value ?? '') : (p.name ?? ''),
        p.componentType === 'series' ? (p.dataIndex ?? -1) : -1,
        p,
      );
    c.on('click', handler);
    return () => {
      c.off('click', handler);
    };
  }, [ready, onItemClick]);

  return (
    <div className="chart" style={{ height }} data-chart-ready={ready || undefined}>
      <div ref={box} className="chart-canvas" role="img" aria-label={label} />
      {!ready && !failed && (
        <div className="chart-overlay">
          <Loading inline label={t('dash.chartLoading')} />
        </div>
      )}
      {failed && <div className="chart-overlay state-error">{t('state.error')}</div>}
    </div>
  );
}

function sized(element: HTMLElement | null): boolean {
  return !!element && element.clientWidth > 0 && element.clientHeight > 0;
}
