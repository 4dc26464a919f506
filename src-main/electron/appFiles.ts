/** Where the built pieces sit beside out/main/index.js. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppFiles {
  /** preload: the sandboxed bridge, CommonJS. */
  preload: string;
  /** rendererIndex: the UI's entry page. */
  rendererIndex: string;
  /** rendererUrl: the file:// URL IPC requests must come from. */
  rendererUrl: string;
  /** trainer: the script each trainer process runs. */
  trainer: string;
}

export function appFiles(mainDir: string): AppFiles {
  const rendererIndex = join(mainDir, '../renderer/index.html');
  return {
    preload: join(mainDir, '../preload/index.cjs'),
    rendererIndex,
    rendererUrl: pathToFileURL(rendererIndex).href,
    trainer: join(mainDir, 'trainer.js'),
  };
}
