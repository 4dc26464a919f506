/**
 * Time left of a running run, from its average speed over the last WINDOW_MS rather than the instantaneous one: a
 * run's speed swings while it writes checkpoints or shares the machine, and an estimate from each moment's speed
 * jumped between 43 s and 4 min within seconds.
 */

/** How far back the average speed looks. */
const WINDOW_MS = 15_000;
/** Less history than this gives no estimate yet. */
const MIN_SPAN_MS = 1_000;

interface Sample {
  atMs: number;
  step: number;
}

export class EtaSmoother {
  private samples: Sample[] = [];

  /** Records that `step` of `totalSteps` was reached at `atMs`; returns the seconds left, or null while unknown. */
  update(step: number, totalSteps: number, atMs: number): number | null {
    // A step behind the last one means another run (or a restart): start over.
    if (this.samples.length && step < this.samples[this.samples.length - 1].step) this.samples = [];
    this.samples.push({ atMs, step });
    while (this.samples.length > 2 && atMs - this.samples[1].atMs >= WINDOW_MS) this.samples.shift();
    const first = this.samples[0];
    const span = atMs - first.atMs;
    if (span < MIN_SPAN_MS || step <= first.step) return null;
    const stepsPerMs = (step - first.step) / span;
    return Math.max(0, totalSteps - step) / stepsPerMs / 1000;
  }
}
