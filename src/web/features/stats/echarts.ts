import { BarChart, type BarSeriesOption, GaugeChart, type GaugeSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The parts of ECharts the statistics use, and nothing else: loaded by a dynamic import from chart.tsx,
 * so that only the statistics pages download it.
 */
use([BarChart, GaugeChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | GaugeSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export { init };
