/// <reference types="vite/client" />
import type { LabApi } from '#shared/api/contract';
import type { Command } from '#shared/api/commands';

// What src-main/preload/apiTypes.ts declares, built from the same shared types (the renderer never imports main's files).
declare global {
  interface Window {
    /** The lab's API and the menu's commands through the Electron preload; undefined in browser mode. */
    lab?: LabApi & {
      /** Calls `listener` with each command chosen in the application menu; returns the function that stops listening. */
      onMenuCommand?(listener: (command: Command) => void): () => void;
    };
  }
}
