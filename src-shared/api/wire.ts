/**
 * JSON for the WebSocket: typed arrays travel as `{ "$f64": [...] }`. JSON numbers round-trip doubles exactly, and the
 * lab never stores NaN or infinities, so nothing is lost.
 */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Float64Array ? { $f64: Array.from(v) } : v));
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const packed = (v as { $f64?: unknown }).$f64;
      if (Array.isArray(packed) && Object.keys(v).length === 1) return Float64Array.from(packed as number[]);
    }
    return v;
  });
}
