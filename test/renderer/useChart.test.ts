// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref, shallowRef, type Ref } from 'vue';
import type { ChartOption } from '#shared/charts/frame';

/** A stand-in for an ECharts instance: records what it was asked to do. */
interface FakeChart {
  setOption: ReturnType<typeof vi.fn>;
  resize: ReturnType<typeof vi.fn>;
  dispose: ReturnType<typeof vi.fn>;
}
const charts: FakeChart[] = [];
vi.mock('../../src-renderer/src/charts/echarts', () => ({
  init: () => {
    const chart = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() };
    charts.push(chart);
    return chart;
  },
}));
const { useChart } = await import('../../src-renderer/src/composables/useChart');

/** Virtual time (performance.now) that builds advance by what they would cost. */
let now = 0;
/** Animation-frame callbacks requested and not yet run. */
let frames: FrameRequestCallback[] = [];
/** Runs the callbacks of one animation frame; returns how many there were. */
function frame(): number {
  const due = frames;
  frames = [];
  due.forEach((callback) => callback(now));
  return due.length;
}
/** Runs the next animation frame the queue asks for, after whatever wait it keeps between frames. */
function later(): number {
  vi.advanceTimersByTime(1000);
  return frame();
}
/** Resize observers' callbacks, to report a new container size. */
const resizeCallbacks: Array<() => void> = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        resizeCallbacks.push(callback);
      }
      observe() {}
      disconnect() {}
    },
  );
  charts.length = 0;
  resizeCallbacks.length = 0;
  frames = [];
});
afterEach(() => {
  // Let the shared queue finish what it started (a frame requested, or the wait before one).
  for (let round = 0; round < 10; round++) {
    vi.advanceTimersByTime(1000);
    frame();
  }
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Mounts a chart whose option shows `data`; each build costs `cost` ms of virtual time. */
function mountChart(data: Ref<number>, cost: number) {
  const build = vi.fn((): ChartOption => {
    now += cost;
    return { series: [{ type: 'line', data: [[0, data.value]] }] };
  });
  const wrapper = mount(
    defineComponent(() => {
      const container = ref<HTMLElement | null>(null);
      useChart(container, build);
      return () => h('div', { ref: container });
    }),
  );
  return { build, wrapper };
}

const lastValue = (chart: FakeChart) =>
  (chart.setOption.mock.lastCall![0] as { series: Array<{ data: number[][] }> }).series[0].data[0][1];

describe('useChart', () => {
  it('builds and draws in an animation frame, once for a burst of changes, with the latest data', () => {
    const data = shallowRef(0);
    const { build, wrapper } = mountChart(data, 0);
    expect(build).not.toHaveBeenCalled();
    later();
    expect(build).toHaveBeenCalledTimes(1);
    expect(charts[0].setOption).toHaveBeenCalledTimes(1);
    for (let batch = 1; batch <= 10; batch++) data.value = batch;
    expect(build).toHaveBeenCalledTimes(1);
    expect(frame()).toBe(1);
    expect(build).toHaveBeenCalledTimes(2);
    expect(charts[0].setOption).toHaveBeenCalledTimes(2);
    expect(lastValue(charts[0])).toBe(10);
    // Nothing changed: no frame is requested, nothing redrawn.
    expect(frame()).toBe(0);
    expect(charts[0].setOption).toHaveBeenCalledTimes(2);
    wrapper.unmount();
    expect(charts[0].dispose).toHaveBeenCalled();
  });

  it('spreads slow charts over frames: a frame stops drawing once it has spent its budget', () => {
    const data = shallowRef(0);
    const slow = Array.from({ length: 4 }, () => mountChart(data, 20));
    const drawnAfterEachFrame = [1, 2, 3, 4].map(() => {
      later();
      return charts.filter((chart) => chart.setOption.mock.calls.length > 0).length;
    });
    expect(drawnAfterEachFrame).toEqual([1, 2, 3, 4]);
    // After a 20 ms frame the next one waits 60 ms, whichever chart it is for.
    data.value = 1;
    expect(frame()).toBe(0);
    vi.advanceTimersByTime(59);
    expect(frame()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(frame()).toBe(1);
    slow.forEach(({ wrapper }) => wrapper.unmount());
    // Quick charts share one frame.
    charts.length = 0;
    const quick = Array.from({ length: 4 }, () => mountChart(data, 1));
    later();
    expect(charts.map((chart) => chart.setOption.mock.calls.length)).toEqual([1, 1, 1, 1]);
    quick.forEach(({ wrapper }) => wrapper.unmount());
  });

  it('leaves to the next frame a chart whose last draw would overrun the budget', () => {
    const data = shallowRef(0);
    const cheap = mountChart(data, 5);
    const slow = mountChart(data, 20);
    // Costs unknown yet: both drawn in the first frame.
    later();
    expect(charts.map((chart) => chart.setOption.mock.calls.length)).toEqual([1, 1]);
    data.value = 1;
    later();
    expect(charts.map((chart) => chart.setOption.mock.calls.length)).toEqual([2, 1]);
    later();
    expect(charts.map((chart) => chart.setOption.mock.calls.length)).toEqual([2, 2]);
    [cheap, slow].forEach(({ wrapper }) => wrapper.unmount());
  });

  it('waits three times the cost of a slow frame before the next one', () => {
    const data = shallowRef(0);
    const { build, wrapper } = mountChart(data, 30);
    later();
    data.value = 1;
    expect(frame()).toBe(0);
    vi.advanceTimersByTime(89);
    expect(frame()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(frame()).toBe(1);
    expect(build).toHaveBeenCalledTimes(2);
    expect(lastValue(charts[0])).toBe(1);
    wrapper.unmount();
  });

  it('draws a new chart in the next frame, without the wait kept after slow frames', () => {
    const data = shallowRef(0);
    const slow = mountChart(data, 30);
    later();
    data.value = 1;
    const added = mountChart(data, 1);
    // The waiting slow chart comes first and fills that frame; the new one gets the very next frame all the same.
    expect(frame()).toBe(1);
    expect(charts.map((chart) => chart.setOption.mock.calls.length)).toEqual([2, 0]);
    expect(frame()).toBe(1);
    expect(charts.map((chart) => chart.setOption.mock.calls.length)).toEqual([2, 1]);
    [slow, added].forEach(({ wrapper }) => wrapper.unmount());
  });

  it('resizes in the next frame without building the option again', () => {
    const data = shallowRef(0);
    const { build, wrapper } = mountChart(data, 1);
    later();
    resizeCallbacks[0]();
    resizeCallbacks[0]();
    expect(charts[0].resize).not.toHaveBeenCalled();
    later();
    expect(charts[0].resize).toHaveBeenCalledTimes(1);
    expect(build).toHaveBeenCalledTimes(1);
    expect(charts[0].setOption).toHaveBeenCalledTimes(1);
    wrapper.unmount();
  });

  it('drops a queued redraw of a chart that is unmounted', () => {
    const data = shallowRef(0);
    const { build, wrapper } = mountChart(data, 1);
    wrapper.unmount();
    later();
    expect(build).not.toHaveBeenCalled();
  });
});
