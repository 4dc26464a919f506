/** The wire encoding on the Node side, base64 by Buffer. */
import { createWireCodec, WireFormatError } from '#shared/api/wire';

/** Standard base64 with padding; Buffer.from would skip any other character silently. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const nodeWire = createWireCodec({
  toBase64: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  fromBase64(text) {
    if (!BASE64.test(text)) throw new WireFormatError('a typed array on the wire is not base64');
    // Buffer.from may hand out a slice of its shared pool; the copy is the caller's own.
    return new Uint8Array(Buffer.from(text, 'base64'));
  },
});
