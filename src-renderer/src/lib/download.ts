/**
 * Saving files from the page: bytes become a Blob, handed to the browser through a temporary <a download> (in
 * Electron the session shows its save dialog). Names are made safe for every file system.
 */

/** MIME types of what the lab saves, by file extension. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  html: 'text/html',
  zip: 'application/zip',
  csv: 'text/csv',
  json: 'application/json',
};

export function mimeType(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}

/** Longest stem of a file name the lab makes (names of runs can be 200 characters). */
const MAX_STEM = 120;

/**
 * Words joined by hyphens, lower case, only letters, digits, dots, underscores and hyphens: "SGD m=10, ε=0.1" and
 * "Loss" give "sgd-m-10-ε-0.1-loss". Empty parts are left out; nothing usable gives "ttlab".
 */
export function fileStem(...parts: ReadonlyArray<string | null | undefined>): string {
  const words = parts
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}._]+/u)
    .map((word) => word.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean);
  const stem = words.join('-').slice(0, MAX_STEM).replace(/-+$/, '');
  return stem || 'ttlab';
}

/** The bytes of a data: URL (base64), without fetch: the page's CSP allows no data: connections. */
export function dataUrlBlob(dataUrl: string): Blob {
  const match = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!match) throw new Error('not a data: URL');
  const [, type, base64, payload] = match;
  if (!base64) return new Blob([decodeURIComponent(payload)], { type });
  const text = atob(payload);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** Hands `data` to the browser as the download `fileName`; the type comes from the extension unless `data` is a Blob. */
export function saveFile(data: Blob | Uint8Array | string, fileName: string): Blob {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type: mimeType(fileName) });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has read the URL by the next task; a minute leaves room for a slow save dialog.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob;
}
