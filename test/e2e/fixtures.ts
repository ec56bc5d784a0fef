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
 *   the test): `{ page, dataDir, driver, restart() }`. It is ready when a start screen shows.
 * - `app.restart()` closes the app and launches it again on the same data directory; it resolves
 *   to the new page, and `app.page` is the new page from then on.
 * - `page` is a stable stand-in for `app.page`: it keeps working after a restart. Only listeners
 *   added with page.on() and locators/handles created before the restart stay with the old page.
 * - The driver comes from GATEHOUSE_E2E_DRIVER (electron | chromium); by default electron when its
 *   binary is installed, else chromium (the built renderer in Chromium with the real core in the
 *   test process). test.use({ viewport, colorScheme }) applies to the chromium driver's pages.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createDriver } from './drivers/createDriver';
import { stablePage } from './drivers/stablePage';
import type { AppDriver, RunningApp } from './drivers/types';

export interface GatehouseApp {
  /** The current window's page (a new one after restart()). */
  readonly page: Page;
  readonly dataDir: string;
  readonly driver: 'electron' | 'chromium';
  /** Closes the app and launches it again on the same data directory; resolves to the new page. */
  restart(): Promise<Page>;
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
    const log: string[] = [];
    const launch = async (): Promise<RunningApp> => {
      const running = await gatehouseDriver.launch(dataDir, { viewport, colorScheme });
      running.page.on('pageerror', (error) => log.push(`[pageerror] ${error.stack ?? error.message}`));
      running.page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') log.push(`[${message.type()}] ${message.text()}`);
      });
      return running;
    };

    let running: RunningApp | undefined;
    try {
      running = await launch();
      const app: GatehouseApp = {
        get page() {
          return running!.page;
        },
        dataDir,
        driver: gatehouseDriver.name,
        async restart() {
          const previous = running!;
          running = undefined;
          await previous.close();
          running = await launch();
          return running.page;
        },
      };
      await use(app);
    } finally {
      await running?.close();
      await rm(dataDir, { recursive: true, force: true });
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
