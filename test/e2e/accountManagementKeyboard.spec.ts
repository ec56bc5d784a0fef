import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ALICE, BOB, button, createAccount, heading, openSecurity, signOut, statusWith } from './support/accounts';
import { changeEmailDialog, deleteConfirmation, deleteDialog, openProfile } from './support/accountManagement';
import { activateTwoFactor } from './support/twoFactor';

/**
 * Change email and Delete account by keyboard only: Tab, Shift+Tab, Enter, Space and Escape (and
 * typing into fields). The set-up before (accounts, two-factor activation) is not under test here.
 */
const MAX_TABS = 40;

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it never gets it. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('Change email and Delete account, with two-factor authentication, by keyboard alone', async ({ page }) => {
  test.slow(); // fresh TOTP codes may wait for the next 30-second step
  await createAccount(page, BOB);
  await signOut(page, BOB);
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);
  const { authenticator } = await activateTwoFactor(page, ALICE.password);
  await openProfile(page, ALICE);
  await page.getByRole('link', { name: 'Profile', exact: true }).focus();

  // Change email: Enter opens, focus is in "New email"; Escape closes and focus comes back.
  await tabTo(page, button(page, 'Change email'));
  await page.keyboard.press('Enter');
  const emailDialog = changeEmailDialog(page);
  await expect(emailDialog.getByLabel('New email', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(emailDialog).toBeHidden();
  await expect(button(page, 'Change email')).toBeFocused();

  await page.keyboard.press('Space');
  await expect(emailDialog.getByLabel('New email', { exact: true })).toBeFocused();
  await page.keyboard.type('alice.new@example.com');
  await page.keyboard.press('Tab');
  await expect(emailDialog.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type(ALICE.password);
  await page.keyboard.press('Enter');
  await expect(statusWith(page, 'Your email is now alice.new@example.com.')).toBeVisible();
  await expect(button(page, 'Change email')).toBeFocused();

  // Delete account: the confirmation opens on "Cancel" (the safe choice); Escape backs out.
  await tabTo(page, button(page, 'Delete account'));
  await page.keyboard.press('Enter');
  const confirmation = deleteConfirmation(page);
  await expect(confirmation.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirmation).toBeHidden();
  await expect(button(page, 'Delete account')).toBeFocused();

  await page.keyboard.press('Enter');
  await tabTo(page, confirmation.getByRole('button', { name: 'Continue', exact: true }));
  await page.keyboard.press('Enter');
  const dialog = deleteDialog(page);
  await expect(dialog.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type(ALICE.password);
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('6-digit code', { exact: true })).toBeFocused();
  await tabTo(page, dialog.getByRole('button', { name: 'Use a recovery code', exact: true }));
  await page.keyboard.press('Space');
  await expect(dialog.getByLabel('Recovery code', { exact: true })).toBeFocused();
  await tabTo(page, dialog.getByRole('button', { name: 'Use your authenticator app', exact: true }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('6-digit code', { exact: true })).toBeFocused();
  await page.keyboard.type(await authenticator.freshCode());
  await page.keyboard.press('Enter');

  await expect(heading(page, 'Sign in')).toBeVisible();
  await expect(statusWith(page, 'Your account was deleted from this computer.')).toBeVisible();
});

test('deleting the last account by keyboard lands on Create account', async ({ page }) => {
  await createAccount(page, ALICE);
  await openProfile(page, ALICE);
  await page.getByRole('link', { name: 'Profile', exact: true }).focus();
  await tabTo(page, button(page, 'Delete account'));
  await page.keyboard.press('Space');
  await tabTo(page, deleteConfirmation(page).getByRole('button', { name: 'Continue', exact: true }));
  await page.keyboard.press('Space');
  await expect(deleteDialog(page).getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type(ALICE.password);
  // Shift+Tab wraps to the last control of the dialog (the submit button) and Enter on it submits.
  await tabTo(page, deleteDialog(page).getByRole('button', { name: 'Delete account', exact: true }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Create account')).toBeVisible();
});
