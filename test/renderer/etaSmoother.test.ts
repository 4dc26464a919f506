/** The time left follows the average speed of the last seconds, not each moment's speed. */
import { describe, expect, it } from 'vitest';
import { EtaSmoother } from '../../src-renderer/src/lib/etaSmoother';

describe('EtaSmoother', () => {
  it('gives nothing until a second of progress is known', () => {
    const eta = new EtaSmoother();
    expect(eta.update(0, 1000, 0)).toBeNull();
    expect(eta.update(50, 1000, 500)).toBeNull();
    expect(eta.update(100, 1000, 1000)).toBeCloseTo(9, 6);
  });

  it('barely moves when the speed swings from one update to the next', () => {
    const eta = new EtaSmoother();
    // 1000 steps/s on average, alternating 1800 and 200 steps per 1 s update: instantaneous estimates would jump 9x.
    const total = 100_000;
    let step = 0;
    const estimates: number[] = [];
    for (let second = 0; second <= 30; second++) {
      const estimate = eta.update(step, total, second * 1000);
      if (second >= 16 && estimate !== null) estimates.push(estimate + second);
      step += second % 2 === 0 ? 1800 : 200;
    }
    // Predicted finish time (now + time left) stays within 10% of the true 100 s.
    for (const finish of estimates) expect(Math.abs(finish - 100) / 100).toBeLessThan(0.1);
  });

  it('starts over when the step goes back (another run)', () => {
    const eta = new EtaSmoother();
    eta.update(0, 1000, 0);
    eta.update(900, 1000, 1000);
    expect(eta.update(10, 500, 2000)).toBeNull();
  });
});
