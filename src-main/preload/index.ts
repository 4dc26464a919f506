/**
 * The sandboxed preload: puts the lab's typed API on `window.lab`, one wrapper per contract method plus `on`.
 * ipcRenderer itself never crosses the bridge. Bundled to CommonJS with its imports inlined (sandboxed preloads can
 * require nothing but electron).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createLabApi, type Transport } from '../../src-shared/api/client';
import type { DispatchResult } from '../../src-shared/api/dispatch';
import { RemoteError } from '../../src-shared/api/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../electron/channels';
import { LAB_GLOBAL } from './api-types';

const ipcTransport: Transport = {
  async invoke(method, params) {
    const reply = (await ipcRenderer.invoke(INVOKE_CHANNEL, method, params)) as DispatchResult;
    if (reply.ok) return reply.result;
    throw new RemoteError(reply.error);
  },
  subscribe(event, listener) {
    const onEvent = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
    };
  },
};

contextBridge.exposeInMainWorld(LAB_GLOBAL, createLabApi(ipcTransport));
