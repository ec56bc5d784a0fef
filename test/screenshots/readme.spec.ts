/**
 * README screenshots (`npm run screenshots`): walks through the app with the chromium driver and
 * writes 1200×800 PNGs to docs/screenshots/. Run after `npm run build`; the config forces the driver.
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { projectRoot } from '../e2e/drivers/paths';
import { expect, test } from '../e2e/fixtures';
import {
  ALICE,
  BOB,
  accountChoice,
  alertWith,
  button,
  createAccount,
  field,
  heading,
  openAccountMenu,
  openSecurity,
  securityActivity,
  signOut,
  submitSignIn,
} from '../e2e/support/accounts';

const shot = async (page: Page, name: string): Promise<void> => {
  // Park the pointer on the empty background so no hover state is captured.
  await page.mouse.move(1, 799);
  await page.screenshot({ path: resolve(projectRoot, 'docs', 'screenshots', `${name}.png`), animations: 'disabled' });
};

test('light theme walk-through', async ({ page }) => {
  await expect(heading(page, 'Create account')).toBeVisible();
  await field(page, 'Name').fill(ALICE.name);
  await field(page, 'Email').fill(ALICE.email);
  await field(page, 'Password').fill(ALICE.password);
  await shot(page, 'create-account');

  await button(page, 'Create account').click();
  await expect(heading(page, 'Dashboard')).toBeVisible();
  await openAccountMenu(page, ALICE);
  await shot(page, 'dashboard-account-menu');
  await page.keyboard.press('Escape');

  await signOut(page, ALICE);
  await createAccount(page, BOB);
  await signOut(page, BOB);
  await expect(accountChoice(page, ALICE)).toBeVisible();
  await expect(accountChoice(page, BOB)).toBeVisible();
  await shot(page, 'sign-in');

  await accountChoice(page, ALICE).click();
  await submitSignIn(page, { email: ALICE.email, password: 'not my password' });
  await expect(alertWith(page, 'Incorrect email or password.')).toBeVisible();
  await shot(page, 'sign-in-error');

  await field(page, 'Password').fill(ALICE.password);
  await button(page, 'Sign in').click();
  await expect(heading(page, 'Dashboard')).toBeVisible();
  await openSecurity(page, ALICE);
  await expect(securityActivity(page).getByRole('listitem').filter({ hasText: 'Sign-in failed' }).first()).toBeVisible();
  await shot(page, 'security');
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('dashboard', async ({ page }) => {
    await createAccount(page, ALICE);
    await openAccountMenu(page, ALICE);
    await shot(page, 'dashboard-dark');
  });
});
