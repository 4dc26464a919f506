/** Reads a chart option back through ECharts itself (server-side rendered), the way the UI's tooltips see it. */
import * as echarts from 'echarts';
import type { ChartOption } from '#shared/charts/frame';

/** What a tooltip formatter receives for one data item: as ECharts builds it from the series data. */
export interface ItemParams {
  seriesName: string;
  dataIndex: number;
  value: number[];
  marker?: string;
}

interface SeriesModel {
  getDataParams(dataIndex: number): ItemParams;
  getData(): { count(): number };
}

/** Renders an option server-side to SVG at 800 x 400, the way reports do; throws on an option ECharts rejects. */
export function renderSvg(option: ChartOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 400 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Sets the option on an SSR chart and returns, per series, the params of each of its data items; and the SVG drawn. */
export function readBack(option: ChartOption, width = 800, height = 400): { params: ItemParams[][]; svg: string } {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option);
  const model = (chart as unknown as { getModel(): { getSeriesByIndex(i: number): SeriesModel } }).getModel();
  const params = (option.series as unknown[]).map((_, s) => {
    const series = model.getSeriesByIndex(s);
    return Array.from({ length: series.getData().count() }, (_, i) => series.getDataParams(i));
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { params, svg };
}
