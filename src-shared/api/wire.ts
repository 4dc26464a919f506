/**
 * JSON for the WebSocket: typed arrays travel as `{ "$f64": [...] }` and bytes as `{ "$u8": [...] }`. JSON numbers
 * round-trip doubles exactly, and the lab never stores NaN or infinities, so nothing is lost.
 */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Float64Array) return { $f64: Array.from(v) };
    if (v instanceof Uint8Array) return { $u8: Array.from(v) };
    return v;
  });
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const { $f64: doubles, $u8: bytes } = v as { $f64?: unknown; $u8?: unknown };
      if (Object.keys(v).length === 1 && Array.isArray(doubles)) return Float64Array.from(doubles as number[]);
      if (Object.keys(v).length === 1 && Array.isArray(bytes)) return Uint8Array.from(bytes as number[]);
    }
    return v;
  });
}
