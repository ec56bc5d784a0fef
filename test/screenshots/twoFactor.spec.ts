/**
 * README screenshots of two-factor authentication, one per step of the help article
 * (`npm run screenshots`, chromium driver, 1200×800, docs/screenshots/2fa-*.png).
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { projectRoot } from '../e2e/drivers/paths';
import { expect, test } from '../e2e/fixtures';
import { ALICE, alertWith, button, createAccount, field, openSecurity, signOut } from '../e2e/support/accounts';
import {
  Authenticator,
  closeRecoveryCodes,
  dialogButton,
  enterCode,
  passwordDialog,
  readRecoveryCodes,
  readSecretKey,
  recoveryCodeList,
  startTwoFactorSignIn,
  twoFactorHeading,
  wrongCode,
} from '../e2e/support/twoFactor';

const shot = async (page: Page, name: string): Promise<void> => {
  await page.mouse.move(1, 799);
  await page.screenshot({ path: resolve(projectRoot, 'docs', 'screenshots', `2fa-${name}.png`), animations: 'disabled' });
};

test('two-factor authentication walk-through', async ({ page }) => {
  test.slow();
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);
  await twoFactorHeading(page).scrollIntoViewIfNeeded();
  await shot(page, '1-security-inactive');

  await button(page, 'Activate').click();
  await passwordDialog(page).getByLabel('Password', { exact: true }).fill(ALICE.password);
  await shot(page, '2-password');

  await passwordDialog(page).getByRole('button', { name: 'Confirm', exact: true }).click();
  await passwordDialog(page).waitFor({ state: 'detached' });
  const secret = await readSecretKey(page);
  const authenticator = new Authenticator(secret);
  await enterCode(page, await wrongCode(secret), 'Activate');
  await expect(alertWith(page, "That code didn't work.")).toBeVisible();
  await shot(page, '3-enrollment');

  await enterCode(page, await authenticator.freshCode(), 'Activate');
  const codes = await readRecoveryCodes(page);
  await shot(page, '4-recovery-codes');
  await closeRecoveryCodes(page);
  await twoFactorHeading(page).scrollIntoViewIfNeeded();
  await shot(page, '5-security-active');

  await signOut(page, ALICE);
  await startTwoFactorSignIn(page, ALICE);
  await field(page, '6-digit code').fill((await authenticator.freshCode()).replace(/^(\d{3})/, '$1 '));
  await shot(page, '6-sign-in-code');

  await button(page, 'Use a recovery code').click();
  await field(page, 'Recovery code').fill(codes[0]!);
  await shot(page, '7-sign-in-recovery-code');
  await button(page, 'Submit').click();
  await expect(page.getByRole('status').filter({ hasText: 'You have 9 recovery codes left.' })).toBeVisible();
  await shot(page, '8-dashboard-codes-left');

  await openSecurity(page, ALICE);
  await button(page, 'Deactivate').click();
  await expect(dialogButton(page, 'Deactivate')).toBeVisible();
  await shot(page, '9-deactivate');
  await expect(recoveryCodeList(page)).toHaveCount(0);
});
