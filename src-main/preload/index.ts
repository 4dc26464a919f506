/**
 * The sandboxed preload: puts the lab's typed API on `window.lab`, one wrapper per contract method plus `on`, and
 * `onMenuCommand`. ipcRenderer itself never crosses the bridge. Bundled to CommonJS with its imports inlined
 * (sandboxed preloads can require nothing but electron).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createLabApi, type Transport } from '#shared/api/client';
import type { DispatchResult } from '#shared/api/dispatch';
import { RemoteError } from '#shared/base/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL, MENU_CHANNEL } from '../electron/channels';
import { isCommand } from '#shared/api/commands';
import { LAB_GLOBAL, type DesktopLabApi } from './apiTypes';

/** Listens on `channel` until the returned function is called. */
function listen(channel: string, listener: (...args: unknown[]) => void): () => void {
  const onMessage = (_event: IpcRendererEvent, ...args: unknown[]) => listener(...args);
  ipcRenderer.on(channel, onMessage);
  return () => {
    ipcRenderer.removeListener(channel, onMessage);
  };
}

const ipcTransport: Transport = {
  async invoke(method, params) {
    const reply = (await ipcRenderer.invoke(INVOKE_CHANNEL, method, params)) as DispatchResult;
    if (reply.ok) return reply.result;
    throw new RemoteError(reply.error);
  },
  subscribe: (event, listener) => listen(EVENT_CHANNEL, (name, payload) => name === event && listener(payload)),
};

const api: DesktopLabApi = {
  ...createLabApi(ipcTransport),
  // Only the known commands reach the page, whatever arrives on the channel.
  onMenuCommand: (listener) => listen(MENU_CHANNEL, (command) => isCommand(command) && listener(command)),
};

contextBridge.exposeInMainWorld(LAB_GLOBAL, api);
