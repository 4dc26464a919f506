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

/**
 * Parses, then puts typed arrays back by walking the parsed objects. (A JSON.parse reviver is called for every number
 * of every array: decoding 2,000 checkpoints took a second in Chromium; this walk checks each array entry's type.)
 */
export function decodeWire(text: string): unknown {
  return revive(JSON.parse(text));
}

function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (typeof value[i] === 'object') value[i] = revive(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && Array.isArray(record.$f64)) return Float64Array.from(record.$f64 as number[]);
  if (keys.length === 1 && Array.isArray(record.$u8)) return Uint8Array.from(record.$u8 as number[]);
  for (const key of keys) if (typeof record[key] === 'object') record[key] = revive(record[key]);
  return record;
}
