/**
 * JSON for the WebSocket, with typed arrays as base64 of their bytes: a Float64Array travels as `{ "$f64b": "..." }`
 * (its little-endian IEEE 754 bytes, so -0, subnormals and every other double arrive bit for bit) and a Uint8Array as
 * `{ "$u8b": "..." }`. Writing each double as decimal text made 20 compared runs a 36 MB message; base64 is 8 bytes
 * in 10.7 characters, encoded natively on both sides. The older forms `{ "$f64": [...] }` and `{ "$u8": [...] }` are
 * still read.
 *
 * src-shared has neither Buffer nor atob, so each side injects its base64 (src-main/host/wireCodec.ts,
 * src-renderer/src/api/wireCodec.ts).
 */

/** Base64 (RFC 4648, with padding) of bytes, as each side's runtime provides it. */
export interface Base64Codec {
  toBase64(bytes: Uint8Array): string;
  /** Throws on text that is not base64; returns bytes of its own, not a view into shared memory. */
  fromBase64(text: string): Uint8Array;
}

/** Encodes values as wire text and back. */
export interface WireCodec {
  encode(value: unknown): string;
  /** Throws on text that is not JSON or holds a malformed typed array. */
  decode(text: string): unknown;
}

/** Thrown when a typed array on the wire is malformed. */
export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';
}

/** Browsers and Node run on little-endian machines; the DataView paths keep the format right anywhere else. */
const hostIsLittleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The little-endian bytes of `values` (a view of them on a little-endian host). */
function littleEndianBytes(values: Float64Array): Uint8Array {
  if (hostIsLittleEndian) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const bytes = new Uint8Array(values.byteLength);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setFloat64(i * 8, value, true));
  return bytes;
}

function fromLittleEndianBytes(bytes: Uint8Array): Float64Array {
  if (bytes.byteLength % 8 !== 0)
    throw new WireFormatError(`$f64b: ${bytes.byteLength} bytes is not a whole number of doubles`);
  const values = new Float64Array(bytes.byteLength / 8);
  if (hostIsLittleEndian) {
    new Uint8Array(values.buffer).set(bytes);
    return values;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat64(i * 8, true);
  return values;
}

export function createWireCodec(base64: Base64Codec): WireCodec {
  /**
   * `value` with its typed arrays replaced by their wire objects, copying only the objects and arrays on the way to
   * one (a JSON.stringify replacer, called for every value, made a 10,000-run list twice as slow to encode).
   */
  function toWire(value: unknown): unknown {
    if (value instanceof Float64Array) return { $f64b: base64.toBase64(littleEndianBytes(value)) };
    if (value instanceof Uint8Array) return { $u8b: base64.toBase64(value) };
    if (Array.isArray(value)) {
      let copy: unknown[] | null = null;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item !== 'object' || item === null) continue;
        const wired = toWire(item);
        if (wired !== item) (copy ??= value.slice())[i] = wired;
      }
      return copy ?? value;
    }
    const record = value as Record<string, unknown>;
    let copy: Record<string, unknown> | null = null;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item !== 'object' || item === null) continue;
      const wired = toWire(item);
      if (wired !== item) (copy ??= { ...record })[key] = wired;
    }
    return copy ?? record;
  }

  /** Puts typed arrays back in place, walking the parsed objects (a JSON.parse reviver is called for every number). */
  function revive(value: unknown): unknown {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++)
        if (typeof value[i] === 'object' && value[i] !== null) value[i] = revive(value[i]);
      return value;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1) {
      const [key] = keys;
      const item = record[key];
      if (key === '$f64b' && typeof item === 'string') return fromLittleEndianBytes(base64.fromBase64(item));
      if (key === '$u8b' && typeof item === 'string') return base64.fromBase64(item);
      if (key === '$f64' && Array.isArray(item)) return Float64Array.from(item as number[]);
      if (key === '$u8' && Array.isArray(item)) return Uint8Array.from(item as number[]);
    }
    for (const key of keys)
      if (typeof record[key] === 'object' && record[key] !== null) record[key] = revive(record[key]);
    return record;
  }

  return {
    encode: (value) => JSON.stringify(typeof value === 'object' && value !== null ? toWire(value) : value),
    decode(text) {
      const value: unknown = JSON.parse(text);
      // encode writes each typed array under a key "$...": a text without `"$` (a run list) has none to put back.
      return typeof value === 'object' && value !== null && text.includes('"$') ? revive(value) : value;
    },
  };
}
