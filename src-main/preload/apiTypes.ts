/**
 * What the preload puts on `window` in Electron, for the renderer to import types from
 * (`import type {} from '.../src-main/preload/apiTypes'` is enough to type `window.lab`). In browser mode the
 * property is absent and the renderer talks to the same `LabApi` over a WebSocket.
 */
import type { LabApi } from '#shared/api/contract';
import type { Command } from '#shared/api/commands';

export type { LabApi, LabEventName, LabEvents, LabMethod } from '#shared/api/contract';
export type { Command } from '#shared/api/commands';

/** The property of `window` holding the bridge. */
export const LAB_GLOBAL = 'lab';

/** The lab's API plus what only the desktop app has: commands chosen in the application menu. */
export interface DesktopLabApi extends LabApi {
  /** Calls `listener` with each menu command (New run, Run, Export...); returns the function that stops listening. */
  onMenuCommand(listener: (command: Command) => void): () => void;
}

declare global {
  interface Window {
    /** The lab's API through the preload; undefined outside Electron. */
    lab?: DesktopLabApi;
  }
}
