/** The dashboard's two charts: the children's composites as bars, the area's composite over months. */
import { useMemo } from 'react';
import type { RankingRow } from '../api/types.ts';
import { EChart, type ChartOption } from '../charts/echart.tsx';
import { PASSING_SCORE } from '#core/assessment/ranking.ts';
import { useI18n } from '../i18n/i18n.tsx';

const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", system-ui, sans-serif';
const INK = '#1f2d3d';
const MUTED = '#5b6b7c';
const GRID = '#e3e8ee';
const PRIMARY = '#2f5d8a';
const ALERT = '#b3402e';

const threshold = {
  silent: true,
  symbol: 'none',
  lineStyle: { color: ALERT, type: 'dashed', width: 1 },
  label: { show: false },
  data: [{ xAxis: PASSING_SCORE }],
};

export function CompositeBars({ rows, onPick }: { rows: RankingRow[]; onPick(code: string): void }) {
  const { t, fmt } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: FONT, color: INK },
      animation: false,
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => fmt.decimal(v, 1) },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        splitLine: { lineStyle: { color: GRID } },
        axisLabel: { color: MUTED },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.name),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: GRID } },
        axisLabel: { color: INK, width: 96, overflow: 'truncate' },
        triggerEvent: true,
      },
      series: [
        {
          type: 'bar',
          name: t('dash.composite'),
          barMaxWidth: 18,
          cursor: 'pointer',
          data: rows.map((r) => ({
            value: Math.round(r.composite * 10) / 10,
            itemStyle: { color: r.lagging ? ALERT : PRIMARY },
          })),
          label: {
            show: true,
            position: 'right',
            color: INK,
            formatter: (p: { value: number }) => fmt.decimal(p.value, 1),
          },
          markLine: { ...threshold, data: [{ xAxis: PASSING_SCORE }] },
        },
      ],
    }),
    [rows, t, fmt],
  );
  const pick = (name: string, index: number) => {
    const row = rows[index] ?? rows.find((r) => r.name === name);
    if (row) onPick(row.code);
  };
  return (
    <EChart
      option={option}
      label={t('dash.barChart')}
      height={Math.max(160, rows.length * 30 + 24)}
      onItemClick={pick}
    />
  );
}

export function CompositeTrend({ months, composites }: { months: string[]; composites: (number | null)[] }) {
  const { t, fmt } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: FONT, color: INK },
      animation: false,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => (v === null || v === undefined ? t('dash.noData') : fmt.decimal(v, 1)),
      },
      xAxis: {
        type: 'category',
        data: months.map((m) => fmt.month(m)),
        axisLabel: { color: MUTED, hideOverlap: true },
        axisLine: { lineStyle: { color: GRID } },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        splitLine: { lineStyle: { color: GRID } },
        axisLabel: { color: MUTED },
      },
      series: [
        {
          type: 'line',
          name: t('dash.composite'),
          data: composites.map((c) => (c === null ? null : Math.round(c * 10) / 10)),
          connectNulls: false,
          symbolSize: 6,
          lineStyle: { color: PRIMARY, width: 2 },
          itemStyle: { color: PRIMARY },
          areaStyle: { color: 'rgba(47, 93, 138, 0.08)' },
          markLine: { ...threshold, data: [{ yAxis: PASSING_SCORE }] },
        },
      ],
    }),
    [months, composites, t, fmt],
  );
  return <EChart option={option} label={t('dash.trendChart')} height={220} />;
}
