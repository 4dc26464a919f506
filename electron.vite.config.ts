/**
 * One build for the three Electron pieces. Main bundles three entries with stable names: index (the Electron main
 * process), trainer (the trainer process, started by utilityProcess.fork or child_process.fork) and web (browser mode).
 * The preload is CommonJS with its imports inlined, as a sandboxed preload must be. The renderer lands in
 * out/renderer, which both Electron (file://) and the browser-mode host serve.
 */
import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;
const from = (path: string) => resolve(root, path);

export default defineConfig({
  main: {
    build: {
      outDir: from('out/main'),
      rolldownOptions: {
        input: {
          index: from('src-main/electron/main.ts'),
          trainer: from('src-main/trainer/entry.ts'),
          web: from('src-main/web.ts'),
        },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      outDir: from('out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: from('src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: from('src-renderer'),
    plugins: [vue()],
    build: {
      outDir: from('out/renderer'),
      rolldownOptions: { input: { index: from('src-renderer/index.html') } },
    },
  },
});
