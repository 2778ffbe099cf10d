/**
 * The parts of ECharts a map draws with, registered once. Only imported dynamically (by the map),
 * so that no page without a map loads them: the public pages and the first route stay small.
 */
import * as echarts from 'echarts/core';
import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([MapChart, ScatterChart, GeoComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export { echarts };
