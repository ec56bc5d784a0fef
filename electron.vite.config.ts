import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * `npm run dev` only: Vite's dev server injects component styles as <style> elements and hot-reloads
 * over a WebSocket, which the renderer's CSP refuses. While serving (never in a build), index.html's
 * policy also allows inline styles and the dev server's own ws:// origin; nothing else changes.
 */
function devServerCsp(): Plugin {
  return {
    name: 'gatehouse:dev-server-csp',
    apply: 'serve',
    transformIndexHtml(html, { server }) {
      const sockets = (server?.resolvedUrls?.local ?? []).map((url) => new URL(url).origin.replace(/^http/, 'ws'));
      return html
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'none'", ["connect-src 'self'", ...sockets].join(' '));
    },
  };
}

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
    plugins: [vue(), devServerCsp()],
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
