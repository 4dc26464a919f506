/// <reference types="vite/client" />
import type { LabApi } from '../../src-shared/api/contract';

// The same declaration as src-main/preload/api-types.ts (the lint rule of the renderer keeps main's files out of reach).
declare global {
  interface Window {
    /** The lab's API through the Electron preload; undefined in browser mode. */
    lab?: LabApi;
  }
}
