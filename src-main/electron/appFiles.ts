/** Where the built pieces sit beside out/main/index.js. */
import { join } from 'node:path';
import { APP_INDEX_URL } from './appProtocol';

export interface AppFiles {
  /** preload: the sandboxed bridge, CommonJS. */
  preload: string;
  /** rendererIndex: the UI's entry page. */
  rendererIndex: string;
  /** rendererRoot: the folder app://lab/ serves (see appProtocol.ts). */
  rendererRoot: string;
  /** rendererUrl: the page the window loads, app://lab/index.html, which IPC requests must come from. */
  rendererUrl: string;
  /** trainer: the script each trainer process runs. */
  trainer: string;
  /** reportRenderer: the script of the render process (report exports and chart figures). */
  reportRenderer: string;
}

export function appFiles(mainDir: string): AppFiles {
  const rendererIndex = join(mainDir, '../renderer/index.html');
  return {
    preload: join(mainDir, '../preload/index.cjs'),
    rendererIndex,
    rendererRoot: join(mainDir, '../renderer'),
    rendererUrl: APP_INDEX_URL,
    trainer: join(mainDir, 'trainer.js'),
    reportRenderer: join(mainDir, 'reportRenderer.js'),
  };
}
