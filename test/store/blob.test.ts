import { describe, expect, it } from 'vitest';
import { decodeFloat64Into, encodeFloat64 } from '../../src-main/store/blob';
import { openStore } from '../../src-main/store/index';
import { smallConfig } from './fixtures';

/** Values whose bits a careless codec would change. */
const tricky = new Float64Array([
  0,
  -0,
  5e-324,
  -5e-324,
  2.2250738585072009e-308,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1 / 3,
  Math.PI,
  1e-300,
]);
/** A NaN with a payload, written through the bytes since arithmetic would canonicalise it. */
function nanWithPayload(): Float64Array {
  const values = new Float64Array(1);
  new DataView(values.buffer).setBigUint64(0, 0x7ff8_0000_dead_beefn, true);
  return values;
}
const bits = (values: Float64Array) => Array.from(new BigUint64Array(values.buffer, values.byteOffset, values.length));

describe('Float64Array blob codec', () => {
  it('writes little-endian IEEE 754 bytes', () => {
    const bytes = encodeFloat64(new Float64Array([1, -2]));
    expect(bytes.toString('hex')).toBe('000000000000f03f00000000000000c0');
  });

  it('round-trips -0, subnormals, extremes and NaN payloads bit for bit', () => {
    const values = Float64Array.of(...tricky, ...nanWithPayload());
    const target = new Float64Array(values.length + 3);
    decodeFloat64Into(encodeFloat64(values), target, 3);
    expect(bits(target.subarray(3))).toEqual(bits(values));
  });

  it('encodes a subarray without its neighbours', () => {
    const whole = new Float64Array([9, 1, 2, 9]);
    expect(encodeFloat64(whole.subarray(1, 3))).toEqual(encodeFloat64(new Float64Array([1, 2])));
  });

  it('keeps every bit through the database', () => {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig(), name: 'bits' });
    const a = Float64Array.of(...tricky, ...nanWithPayload());
    const u = tricky.map((v) => -v);
    store.appendCheckpoints(runId, 0, [{ step: 0, tau: 0, loss: 5e-324, limitLoss: 1e308, covered: 0, a, u }]);
    const series = store.getCheckpoints(runId);
    expect(bits(series.a)).toEqual(bits(a));
    expect(bits(series.u)).toEqual(bits(u));
    expect(series.loss[0]).toBe(5e-324);
    expect(series.limitLoss).toEqual(new Float64Array([1e308]));
    store.close();
  });
});
