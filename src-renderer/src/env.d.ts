/// <reference types="vite/client" />
import type { LabApi } from '../../src-shared/api/contract';
import type { Command } from './composables/useCommands';

// The same declaration as src-main/preload/api-types.ts (the lint rule of the renderer keeps main's files out of reach).
declare global {
  interface Window {
    /** The lab's API and the menu's commands through the Electron preload; undefined in browser mode. */
    lab?: LabApi & {
      /** Calls `listener` with each command chosen in the application menu; returns the function that stops listening. */
      onMenuCommand?(listener: (command: Command) => void): () => void;
    };
  }
}
