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

export interface EChartProps {
  option: ChartOption;
  label: string;
  height: number;
  /** Called with the clicked item's name (a category) and data index. */
  onItemClick?(name: string, index: number): void;
}

export function EChart({ option, label, height, onItemClick }: EChartProps) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    const element = box.current!;
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(element);
    import('./echarts-setup.ts').then(
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
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, true);
  }, [ready, option]);

  useEffect(() => {
    const c = chart.current;
    if (!ready || !c || !onItemClick) return;
    // A bar gives its name and index; an axis label (triggerEvent) gives its text as value.
    const handler = (p: { name?: string; value?: unknown; dataIndex?: number; componentType?: string }) =>
      onItemClick(
        p.componentType === 'yAxis' || p.componentType === 'xAxis' ? String(p.value ?? '') : (p.name ?? ''),
        p.componentType === 'series' ? (p.dataIndex ?? -1) : -1,
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
