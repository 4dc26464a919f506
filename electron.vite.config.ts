/**
 * One build for the three Electron pieces. Main bundles its entries with stable names: index (the Electron main
 * process), trainer and reportRenderer (the trainer and render processes, started by utilityProcess.fork or
 * child_process.fork), importScanWorker and importMergeWorker (worker threads, see src-main/threads/startWorker.ts),
 * web (browser mode) and cli (the `ttlab` command, which bin/ttlab.mjs loads, so that it starts without compiling
 * TypeScript).
 * The preload is CommonJS with its imports inlined, as a sandboxed preload must be. The renderer lands in
 * out/renderer, which both Electron (as app://lab/) and the browser-mode host serve.
 */
import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import { hashEngineSources } from './src-main/provenance/engineId';

const root = import.meta.dirname;
const from = (path: string) => resolve(root, path);

export default defineConfig({
  main: {
    // Runs record which engine computed them (src-main/provenance/engineId.ts).
    define: { __TTLAB_ENGINE_ID__: JSON.stringify(hashEngineSources(from('src-shared')) ?? 'unknown') },
    build: {
      outDir: from('out/main'),
      rolldownOptions: {
        input: {
          index: from('src-main/electron/main.ts'),
          trainer: from('src-main/trainer/entry.ts'),
          reportRenderer: from('src-main/report/renderEntry.ts'),
          importScanWorker: from('src-main/store/importScanWorker.ts'),
          importMergeWorker: from('src-main/store/mergeWorker.ts'),
          web: from('src-main/web.ts'),
          cli: from('src-main/cli/main.ts'),
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
