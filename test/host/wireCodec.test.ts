import { describe, expect, it } from 'vitest';
import { WireFormatError, type WireCodec } from '#shared/api/wire';
import { nodeWire } from '../../src-main/host/wireCodec';
import { browserWire } from '../../src-renderer/src/api/wireCodec';

/** The bytes of a double array, to compare bit for bit (toEqual treats -0 and 0 alike, NaN payloads too). */
const bits = (values: Float64Array) => Array.from(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));

/** A NaN with a payload a text encoding would lose. */
function payloadNaN(): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, 0x7ff80000 | 0x1234, true);
  view.setUint32(4, 0xdeadbeef, true);
  return new Float64Array(view.buffer)[0];
}

const awkward = Float64Array.of(
  -0,
  0,
  5e-324,
  2.2250738585072014e-308,
  2.225e-308,
  -1e-310,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Infinity,
  -Infinity,
  1 / 3,
  payloadNaN(),
);
const sides: Array<[string, WireCodec]> = [
  ['Node', nodeWire],
  ['browser', browserWire],
];

describe.each(sides)('wire codec, %s side', (_side, wire) => {
  it('round-trips doubles bit for bit: -0, subnormals, 1e308, infinities, a NaN payload', () => {
    const back = wire.decode(wire.encode(awkward)) as Float64Array;
    expect(back).toBeInstanceOf(Float64Array);
    expect(bits(back)).toEqual(bits(awkward));
    expect(Object.is(back[0], -0)).toBe(true);
  });

  it('encodes only the elements of a view, at any offset', () => {
    const view = awkward.subarray(3, 7);
    expect(bits(wire.decode(wire.encode(view)) as Float64Array)).toEqual(bits(view));
  });

  it('round-trips bytes of every padding length and past the chunk size', () => {
    for (const length of [0, 1, 2, 3, 4, 40_003]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 151 + 7) % 256);
      const back = wire.decode(wire.encode(bytes));
      expect(back).toBeInstanceOf(Uint8Array);
      expect(back).toEqual(bytes);
    }
  });

  it('puts typed arrays back anywhere in a message and leaves the input untouched', () => {
    const message = {
      id: 3,
      ok: true,
      result: {
        runs: [{ name: 'x', tags: ['a'], u: Float64Array.of(0.25) }, null],
        data: Uint8Array.of(1, 2),
        note: null,
      },
    };
    const before = structuredClone(message);
    expect(wire.decode(wire.encode(message))).toEqual(message);
    expect(message).toEqual(before);
    expect(message.result.runs[0]).toHaveProperty('u', Float64Array.of(0.25));
  });

  it('reads the older decimal forms', () => {
    expect(wire.decode('{"a":{"$f64":[0.5,-2]},"b":{"$u8":[1,255]}}')).toEqual({
      a: Float64Array.of(0.5, -2),
      b: Uint8Array.of(1, 255),
    });
  });

  it('leaves objects that only look alike as objects', () => {
    expect(wire.decode('{"x":{"$f64b":"AAAAAAAA8D8=","other":1},"y":{"$f64b":3}}')).toEqual({
      x: { $f64b: 'AAAAAAAA8D8=', other: 1 },
      y: { $f64b: 3 },
    });
  });

  it('refuses a double array of a length that is not a multiple of 8 bytes, and text that is not base64', () => {
    expect(() => wire.decode('{"$f64b":"AAAAAAAAAA=="}')).toThrow(WireFormatError);
    expect(() => wire.decode('{"$f64b":"@@@@"}')).toThrow();
  });
});

describe('the two sides', () => {
  it('write the same text and read each other', () => {
    const message = { series: { a: awkward, u: Float64Array.of(1, 2, 3) }, bytes: Uint8Array.of(0, 128, 255) };
    const text = nodeWire.encode(message);
    expect(browserWire.encode(message)).toBe(text);
    expect(text).toContain(`"$f64b":"${Buffer.from(awkward.buffer).toString('base64')}"`);
    const inBrowser = browserWire.decode(text) as typeof message;
    expect(bits(inBrowser.series.a)).toEqual(bits(awkward));
    expect(nodeWire.decode(browserWire.encode(message))).toEqual(inBrowser);
  });

  it('make a checkpoint series several times smaller than decimal text', () => {
    const noisy = Float64Array.from({ length: 10_000 }, (_, i) => Math.sin(i) / 3);
    const decimal = JSON.stringify({ $f64: Array.from(noisy) });
    expect(nodeWire.encode(noisy).length).toBeLessThan(decimal.length / 1.7);
  });
});
