/**
 * The map a document carries: an area's children shaded by a month's composite, lagging ones
 * outlined in red, each named with its composite, and a legend in bands of ten points below
 * the problem score. ECharts draws it on the server as SVG (its server-side rendering, no DOM);
 * the DOCX and PDF renderers rasterise that SVG (figure-png.ts).
 *
 * @example
 *   const svg = compositeMapSvg(boundariesWithin(tree, '220000000000'), rows, 'zh');
 *   // '<svg width="720" height="540" ...>' or null when no child has a shape
 */
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { GeoComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Lang } from '#core/documents/document.ts';
import type { Boundaries } from '#core/contracts/maps.schema.ts';
import { PASSING_SCORE } from '#core/assessment/ranking.ts';

echarts.use([MapChart, GeoComponent, VisualMapComponent, SVGRenderer]);

/** The family the SVG names; the rasteriser is given the same font file as the PDF. */
export const MAP_FONT_FAMILY = 'WenQuanYi Micro Hei';
export const MAP_SIZE = { width: 720, height: 540 };

// Darker than the web's: the lagging are mostly shaded red too, and the border must show on them.
const LAGGING = '#5e150b';
const NO_DATA = '#e9edf2';
const INK = '#1f2d3d';

/** One shaded child. */
export interface MapRow {
  code: string;
  name: string;
  composite: number;
  lagging: boolean;
}

/** Bad to good, as the web's map: below 60, then bands of ten. */
function pieces(lang: Lang) {
  const below = lang === 'zh' ? `低于${PASSING_SCORE}` : `below ${PASSING_SCORE}`;
  return [
    { lt: PASSING_SCORE, color: '#c4553f', label: below },
    { gte: PASSING_SCORE, lt: 70, color: '#e8a33d', label: '60–70' },
    { gte: 70, lt: 80, color: '#f4e3a1', label: '70–80' },
    { gte: 80, lt: 90, color: '#9ccc94', label: '80–90' },
    { gte: 90, color: '#2e7d4f', label: '90–100' },
  ];
}

let drawn = 0;

/**
 * The children of `boundaries.within` shaded by their composite as an SVG document, or null
 * when none of them has a shape (a province without boundaries, a county's townships).
 */
export function compositeMapSvg(boundaries: Boundaries, rows: MapRow[], lang: Lang): string | null {
  if (boundaries.features.length === 0) return null;
  const key = `document-map-${++drawn}`;
  echarts.registerMap(key, {
    type: 'FeatureCollection',
    features: boundaries.features,
  } as unknown as Parameters<typeof echarts.registerMap>[1]);
  const names = new Map(rows.map((r) => [r.code, r]));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...MAP_SIZE });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: MAP_FONT_FAMILY, color: INK },
      visualMap: {
        type: 'piecewise',
        pieces: pieces(lang),
        orient: 'horizontal',
        left: 'center',
        bottom: 8,
        itemWidth: 18,
        itemHeight: 12,
        textStyle: { fontFamily: MAP_FONT_FAMILY, fontSize: 13, color: INK },
        text: [lang === 'zh' ? '综合得分' : 'composite', ''],
        showLabel: true,
      },
      geo: {
        map: key,
        nameProperty: 'code',
        roam: false,
        top: 16,
        bottom: 56,
        left: 16,
        right: 16,
        itemStyle: { areaColor: NO_DATA, borderColor: '#ffffff', borderWidth: 1 },
        label: {
          show: true,
          fontFamily: MAP_FONT_FAMILY,
          fontSize: 12,
          color: INK,
          formatter: (p: { name: string }) => {
            const row = names.get(p.name);
            return row ? `${row.name}\n${row.composite.toFixed(1)}` : '';
          },
        },
        regions: rows
          .filter((r) => r.lagging)
          .map((r) => ({ name: r.code, itemStyle: { borderColor: LAGGING, borderWidth: 3 } })),
      },
      series: [
        {
          type: 'map',
          geoIndex: 0,
          data: rows.map((r) => ({ name: r.code, value: r.composite })),
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
