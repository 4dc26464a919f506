/**
 * What the preload puts on `window` in Electron, for the renderer to import types from
 * (`import type {} from '.../src-main/preload/api-types'` is enough to type `window.lab`). In browser mode the
 * property is absent and the renderer talks to the same `LabApi` over a WebSocket.
 */
import type { LabApi } from '../../src-shared/api/contract';

export type { LabApi, LabEventName, LabEvents, LabMethod } from '../../src-shared/api/contract';

/** The property of `window` holding the bridge. */
export const LAB_GLOBAL = 'lab';

declare global {
  interface Window {
    /** The lab's API through the preload; undefined outside Electron. */
    lab?: LabApi;
  }
}
