/** The wire encoding in the page, base64 by btoa and atob (atob throws on text that is not base64). */
import { createWireCodec } from '#shared/api/wire';

/** Bytes per String.fromCharCode call: well under the engines' argument limits. */
const CHUNK = 0x8000;

export const browserWire = createWireCodec({
  toBase64(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
    return btoa(binary);
  },
  fromBase64(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  },
});
