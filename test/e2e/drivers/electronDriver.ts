import { rm } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { _electron as electron } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import { prepareDownloadsDir, type AppDriver, type LaunchOptions, type RunningGatehouse } from './types';
import { assertBuilt, projectRoot } from './paths';
import { waitForReady } from './waitForReady';
import { createLaunchRecord, type LaunchRecord } from './launchRecord';

/** Records the app process's stdout and stderr (decoded as UTF-8 across chunk boundaries). */
function recordProcessOutput(app: ElectronApplication, record: LaunchRecord): void {
  for (const name of ['stdout', 'stderr'] as const) {
    const decoder = new StringDecoder('utf8');
    app.process()[name]?.on('data', (chunk: Buffer) => record.addOutput(name, decoder.write(chunk)));
  }
}

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

/** Where the stubbed save dialog keeps its state in the app's main process. */
const SAVE_DIALOG_STATE = '__gatehouseE2eSaveDialog';

/**
 * Test code only: replaces dialog.showSaveDialog in the running app's main process (the product
 * code calls Electron's dialog, which a test cannot click) with one that accepts the suggested
 * file name inside `downloadsDir`, or answers "cancelled" once after cancelNextSave(). The
 * clipboard stays the real one.
 */
async function stubSaveDialog(app: ElectronApplication, downloadsDir: string): Promise<void> {
  await app.evaluate(
    ({ dialog }, { dir, separator, stateName }) => {
      const state = { cancelNext: false };
      Object.assign(globalThis, { [stateName]: state });
      const answer = async (...args: unknown[]) => {
        const options = (args.at(-1) ?? {}) as { defaultPath?: string };
        if (state.cancelNext) {
          state.cancelNext = false;
          return { canceled: true, filePath: '' };
        }
        const name = (options.defaultPath ?? '').split(/[\\/]/).pop() || 'Untitled.txt';
        return { canceled: false, filePath: `${dir}${separator}${name}` };
      };
      dialog.showSaveDialog = answer as typeof dialog.showSaveDialog;
    },
    { dir: downloadsDir, separator: sep, stateName: SAVE_DIALOG_STATE },
  );
}

/** Where the window's last setContentProtection() value is kept in the app's main process. */
const PROTECTION_STATE = '__gatehouseE2eContentProtection';

/**
 * Test code only: records the main window's setContentProtection() calls and passes them on, so
 * a spec can read the protection back on Linux, where Electron does nothing and isContentProtected()
 * is always false. On Windows and macOS the window's own isContentProtected() answers.
 */
async function watchContentProtection(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ BrowserWindow }, stateName) => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) throw new Error('Gatehouse e2e: no window to watch');
    const state = { last: window.isContentProtected() };
    Object.assign(globalThis, { [stateName]: state });
    const original = window.setContentProtection.bind(window);
    window.setContentProtection = (enable: boolean) => {
      state.last = enable;
      original(enable);
    };
  }, PROTECTION_STATE);
}

function readContentProtection(app: ElectronApplication): Promise<boolean> {
  return app.evaluate(({ BrowserWindow }, stateName) => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return false;
    if (process.platform !== 'linux') return window.isContentProtected();
    return (globalThis as unknown as Record<string, { last: boolean }>)[stateName]!.last;
  }, PROTECTION_STATE);
}

/**
 * Runs the real app: out/main/index.js (package.json "main") in the project's Electron, or with
 * `packaged`, an installed or packaged Gatehouse (GATEHOUSE_E2E_EXECUTABLE), which brings its own app.
 */
export function createElectronDriver(executablePath: string, { packaged = false } = {}): AppDriver {
  return {
    name: 'electron',
    async launch(dataDir: string, options: LaunchOptions): Promise<RunningGatehouse> {
      if (!packaged) assertBuilt(['main', 'preload', 'rendererIndex']);
      // Chromium refuses to run as root with its sandbox on (CI runs as root).
      const chromiumFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
      // The damaged-database dialog shows before any window: answered by a stub (see the file). Only
      // Electron's default app honours -r, so a packaged build gets no stub (docs/testing.md, "Drivers").
      const appArgs = packaged ? [] : ['-r', join(__dirname, 'recoveryDialogStub.cjs'), projectRoot];
      const app = await electron.launch({
        executablePath,
        args: [...chromiumFlags, ...appArgs],
        cwd: projectRoot,
        env: electronEnv(dataDir),
      });
      const record = createLaunchRecord();
      recordProcessOutput(app, record);
      // Chromium's profile for this test's data directory (in the cache folder, see appPaths.ts): removed after.
      const chromiumDir = app.evaluate(({ app: electronApp }) => electronApp.getPath('sessionData')).catch(() => null);
      let closed = false;
      const close = async (): Promise<void> => {
        if (closed) return;
        closed = true;
        await app.close();
        const dir = await chromiumDir;
        if (dir && /^Chromium-[0-9a-f]{16}$/.test(basename(dir))) await rm(dir, { recursive: true, force: true });
      };
      try {
        const page = await app.firstWindow();
        record.watchPage(page);
        await page.waitForLoadState('domcontentloaded');
        await record.recordAlertsInPage(page);
        if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
        await waitForReady(page);
        await stubSaveDialog(app, await prepareDownloadsDir(dataDir, options));
        await watchContentProtection(app);
        return {
          page,
          clipboardText: () => app.evaluate(({ clipboard }) => clipboard.readText()),
          screenProtected: () => readContentProtection(app),
          cancelNextSave: () =>
            app.evaluate((_electron, stateName) => {
              (globalThis as unknown as Record<string, { cancelNext: boolean }>)[stateName]!.cancelNext = true;
            }, SAVE_DIALOG_STATE),
          output: record.output,
          rendererErrors: record.rendererErrors,
          close,
        };
      } catch (error) {
        await close().catch(() => undefined);
        throw error;
      }
    },
    async dispose() {},
  };
}
