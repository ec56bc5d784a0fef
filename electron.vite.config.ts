import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // electron-vite keeps package.json "dependencies" external and bundles the rest. Only the two
      // native modules (better-sqlite3, keytar) are dependencies; every pure-JS package, ESM-only
      // ones included, is a devDependency bundled into out/main, so nothing is resolved as ESM from
      // inside app.asar (test/e2e/buildOutput.spec.ts checks what the bundle requires).
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [vue()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      target: 'chrome140',
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-renderer/index.html') },
        // Two chunks: what the first (signed-out) screen needs, and the lazily loaded signed-in
        // screens (src-renderer/router). Without the first group Rolldown moves what both share
        // (Vue, the stores) into a third file the first screen must also load; without the second
        // each signed-in screen gets its own small chunks, which compress worse and load apart.
        output: {
          codeSplitting: {
            groups: [
              { name: 'index', tags: ['$initial'], priority: 2 },
              { name: 'signed-in', priority: 1 },
            ],
          },
        },
      },
    },
  },
});
