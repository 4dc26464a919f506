/**
 * Everything a page could try beyond showing the UI is refused: navigating away, opening windows, attaching webviews,
 * asking for permissions or devices, reaching the network. The UI's own responses (app://, see appProtocol.ts) carry
 * the CSP header; onHeadersReceived adds it to any other response, and the page's meta tag stays as a second line.
 */
import type { Session, WebContents } from 'electron';
import { contentSecurityPolicy } from '../serve/csp';

/** Every request to the network; the app loads only its own files, so any of these is refused. */
export const REMOTE_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/**
 * A `blob:` URL made by the page at `pageUrl` itself (same scheme and host): the charts and reports it saves. Blob
 * URLs of file:// pages have the opaque origin "null", so the inner URL's scheme and host are compared instead.
 */
export function isOwnBlobUrl(url: string, pageUrl: string): boolean {
  if (!url.startsWith('blob:') || !URL.canParse(url) || !URL.canParse(pageUrl)) return false;
  const inner = new URL(url).pathname;
  if (!URL.canParse(inner)) return false;
  const [blob, page] = [new URL(inner), new URL(pageUrl)];
  return blob.protocol === page.protocol && blob.host === page.host;
}

export function hardenContents(contents: WebContents): void {
  // Saving a file is a download of a blob: URL through <a download>. Should Chromium treat one as a navigation, it is
  // turned into a download (the session's save dialog) instead of replacing the page; every other navigation is refused.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (isOwnBlobUrl(url, contents.getURL())) contents.downloadURL(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  // The UI has no frames: a frame that appears anyway (injected markup) may not navigate anywhere either.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: REMOTE_URLS }, (_details, callback) => callback({ cancel: true }));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] } });
  });
}
