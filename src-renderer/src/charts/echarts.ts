/**
 * The parts of ECharts the lab draws with, registered once (tree-shaken: no full `echarts` import in the renderer).
 * The screen draws on canvas; the SVG renderer draws charts saved as SVG.
 */
import { init, use } from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

use([
  LineChart,
  ScatterChart,
  GridComponent,
  TitleComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  DataZoomComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export { init };
export type { ECharts } from 'echarts/core';
