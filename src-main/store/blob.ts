/**
 * Float64Array <-> BLOB: little-endian IEEE 754 bytes, so every value (-0, subnormals, NaN payloads) round-trips
 * bit for bit and a database moves between machines unchanged.
 */

/** Every machine Node and Electron ship for is little-endian; the byte-swapping path keeps the format honest anyway. */
export const hostIsLittleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

export function encodeFloat64(values: Float64Array): Buffer {
  if (hostIsLittleEndian) return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const bytes = Buffer.alloc(values.byteLength);
  values.forEach((value, i) => bytes.writeDoubleLE(value, i * 8));
  return bytes;
}

/** Decodes `bytes` into `target` starting at element `offset` (no allocation on little-endian hosts). */
export function decodeFloat64Into(bytes: Uint8Array, target: Float64Array, offset: number): void {
  if (hostIsLittleEndian) {
    new Uint8Array(target.buffer, target.byteOffset + offset * 8, bytes.byteLength).set(bytes);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < bytes.byteLength / 8; i++) target[offset + i] = view.getFloat64(i * 8, true);
}
