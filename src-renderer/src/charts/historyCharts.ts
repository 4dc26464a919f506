/** The chart types only the sweep dashboard draws (box plots, bars, heat maps and their colour scale), registered on top of echarts.ts. */
import { use } from 'echarts/core';
import { BarChart, BoxplotChart, HeatmapChart } from 'echarts/charts';
import { VisualMapContinuousComponent } from 'echarts/components';

use([BarChart, BoxplotChart, HeatmapChart, VisualMapContinuousComponent]);
