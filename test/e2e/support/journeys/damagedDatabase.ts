/** The first screens after a damaged database was found at start-up (see ../screens.ts). */
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Journey } from '../screens';
import { BOB, createAccount, heading, signOut } from '../accounts';

const BACKUP = /^gatehouse-\d{8}T\d{9}Z\.db$/;

export const damagedDatabaseJourney: Journey = {
  name: 'damaged database',
  screens: [
    {
      name: 'Create account after a damaged database',
      show: async ({ page, app }) => {
        await expect
          .poll(async () => (await readdir(join(app.dataDir, 'backups')).catch(() => [])).filter((name) => BACKUP.test(name)))
          .toHaveLength(1);
        const database = join(app.dataDir, 'gatehouse.db');
        await writeFile(`${database}.incoming`, Buffer.from('this is not a database '.repeat(500)));
        await rename(`${database}.incoming`, database);
        // Without its write-ahead log too: SQLite would read the pages still in it and never see the garbage.
        await rm(`${database}-wal`, { force: true });
        await rm(`${database}-shm`, { force: true });
        await app.restart();
        await expect(page.getByRole('alert', { name: 'Damaged database' })).toBeVisible();
      },
    },
    {
      name: 'Sign in after a damaged database',
      show: async ({ page }) => {
        await createAccount(page, BOB);
        await signOut(page, BOB);
        await expect(heading(page, 'Sign in')).toBeVisible();
      },
    },
  ],
};
