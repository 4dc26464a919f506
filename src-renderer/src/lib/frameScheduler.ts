/**
 * The queue the charts of a page share to draw in animation frames. A chart waits at most once, however often it
 * asks, and a frame draws each chart at most once. A frame draws the waiting charts in turn while it expects (from
 * each chart's last cost) to stay within FRAME_BUDGET_MS and leaves the rest to a later frame, so a slow chart gets a
 * frame of its own and four slow charts never block the main thread in one go. After frames that drew for t ms the
 * next one waits DUTY_FACTOR * t ms, so slow charts (a thousand neurons) take at most a quarter of the main thread
 * however fast checkpoints arrive; a chart never drawn yet is drawn in the next frame all the same (a page just opened
 * shows its charts without waiting). Pure: the clock, the frames and the timers are given (the browser's by default).
 */

/** After frames that drew charts for t ms, the next drawing frame waits at least DUTY_FACTOR * t ms. */
export const DUTY_FACTOR = 3;
/** A frame draws another chart only if it expects to have spent no more than this (the first is drawn whatever it costs). */
export const FRAME_BUDGET_MS = 12;

/** What the queue needs of the browser. */
export interface FrameClock {
  /** Milliseconds, as performance.now(). */
  now(): number;
  /** Calls `callback` in the next animation frame. */
  frame(callback: () => void): void;
  /** Calls `callback` after `ms` milliseconds; the function returned cancels it. */
  after(ms: number, callback: () => void): () => void;
}

/** The browser's clock, frames and timers, looked up at each call. */
export const browserClock: FrameClock = {
  now: () => performance.now(),
  frame: (callback) => void requestAnimationFrame(() => callback()),
  after(ms, callback) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

/** A chart asking for a frame: what its last draw cost (ms), and whether it has never been drawn. */
export interface FrameRequest {
  cost: number;
  first: boolean;
}

export interface FrameScheduler {
  /** Draws with `draw` in a coming frame; asked again before that frame, it still draws once (the first request counts). */
  schedule(draw: () => void, request: FrameRequest): void;
  /** Forgets `draw` if it waits (a chart gone from the page). */
  cancel(draw: () => void): void;
}

export function createFrameScheduler(clock: FrameClock = browserClock): FrameScheduler {
  /** Charts waiting for a frame, by draw function, in the order they asked. */
  const waiting = new Map<() => void, FrameRequest>();
  /** A frame has been asked for; a frame is drawing; the wait before asking for one can be cancelled. */
  let framed = false;
  let drawing = false;
  let cancelWait: (() => void) | null = null;
  /** Earliest time of the next drawing frame, for charts drawn before. */
  let readyAt = 0;

  function drawWaiting() {
    framed = false;
    drawing = true;
    const started = clock.now();
    let drawn = 0;
    try {
      // The charts waiting when the frame began: one asking again while drawn waits for a later frame.
      for (const [draw, { cost }] of [...waiting]) {
        if (!waiting.has(draw)) continue;
        if (drawn > 0 && clock.now() - started + cost > FRAME_BUDGET_MS) break;
        waiting.delete(draw);
        drawn++;
        draw();
      }
    } finally {
      const finished = clock.now();
      readyAt = finished + DUTY_FACTOR * (finished - started);
      drawing = false;
      if (waiting.size > 0) request();
    }
  }

  function askFrame() {
    framed = true;
    clock.frame(drawWaiting);
  }

  /**
   * Asks for a frame to draw the waiting charts in: once the main thread has had its share since the last one, or in
   * the next frame when a chart has never been drawn.
   */
  function request() {
    const soon = [...waiting.values()].some((chart) => chart.first);
    if (framed || (cancelWait && !soon)) return;
    cancelWait?.();
    cancelWait = null;
    const wait = soon ? 0 : readyAt - clock.now();
    if (wait <= 0) askFrame();
    else
      cancelWait = clock.after(wait, () => {
        cancelWait = null;
        askFrame();
      });
  }

  return {
    schedule(draw, chart) {
      if (!waiting.has(draw)) waiting.set(draw, chart);
      // Asked while a frame draws: the frame asks for the next one when it ends, after its own cost.
      if (!drawing) request();
    },
    cancel(draw) {
      waiting.delete(draw);
    },
  };
}
