import { resolve } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { build, mergeConfig, type InlineConfig } from 'vite';
import { benchPaths, moduleReportFile } from './benchPaths';
import { moduleReportPlugin } from './moduleReport';

/**
 * Builds a renderer with exactly the app's renderer setup: electron.vite.config.ts resolved by
 * electron-vite (its renderer preset included), with only the root, entry and output folder
 * changed, plus a plugin that writes the module report. The app and the bench baseline go
 * through this same function.
 */
export async function buildRenderer(root: string, outDir: string): Promise<void> {
  const resolved = await resolveConfig({ configFile: benchPaths.electronViteConfig, logLevel: 'warn' }, 'build', 'production');
  const renderer = resolved.config?.renderer;
  if (!renderer) throw new Error('bench: electron.vite.config.ts has no renderer section');
  const input = { index: resolve(root, 'index.html') };
  await build(
    mergeConfig({ ...renderer, configFile: false }, {
      root,
      logLevel: 'warn',
      // Same-key merge: only the entry changes; electron-vite may keep either spelling.
      build: { outDir, emptyOutDir: true, rollupOptions: { input }, rolldownOptions: { input } },
      plugins: [moduleReportPlugin(benchPaths.projectRoot, moduleReportFile(outDir))],
    } satisfies InlineConfig),
  );
}
