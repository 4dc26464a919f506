/**
 * One ECharts instance bound to a container: created on mount, resized with its box, re-created when the theme
 * changes, disposed on unmount. `build` is tracked like a computed but only re-run when the chart is drawn, in an
 * animation frame after its inputs change, so a burst of checkpoint events costs one option and one setOption.
 * The charts of a page share one queue: a frame draws the waiting charts in turn while it expects (from each chart's
 * last cost) to stay within FRAME_BUDGET_MS and leaves the rest to a later frame, so four slow charts never block the
 * main thread in one go; and after frames that drew for t ms the next one waits DUTY_FACTOR * t ms, so slow charts (a
 * thousand neurons) take at most a quarter of the main thread however fast checkpoints arrive.
 */
import { onBeforeUnmount, onMounted, ReactiveEffect, shallowRef, watch, type Ref } from 'vue';
import type { ChartOption } from '../../../src-shared/charts/frame';
import { init, type ECharts } from '../charts/echarts';
import { chartLabel } from '../lib/chartLabel';
import { useTheme } from './useTheme';

/** After frames that drew charts for t ms, the next drawing frame waits at least DUTY_FACTOR * t ms. */
const DUTY_FACTOR = 3;
/** A frame draws another chart only if it expects to have spent no more than this (the first is drawn whatever it costs). */
const FRAME_BUDGET_MS = 12;

/** A chart waiting for a frame: what its last draw cost (ms), and whether it has never been drawn. */
interface Waiting {
  cost: number;
  first: boolean;
}
/** Charts waiting for a frame, by draw function, in the order they asked. */
const waiting = new Map<() => void, Waiting>();
/** The animation frame requested (0: none), and the wait before asking for one. */
let frame = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Earliest time (performance.now()) of the next drawing frame, for charts drawn before. */
let readyAt = 0;

function drawWaiting() {
  frame = 0;
  const started = performance.now();
  let drawn = 0;
  try {
    for (const [draw, { cost }] of waiting) {
      if (drawn > 0 && performance.now() - started + cost > FRAME_BUDGET_MS) break;
      waiting.delete(draw);
      drawn++;
      draw();
    }
  } finally {
    const finished = performance.now();
    readyAt = finished + DUTY_FACTOR * (finished - started);
    if (waiting.size > 0) request();
  }
}

/**
 * Asks for a frame to draw the waiting charts in: once the main thread has had its share since the last one, or in
 * the next frame when a chart has never been drawn (a page just opened shows its charts without waiting).
 */
function request() {
  const soon = [...waiting.values()].some((chart) => chart.first);
  if (frame || (timer !== undefined && !soon)) return;
  clearTimeout(timer);
  timer = undefined;
  const wait = soon ? 0 : readyAt - performance.now();
  if (wait <= 0) frame = requestAnimationFrame(drawWaiting);
  else
    timer = setTimeout(() => {
      timer = undefined;
      frame = requestAnimationFrame(drawWaiting);
    }, wait);
}

function enqueue(draw: () => void, chart: Waiting) {
  if (!waiting.has(draw)) waiting.set(draw, chart);
  request();
}

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
    if (option && chart.value) chart.value.setOption({ ...option, animation: false, backgroundColor: 'transparent' }, { replaceMerge: ['series'] });
    // A canvas says nothing to a screen reader: the container is an image named by the chart's title.
    if (option && container.value) {
      container.value.setAttribute('role', 'img');
      container.value.setAttribute('aria-label', chartLabel(option as Parameters<typeof chartLabel>[0]));
    }
    cost = performance.now() - started;
    drawnOnce = true;
  }
  const ask = () => enqueue(draw, { cost, first: !drawnOnce });

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
    waiting.delete(draw);
    effect.stop();
    observer?.disconnect();
    fresh?.dispose();
    chart.value?.dispose();
    chart.value = null;
  });

  return { chart };
}
