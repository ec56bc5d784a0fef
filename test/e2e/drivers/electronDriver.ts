import { _electron as electron } from '@playwright/test';
import type { AppDriver, LaunchOptions, RunningApp } from './types';
import { assertBuilt, projectRoot } from './paths';
import { waitForReady } from './waitForReady';

function electronEnv(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // Inherited from an Electron-run tool, this would start Electron as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  // Set by `electron-vite dev`: the app would load the dev server instead of the build under test.
  delete env.ELECTRON_RENDERER_URL;
  env.GATEHOUSE_DATA_DIR = dataDir;
  return env;
}

/** Runs the real app: out/main/index.js (package.json "main") in the installed Electron binary. */
export function createElectronDriver(executablePath: string): AppDriver {
  return {
    name: 'electron',
    async launch(dataDir: string, options: LaunchOptions): Promise<RunningApp> {
      assertBuilt(['main', 'preload', 'rendererIndex']);
      // Chromium refuses to run as root with its sandbox on (CI runs as root).
      const chromiumFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
      const app = await electron.launch({
        executablePath,
        args: [...chromiumFlags, projectRoot],
        cwd: projectRoot,
        env: electronEnv(dataDir),
      });
      let closed = false;
      const close = async (): Promise<void> => {
        if (closed) return;
        closed = true;
        await app.close();
      };
      try {
        const page = await app.firstWindow();
        await page.waitForLoadState('domcontentloaded');
        if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
        await waitForReady(page);
        return { page, close };
      } catch (error) {
        await close().catch(() => undefined);
        throw error;
      }
    },
    async dispose() {},
  };
}
