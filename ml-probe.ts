import * as echarts from 'echarts';
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 400 });
chart.setOption({ animation: false, xAxis: { type: 'value' }, yAxis: { type: 'log' }, series: [{ type: 'line', data: [[0, 1], [1, 0.001]], markLine: { symbol: 'none', data: [{ yAxis: 0.008 }, { yAxis: 0.01 }] } }] });
const svg = chart.renderToSVGString();
console.log(svg.match(/<path d="M[^"]*"[^>]*stroke-dasharray[^>]*>/g));
