import { resolve } from 'node:path';
import { _electron as electron } from '@playwright/test';
import type { RunningApp } from '../../test/e2e/drivers/types';
import { benchPaths } from './benchPaths';

/**
 * The start-up baseline under Electron: a minimal Electron main (bench/baseline-app/electronMain.cjs)
 * that opens one sandboxed window on the built baseline app. Only used with --driver electron.
 */
export async function launchElectronBaseline(executablePath: string, rendererDir: string): Promise<RunningApp> {
  const chromiumFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    executablePath,
    args: [...chromiumFlags, resolve(benchPaths.baselineApp, 'electronMain.cjs')],
    env: { ...(process.env as Record<string, string>), GATEHOUSE_BENCH_BASELINE_DIR: rendererDir },
  });
  const page = await app.firstWindow();
  return { page, close: () => app.close() };
}
