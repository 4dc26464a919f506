/**
 * The script of the interactive HTML report, as text inlined into the page. It reads the embedded charts (JSON),
 * puts back the number formatting the JSON could not carry, and draws each chart with ECharts' canvas renderer with
 * tooltips, zoom (wheel, drag, toolbox) and legend toggles. It runs offline: everything it needs is in the page.
 */

/**
 * Browser JavaScript (kept to what every current browser runs). `formatNumber` mirrors src-shared/base/format.ts:
 * four significant digits, scientific notation below 1e-3 and from 1e6.
 */
export const REPORT_CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  function formatNumber(value) {
    if (value === null || value === undefined || Number.isNaN(value)) return '\u2014';
    if (value === 0) return '0';
    var magnitude = Math.abs(value);
    if (magnitude < 1e-3 || magnitude >= 1e6) return value.toExponential(3).replace(/\.?0+e/, 'e');
    return String(Number(value.toPrecision(4)));
  }
  // Formatters were functions in the chart options: the JSON names which one each was.
  function revive(node) {
    if (Array.isArray(node)) return node.map(revive);
    if (node && typeof node === 'object') {
      var out = {};
      Object.keys(node).forEach(function (key) {
        var value = node[key];
        if (value === '@number') out[key] = function (v) {
          if (typeof v === 'number') return formatNumber(v);
          // A tooltip's parameters: name the series and its value.
          var item = Array.isArray(v) ? v[0] : v;
          var shown = item && Array.isArray(item.value) ? item.value[item.value.length - 1] : item && item.value;
          return item ? item.marker + item.seriesName + ': ' + (typeof shown === 'number' ? formatNumber(shown) : String(shown)) : '';
        };
        else out[key] = revive(value);
      });
      return out;
    }
    return node;
  }
  function interactive(option) {
    var x = Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis;
    var continuous = x && (x.type === 'value' || x.type === 'log');
    option.animation = false;
    option.tooltip = Object.assign({ confine: true }, option.tooltip || {}, { show: true });
    if (continuous) {
      option.dataZoom = [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }];
      option.toolbox = { right: 12, top: 4, feature: { dataZoom: { yAxisIndex: 'none', title: { zoom: 'Zoom to a box', back: 'Undo zoom' } }, restore: { title: 'Reset' }, saveAsImage: { title: 'Save PNG', pixelRatio: 2 } } };
    } else {
      option.toolbox = { right: 12, top: 4, feature: { saveAsImage: { title: 'Save PNG', pixelRatio: 2 } } };
    }
    return option;
  }
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var charts = [];
  var finished = 0;
  data.charts.forEach(function (chart, i) {
    var element = document.getElementById('chart-' + i);
    var instance = echarts.init(element, null, { renderer: 'canvas' });
    // The page says it is drawn once every chart has finished rendering (some draw over several frames).
    instance.on('finished', function once() {
      instance.off('finished', once);
      finished += 1;
      if (finished === data.charts.length) document.body.setAttribute('data-charts-drawn', String(finished));
    });
    instance.setOption(interactive(revive(chart.option)));
    charts.push(instance);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
`;
