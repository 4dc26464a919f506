/**
 * The wire codec skips looking for typed arrays in a text that has none (a run list); texts that quote "$ anywhere,
 * a run name included, are still searched, so typed arrays beside such names come back.
 */
import { describe, expect, it } from 'vitest';
import { nodeWire } from '../../src-main/host/wireCodec';
import { browserWire } from '../../src-renderer/src/api/wireCodec';

const runs = [
  { id: 'a', name: 'plain', tags: ['x'], finalLoss: 0.01, sweepId: null },
  { id: 'b', name: 'costs "$5"', tags: [], finalLoss: null, sweepId: 's' },
];

describe.each([
  ['Node', nodeWire],
  ['browser', browserWire],
])('wire codec on run lists, %s side', (_side, wire) => {
  it('decodes a list without typed arrays to the same values', () => {
    expect(wire.decode(wire.encode({ id: 1, ok: true, result: runs }))).toEqual({ id: 1, ok: true, result: runs });
  });

  it('still puts typed arrays back beside a name that quotes "$', () => {
    const back = wire.decode(wire.encode({ runs, loss: Float64Array.of(0.5, -0) })) as {
      runs: typeof runs;
      loss: Float64Array;
    };
    expect(back.runs).toEqual(runs);
    expect(back.loss).toBeInstanceOf(Float64Array);
    expect(Array.from(back.loss)).toEqual([0.5, -0]);
  });

  it('leaves a lookalike field alone in a text with no typed array', () => {
    const text = JSON.stringify({ name: 'see $f64b' });
    expect(wire.decode(text)).toEqual({ name: 'see $f64b' });
  });
});
