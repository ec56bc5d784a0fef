/**
 * Gatehouse e2e fixtures. Import `test` and `expect` from here, not from @playwright/test.
 *
 *   import { test, expect } from './fixtures';
 *
 *   test('signs in', async ({ page, app }) => {
 *     await page.getByRole('button', { name: 'Create account', exact: true }).click();
 *     await app.restart();          // same data directory, fresh app
 *     await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
 *   });
 *
 * - `app` is a freshly launched Gatehouse on its own empty temporary data directory (deleted after
 *   the test): `{ page, dataDir, downloadsDir, driver, restart(), clipboardText(), savedFiles(),
 *   cancelNextSave() }`. It is ready when a start screen shows.
 * - `app.restart()` closes the app and launches it again on the same data directory; it resolves
 *   to the new page, and `app.page` is the new page from then on.
 * - Clipboard and save dialog (the two native things the app uses): `await app.clipboardText()` is
 *   the text on the clipboard the app copies to. Every save dialog accepts the app's suggested file
 *   name in the test's own `downloadsDir` (emptied after the test); `await app.savedFiles()` lists
 *   what is there as `{ path, name, contents }`, oldest first. `await app.cancelNextSave()` makes
 *   the running app's next save dialog answer "Cancel". Under chromium the clipboard is the test
 *   desktop's (in memory, empty again after restart()); under electron it is the real one (Electron's
 *   clipboard.readText() in the main process), shared by everything on that display.
 * - `await app.screenProtected()`: whether the window is kept out of screen capture right now (the
 *   app protects it while the QR code, secret key or recovery codes are on screen).
 * - What the app printed and which errors reached its renderer, over every launch of the test:
 *   `await app.output()` is its stdout/stderr (under chromium: what the core, running in the test
 *   process, printed) plus the page's console messages and page errors; `await app.rendererErrors()`
 *   lists the failed bridge replies (chromium only) and every role="alert" text shown (both drivers).
 *   See RunningGatehouse in drivers/types.ts for exactly what each driver can see.
 * - `page` is a stable stand-in for `app.page`: it keeps working after a restart. Only listeners
 *   added with page.on() and locators/handles created before the restart stay with the old page.
 * - The driver comes from GATEHOUSE_E2E_DRIVER (electron | chromium); by default electron when its
 *   binary is installed, else chromium (the built renderer in Chromium with the real core in the
 *   test process). test.use({ viewport, colorScheme }) applies to the chromium driver's pages.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createDriver } from './drivers/createDriver';
import { stablePage } from './drivers/stablePage';
import type { AppDriver, RendererError, RunningGatehouse } from './drivers/types';

/** A file the app saved through its save dialog. */
export interface SavedFile {
  /** Absolute path, inside `app.downloadsDir`. */
  readonly path: string;
  /** The file name the app suggested (and the dialog accepted). */
  readonly name: string;
  readonly contents: string;
}

export interface GatehouseApp {
  /** The current window's page (a new one after restart()). */
  readonly page: Page;
  readonly dataDir: string;
  /** Where the save dialog puts files. */
  readonly downloadsDir: string;
  readonly driver: 'electron' | 'chromium';
  /** Closes the app and launches it again on the same data directory; resolves to the new page. */
  restart(): Promise<Page>;
  /** The text on the clipboard the app copies to. */
  clipboardText(): Promise<string>;
  /** The files the app saved in this test, oldest first. */
  savedFiles(): Promise<SavedFile[]>;
  /** The running app's next save dialog answers "Cancel" (nothing is saved). */
  cancelNextSave(): Promise<void>;
  /** Whether the window is kept out of screen capture now (see RunningGatehouse.screenProtected). */
  screenProtected(): Promise<boolean>;
  /** Everything every launch of this test printed (stdout, stderr, page console, page errors), launch by launch. */
  output(): Promise<string>;
  /** Every error that reached the renderer in every launch of this test, oldest first. */
  rendererErrors(): Promise<RendererError[]>;
}

async function listSavedFiles(downloadsDir: string): Promise<SavedFile[]> {
  const entries = await readdir(downloadsDir, { withFileTypes: true });
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async ({ name }) => {
        const path = join(downloadsDir, name);
        const [contents, { mtimeMs }] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
        return { file: { path, name, contents }, mtimeMs };
      }),
  );
  files.sort((a, b) => a.mtimeMs - b.mtimeMs || a.file.name.localeCompare(b.file.name));
  return files.map(({ file }) => file);
}

export const test = base.extend<{ app: GatehouseApp; page: Page }, { gatehouseDriver: AppDriver }>({
  gatehouseDriver: [
    async ({}, use) => {
      const driver = await createDriver();
      await use(driver);
      await driver.dispose();
    },
    { scope: 'worker' },
  ],

  app: async ({ gatehouseDriver, viewport, colorScheme }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-e2e-'));
    const downloadsDir = await mkdtemp(join(tmpdir(), 'gatehouse-e2e-downloads-'));
    const log: string[] = [];
    const launches: RunningGatehouse[] = [];
    const launch = async (): Promise<RunningGatehouse> => {
      const running = await gatehouseDriver.launch(dataDir, { viewport, colorScheme, downloadsDir });
      launches.push(running);
      running.page.on('pageerror', (error) => log.push(`[pageerror] ${error.stack ?? error.message}`));
      running.page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') log.push(`[${message.type()}] ${message.text()}`);
      });
      return running;
    };

    let running: RunningGatehouse | undefined;
    try {
      running = await launch();
      const app: GatehouseApp = {
        get page() {
          return running!.page;
        },
        dataDir,
        downloadsDir,
        driver: gatehouseDriver.name,
        async restart() {
          const previous = running!;
          running = undefined;
          await previous.close();
          running = await launch();
          return running.page;
        },
        clipboardText: () => running!.clipboardText(),
        savedFiles: () => listSavedFiles(downloadsDir),
        cancelNextSave: () => running!.cancelNextSave(),
        screenProtected: () => running!.screenProtected(),
        output: async () => (await Promise.all(launches.map((each) => each.output()))).join('\n'),
        rendererErrors: async () => (await Promise.all(launches.map((each) => each.rendererErrors()))).flat(),
      };
      await use(app);
    } finally {
      await running?.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(downloadsDir, { recursive: true, force: true });
      if (log.length > 0 && testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('app-console.txt', { body: log.join('\n'), contentType: 'text/plain' });
      }
    }
  },

  page: async ({ app }, use) => {
    await use(stablePage(() => app.page));
  },
});

export { expect };
