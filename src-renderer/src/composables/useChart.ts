/**
 * One ECharts instance bound to a container: created on mount, resized with its box, re-created when the theme
 * changes, disposed on unmount. `build` is tracked like a computed but only re-run when the chart is drawn, in an
 * animation frame after its inputs change, so a burst of checkpoint events costs one option and one setOption.
 * The charts of a page share one queue of frames (lib/frameScheduler), which keeps slow charts to a share of the main
 * thread.
 */
import { onBeforeUnmount, onMounted, ReactiveEffect, shallowRef, watch, type Ref } from 'vue';
import type { ChartOption } from '#shared/charts/frame';
import { init, type ECharts } from '../charts/echarts';
import { chartLabel } from '../lib/chartLabel';
import { createFrameScheduler } from '../lib/frameScheduler';
import { useTheme } from './useTheme';

/** The queue every chart draws through. */
const queue = createFrameScheduler();

export function useChart(container: Ref<HTMLElement | null>, build: () => ChartOption | null) {
  const chart = shallowRef<ECharts | null>(null);
  /** A new instance not drawn yet: it becomes `chart` with its first option, so nothing uses it empty. */
  let fresh: ECharts | null = null;
  const { theme } = useTheme();
  const effect = new ReactiveEffect(build);
  /** Milliseconds the last draw took, and whether the current instance has been drawn at all. */
  let cost = 0;
  let drawnOnce = false;
  /** The option must be built again (the inputs of `build` changed, or the chart is new). */
  let stale = true;
  /** The container changed size since the last draw. */
  let resized = false;
  let observer: ResizeObserver | null = null;

  function draw() {
    const started = performance.now();
    const option = stale ? effect.run() : null;
    stale = false;
    if (option && fresh) {
      chart.value = fresh;
      fresh = null;
    }
    if (resized) (chart.value ?? fresh)?.resize();
    resized = false;
    // Replacing series (not merging them) drops lines of a previous option; zoom and legend state are kept.
    // No animation: live charts redraw several times a second. The page's panel colour shows through in both themes.
    // Drawn synchronously (no lazyUpdate): this already runs in an animation frame, and the cost measured is complete.
    if (option && chart.value)
      chart.value.setOption(
        { ...option, animation: false, backgroundColor: 'transparent' },
        { replaceMerge: ['series'] },
      );
    // A canvas says nothing to a screen reader: the container is an image named by the chart's title.
    if (option && container.value) {
      container.value.setAttribute('role', 'img');
      container.value.setAttribute('aria-label', chartLabel(option as Parameters<typeof chartLabel>[0]));
    }
    cost = performance.now() - started;
    drawnOnce = true;
  }
  const ask = () => queue.schedule(draw, { cost, first: !drawnOnce });

  effect.scheduler = () => {
    stale = true;
    ask();
  };

  /** A new instance (first mount, or a theme change), drawn in the next frame it gets. */
  function create() {
    if (!container.value) return;
    chart.value?.dispose();
    fresh?.dispose();
    chart.value = null;
    fresh = init(container.value, theme.value === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    stale = true;
    drawnOnce = false;
    ask();
  }

  onMounted(() => {
    create();
    if (container.value && typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => {
        resized = true;
        ask();
      });
      observer.observe(container.value);
    }
  });
  watch(theme, create);
  onBeforeUnmount(() => {
    queue.cancel(draw);
    effect.stop();
    observer?.disconnect();
    fresh?.dispose();
    chart.value?.dispose();
    chart.value = null;
  });

  return { chart };
}
