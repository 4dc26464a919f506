/**
 * One ECharts instance bound to a container: created on mount, resized with its box, re-created when the theme
 * changes, disposed on unmount. `build` is tracked like a computed but only re-run in an animation frame after its
 * inputs change, so a burst of checkpoint events costs one redraw; a chart whose redraw is slow (a thousand neurons)
 * waits DUTY_FACTOR times its last cost before the next one, so it never takes the whole main thread.
 */
import { onBeforeUnmount, onMounted, ReactiveEffect, shallowRef, watch, type Ref } from 'vue';
import type { ChartOption } from '../../../src-shared/charts/frame';
import { init, type ECharts } from '../charts/echarts';
import { useTheme } from './useTheme';

/** After a redraw costing t ms the next one waits at least DUTY_FACTOR * t ms. */
const DUTY_FACTOR = 3;

export function useChart(container: Ref<HTMLElement | null>, build: () => ChartOption | null) {
  const chart = shallowRef<ECharts | null>(null);
  const { theme } = useTheme();
  const effect = new ReactiveEffect(build);
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Earliest time (performance.now()) of the next redraw. */
  let readyAt = 0;
  let observer: ResizeObserver | null = null;

  function draw() {
    frame = 0;
    const started = performance.now();
    const option = effect.run();
    // Replacing series (not merging them) drops lines of a previous option; zoom and legend state are kept.
    // No animation: live charts redraw several times a second. The page's panel colour shows through in both themes.
    // Drawn synchronously (no lazyUpdate): this already runs in an animation frame, and the cost measured is complete.
    if (option && chart.value) chart.value.setOption({ ...option, animation: false, backgroundColor: 'transparent' }, { replaceMerge: ['series'] });
    const finished = performance.now();
    readyAt = finished + DUTY_FACTOR * (finished - started);
  }

  function schedule() {
    if (frame || timer !== undefined) return;
    const wait = readyAt - performance.now();
    if (wait <= 0) frame = requestAnimationFrame(draw);
    else
      timer = setTimeout(() => {
        timer = undefined;
        frame = requestAnimationFrame(draw);
      }, wait);
  }
  effect.scheduler = schedule;

  function create() {
    if (!container.value) return;
    chart.value?.dispose();
    chart.value = init(container.value, theme.value === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    draw();
  }

  onMounted(() => {
    create();
    if (container.value && typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => chart.value?.resize());
      observer.observe(container.value);
    }
  });
  watch(theme, create);
  onBeforeUnmount(() => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    effect.stop();
    observer?.disconnect();
    chart.value?.dispose();
    chart.value = null;
  });

  return { chart, redraw: schedule };
}
