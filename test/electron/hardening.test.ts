import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenContents, hardenSession, isOwnBlobUrl } from '../../src-main/electron/hardening';

vi.mock('electron', () => ({}));

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => unknown) | undefined;
  const downloadURL = vi.fn();
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    getURL: () => 'file:///opt/lab/out/renderer/index.html#/runs/r1',
    downloadURL,
  });
  return {
    contents: contents as unknown as WebContents,
    emitter,
    downloadURL,
    openWindow: (url: string) => openHandler?.({ url }),
  };
}

/** Emits `name` with an event object and reports whether a listener called preventDefault. */
function prevented(emitter: EventEmitter, name: string, ...args: unknown[]): boolean {
  const event = { preventDefault: vi.fn() };
  emitter.emit(name, event, ...args);
  return event.preventDefault.mock.calls.length > 0;
}

describe('hardenContents', () => {
  it('prevents every navigation, redirect and webview attachment', () => {
    const { contents, emitter } = fakeContents();
    hardenContents(contents);
    expect(prevented(emitter, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented(emitter, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented(emitter, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented(emitter, 'will-attach-webview', {}, {})).toBe(true);
  });

  it("turns a navigation to the page's own blob: URL into a download, and only that one", () => {
    const { contents, emitter, downloadURL } = fakeContents();
    hardenContents(contents);
    expect(prevented(emitter, 'will-navigate', 'blob:file:///6c1a1d9e-2f4b-4f0e-9d6e-4d9c1b0a7e11')).toBe(true);
    expect(downloadURL).toHaveBeenCalledWith('blob:file:///6c1a1d9e-2f4b-4f0e-9d6e-4d9c1b0a7e11');
    for (const url of [
      'blob:https://evil.example/6c1a1d9e',
      'blob:http://127.0.0.1:5173/6c1a1d9e',
      'https://evil.example/report.zip',
      'data:text/html,hi',
      'blob:nonsense',
    ]) {
      expect(prevented(emitter, 'will-navigate', url), url).toBe(true);
    }
    expect(downloadURL).toHaveBeenCalledTimes(1);
  });

  it('recognises blob: URLs of the same scheme and host as the page', () => {
    expect(isOwnBlobUrl('blob:http://127.0.0.1:5173/0f9c', 'http://127.0.0.1:5173/#/runs')).toBe(true);
    expect(isOwnBlobUrl('blob:http://127.0.0.1:5174/0f9c', 'http://127.0.0.1:5173/#/runs')).toBe(false);
    expect(isOwnBlobUrl('blob:file:///0f9c', 'file:///opt/lab/index.html')).toBe(true);
    expect(isOwnBlobUrl('file:///0f9c', 'file:///opt/lab/index.html')).toBe(false);
    expect(isOwnBlobUrl('blob:file:///0f9c', 'not a url')).toBe(false);
  });

  it('denies every new window', () => {
    const { contents, openWindow } = fakeContents();
    hardenContents(contents);
    expect(openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(openWindow('about:blank')).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  type Handlers = {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (...args: unknown[]) => boolean;
    device?: (details: unknown) => boolean;
    blocked?: {
      filter: { urls: string[] };
      handler: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
    };
    headers?: (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
  };
  function fakeSession() {
    const handlers: Handlers = {};
    const session = {
      setPermissionRequestHandler: (handler: Handlers['request']) => (handlers.request = handler),
      setPermissionCheckHandler: (handler: Handlers['check']) => (handlers.check = handler),
      setDevicePermissionHandler: (handler: Handlers['device']) => (handlers.device = handler),
      webRequest: {
        onBeforeRequest: (filter: { urls: string[] }, handler: NonNullable<Handlers['blocked']>['handler']) =>
          (handlers.blocked = { filter, handler }),
        onHeadersReceived: (handler: Handlers['headers']) => (handlers.headers = handler),
      },
    };
    hardenSession(session as unknown as Session);
    return handlers;
  }

  it('refuses every permission request and check, and every device', () => {
    const handlers = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      handlers.request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check!({}, permission, 'file://', {})).toBe(false);
    }
    expect(handlers.device!({ deviceType: 'usb', origin: 'file://' })).toBe(false);
  });

  it('cancels every request to the network: http, https, WebSocket', () => {
    const { blocked } = fakeSession();
    const match = (url: string) => blocked!.filter.urls.some((pattern) => url.startsWith(pattern.split('*')[0]));
    for (const url of [
      'https://cdn.example/lib.js',
      'http://127.0.0.1:8080/',
      'ws://127.0.0.1:5555/api',
      'wss://evil.example/',
    ]) {
      expect(match(url), url).toBe(true);
      const callback = vi.fn();
      blocked!.handler({ url }, callback);
      expect(callback).toHaveBeenCalledWith({ cancel: true });
    }
    expect(match('file:///opt/lab/out/renderer/index.html')).toBe(false);
    expect(match('devtools://devtools/bundled/inspector.html')).toBe(false);
  });

  it('adds the strict CSP to every response, keeping the other headers', () => {
    const handlers = fakeSession();
    const callback = vi.fn();
    handlers.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    const headers = callback.mock.calls[0][0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Type']).toEqual(['text/html']);
    const policy = headers['Content-Security-Policy'][0];
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).not.toContain('unsafe-eval');
  });
});
