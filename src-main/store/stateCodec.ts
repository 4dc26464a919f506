/**
 * A run's saved state <-> BLOB: JSON in which typed arrays are little-endian bytes in base64 and the numbers JSON
 * cannot hold (-0, NaN, infinities) are spelled out, so a state read back is bit for bit the state saved, on any
 * machine and under any Node or Electron version (unlike v8.serialize, whose format follows the engine).
 */
import { parseOrThrow } from '#shared/config/schema';
import { sessionSnapshotSchema, type SessionSnapshot } from '#shared/run/snapshot';
import { hostIsLittleEndian } from './blob';

const ARRAY_KINDS = {
  f64: { type: Float64Array, bytes: 8, get: 'getFloat64', set: 'setFloat64' },
  u32: { type: Uint32Array, bytes: 4, get: 'getUint32', set: 'setUint32' },
  i32: { type: Int32Array, bytes: 4, get: 'getInt32', set: 'setInt32' },
  u8: { type: Uint8Array, bytes: 1, get: 'getUint8', set: 'setUint8' },
} as const;
type ArrayKind = keyof typeof ARRAY_KINDS;
type AnyTypedArray = Float64Array | Uint32Array | Int32Array | Uint8Array;

function kindOf(value: unknown): ArrayKind | null {
  for (const [kind, { type }] of Object.entries(ARRAY_KINDS) as Array<[ArrayKind, (typeof ARRAY_KINDS)[ArrayKind]]>) {
    if (value instanceof type) return kind;
  }
  return null;
}

function encodeArray(kind: ArrayKind, values: AnyTypedArray): string {
  // The array's own bytes are already little-endian here: no element-by-element copy (see blob.ts).
  if (hostIsLittleEndian) return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
  const { bytes, set } = ARRAY_KINDS[kind];
  const view = new DataView(new ArrayBuffer(values.length * bytes));
  for (let i = 0; i < values.length; i++)
    (view[set] as (offset: number, value: number, littleEndian: boolean) => void).call(
      view,
      i * bytes,
      values[i],
      true,
    );
  return Buffer.from(view.buffer).toString('base64');
}

function decodeArray(kind: ArrayKind, base64: string): AnyTypedArray {
  const { type, bytes, get } = ARRAY_KINDS[kind];
  const raw = Buffer.from(base64, 'base64');
  if (raw.byteLength % bytes !== 0)
    throw new Error(`a saved ${kind} array has ${raw.byteLength} bytes, not a multiple of ${bytes}`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const values = new type(raw.byteLength / bytes);
  if (hostIsLittleEndian) {
    new Uint8Array(values.buffer).set(raw);
    return values;
  }
  for (let i = 0; i < values.length; i++)
    values[i] = (view[get] as (offset: number, littleEndian: boolean) => number).call(view, i * bytes, true);
  return values;
}

const SPECIAL_NUMBERS: Record<string, number> = {
  '-0': -0,
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'number' && (Object.is(value, -0) || !Number.isFinite(value)))
    return { $number: Object.is(value, -0) ? '-0' : String(value) };
  const kind = kindOf(value);
  return kind ? { $array: kind, base64: encodeArray(kind, value as AnyTypedArray) } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const tagged = value as { $array?: unknown; base64?: unknown; $number?: unknown };
  if (typeof tagged.$number === 'string' && tagged.$number in SPECIAL_NUMBERS) return SPECIAL_NUMBERS[tagged.$number];
  if (typeof tagged.$array === 'string' && tagged.$array in ARRAY_KINDS && typeof tagged.base64 === 'string') {
    return decodeArray(tagged.$array as ArrayKind, tagged.base64);
  }
  return value;
}

export function encodeState(snapshot: SessionSnapshot): Buffer {
  return Buffer.from(JSON.stringify(snapshot, replacer), 'utf8');
}

/** The snapshot stored in `bytes`, validated (ValidationError naming the field when it is damaged). */
export function decodeState(bytes: Uint8Array): SessionSnapshot {
  const parsed: unknown = JSON.parse(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
    reviver,
  );
  return parseOrThrow(sessionSnapshotSchema, parsed, 'state');
}
