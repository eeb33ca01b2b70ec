import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

// Three builds from the top-level folders: main/ (Node, Electron main process), preload/ (one
// sandboxed CommonJS bundle with no external modules, as Electron's sandbox requires) and
// renderer/ (the React app, also served by browser mode).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The import parser runs on a worker thread from its own file next to the main bundle.
      rollupOptions: { input: { index: resolve(__dirname, 'main/app/index.ts'), 'parse-worker': resolve(__dirname, 'main/services/import/parse-worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
