/**
 * The charts' frame queue on a fake clock: one draw per chart per frame, a frame that stops drawing once its budget is
 * spent (a slow chart alone in its frame), a wait of three times a frame's cost before the next, and new charts drawn
 * at once.
 */
import { describe, expect, it } from 'vitest';
import {
  createFrameScheduler,
  DUTY_FACTOR,
  FRAME_BUDGET_MS,
  type FrameClock,
} from '../../src-renderer/src/lib/frameScheduler';

/** A clock whose time moves only when told, with the frames and timers asked for kept until run. */
function fakeClock() {
  let time = 0;
  let frames: Array<() => void> = [];
  let timers: Array<{ at: number; callback: () => void }> = [];
  const clock: FrameClock = {
    now: () => time,
    frame: (callback) => void frames.push(callback),
    after(ms, callback) {
      const timer = { at: time + ms, callback };
      timers.push(timer);
      return () => (timers = timers.filter((other) => other !== timer));
    },
  };
  return {
    clock,
    /** Spends `ms` of time (what a draw costs). */
    spend: (ms: number) => (time += ms),
    /** Moves time on by `ms`, calling the timers that come due. */
    wait(ms: number) {
      time += ms;
      const due = timers.filter((timer) => timer.at <= time);
      timers = timers.filter((timer) => timer.at > time);
      due.forEach((timer) => timer.callback());
    },
    /** Runs the frames asked for; how many there were. */
    frame(): number {
      const due = frames;
      frames = [];
      due.forEach((callback) => callback());
      return due.length;
    },
  };
}

/** A chart for the queue: drawing it costs `cost` ms of the fake clock, and is counted. */
function chart(time: ReturnType<typeof fakeClock>, cost: number) {
  const drawn = { count: 0 };
  const draw = () => {
    drawn.count++;
    time.spend(cost);
  };
  return { draw, drawn, cost };
}

describe('the frame scheduler', () => {
  it('draws a chart once per frame, however often it asks', () => {
    const time = fakeClock();
    const queue = createFrameScheduler(time.clock);
    const line = chart(time, 1);
    for (let i = 0; i < 5; i++) queue.schedule(line.draw, { cost: 0, first: true });
    expect(line.drawn.count).toBe(0);
    expect(time.frame()).toBe(1);
    expect(line.drawn.count).toBe(1);
    // Nothing asked since: no frame, nothing drawn.
    time.wait(1000);
    expect(time.frame()).toBe(0);
    expect(line.drawn.count).toBe(1);
  });

  it('leaves a chart that asks again while it is drawn to a later frame', () => {
    const time = fakeClock();
    const queue = createFrameScheduler(time.clock);
    let drawn = 0;
    const draw = () => {
      drawn++;
      if (drawn === 1) queue.schedule(draw, { cost: 0, first: false });
    };
    queue.schedule(draw, { cost: 0, first: true });
    time.frame();
    expect(drawn).toBe(1);
    time.wait(0);
    expect(time.frame()).toBe(1);
    expect(drawn).toBe(2);
  });

  it(`stops drawing once a frame expects to spend more than ${FRAME_BUDGET_MS} ms`, () => {
    const time = fakeClock();
    const queue = createFrameScheduler(time.clock);
    // 4 ms each: three fit in a frame's budget, the fourth would overrun it.
    const charts = Array.from({ length: 5 }, () => chart(time, 4));
    charts.forEach(({ draw }) => queue.schedule(draw, { cost: 4, first: false }));
    const drawnAfterEachFrame = [1, 2].map(() => {
      time.wait(1000);
      time.frame();
      return charts.filter(({ drawn }) => drawn.count > 0).length;
    });
    expect(drawnAfterEachFrame).toEqual([3, 5]);
  });

  it('gives a slow chart a frame of its own', () => {
    const time = fakeClock();
    const queue = createFrameScheduler(time.clock);
    const before = chart(time, 1);
    const slow = chart(time, 20);
    const after = chart(time, 1);
    queue.schedule(before.draw, { cost: 1, first: false });
    queue.schedule(slow.draw, { cost: 20, first: false });
    queue.schedule(after.draw, { cost: 1, first: false });
    const drawnInEachFrame = [1, 2, 3].map(() => {
      const counts = [before, slow, after].map(({ drawn }) => drawn.count);
      time.wait(1000);
      time.frame();
      return [before, slow, after].map(({ drawn }, i) => drawn.count - counts[i]);
    });
    expect(drawnInEachFrame).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  it(`waits ${DUTY_FACTOR} times the cost of a frame before the next one`, () => {
    const time = fakeClock();
    const queue = createFrameScheduler(time.clock);
    const slow = chart(time, 30);
    queue.schedule(slow.draw, { cost: 0, first: true });
    time.frame();
    queue.schedule(slow.draw, { cost: 30, first: false });
    expect(time.frame()).toBe(0);
    time.wait(DUTY_FACTOR * 30 - 1);
    expect(time.frame()).toBe(0);
    time.wait(1);
    expect(time.frame()).toBe(1);
    expect(slow.drawn.count).toBe(2);
  });

  it('draws a chart never drawn in the next frame, without the wait kept after slow frames', () => {
    const time = fakeClock();
    const queue = createFrameScheduler(time.clock);
    const slow = chart(time, 30);
    queue.schedule(slow.draw, { cost: 0, first: true });
    time.frame();
    queue.schedule(slow.draw, { cost: 30, first: false });
    const added = chart(time, 1);
    queue.schedule(added.draw, { cost: 0, first: true });
    // The waiting slow chart comes first and fills that frame; the new one gets the very next frame all the same.
    expect(time.frame()).toBe(1);
    expect([slow.drawn.count, added.drawn.count]).toEqual([2, 0]);
    expect(time.frame()).toBe(1);
    expect([slow.drawn.count, added.drawn.count]).toEqual([2, 1]);
  });

  it('forgets a cancelled chart, and goes on after a draw that throws', () => {
    const time = fakeClock();
    const queue = createFrameScheduler(time.clock);
    const gone = chart(time, 1);
    const failing = () => {
      time.spend(20);
      throw new Error('broken option');
    };
    const next = chart(time, 1);
    queue.schedule(gone.draw, { cost: 0, first: true });
    queue.schedule(failing, { cost: 0, first: true });
    queue.schedule(next.draw, { cost: 0, first: true });
    queue.cancel(gone.draw);
    expect(() => time.frame()).toThrow('broken option');
    expect(gone.drawn.count).toBe(0);
    expect(next.drawn.count).toBe(0);
    expect(time.frame()).toBe(1);
    expect(next.drawn.count).toBe(1);
  });
});
