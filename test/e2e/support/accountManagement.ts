/**
 * Steps for Account Settings → Profile: "Change email" and "Delete account". Every step selects by
 * role and accessible name (see the accessible-name contract in docs/testing.md).
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { button, field, heading, openAccountSettings, type AccountDetails } from './accounts';

export const changeEmailDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Change email', exact: true });
export const deleteConfirmation = (page: Page): Locator => page.getByRole('alertdialog', { name: 'Delete your account?', exact: true });
export const deleteDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Delete account', exact: true });

/** Opens Account Settings → Profile (where the email and "Delete account" are). */
export async function openProfile(page: Page, account: Pick<AccountDetails, 'name'>): Promise<void> {
  await openAccountSettings(page, account);
  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  await expect(heading(page, 'Profile')).toBeVisible();
}

/** Fills and submits "Change email"; does not check the outcome. */
export async function submitChangeEmail(page: Page, email: string, password: string): Promise<void> {
  await button(page, 'Change email').click();
  const dialog = changeEmailDialog(page);
  await dialog.getByLabel('New email', { exact: true }).fill(email);
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  await dialog.getByRole('button', { name: 'Save new email', exact: true }).click();
}

/** "Delete account", "Continue" in "Delete your account?", and the dialog that asks for the password. */
export async function openDeleteDialog(page: Page): Promise<Locator> {
  await button(page, 'Delete account').click();
  await deleteConfirmation(page).getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(deleteDialog(page)).toBeVisible();
  return deleteDialog(page);
}

export type SecondFactor = { readonly code: string } | { readonly recoveryCode: string };

/** Fills the deletion dialog (the password, and a code or recovery code if given) and submits; does not check the outcome. */
export async function submitDeletion(page: Page, password: string, secondFactor?: SecondFactor): Promise<void> {
  const dialog = deleteDialog(page);
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  if (secondFactor && 'recoveryCode' in secondFactor) {
    if (!(await dialog.getByLabel('Recovery code', { exact: true }).isVisible())) {
      await dialog.getByRole('button', { name: 'Use a recovery code', exact: true }).click();
    }
    await dialog.getByLabel('Recovery code', { exact: true }).fill(secondFactor.recoveryCode);
  } else if (secondFactor) {
    await dialog.getByLabel('6-digit code', { exact: true }).fill(secondFactor.code);
  }
  await dialog.getByRole('button', { name: 'Delete account', exact: true }).click();
}

/** Deletes the signed-in account from Profile; lands on "Sign in" (accounts left) or "Create account". */
export async function deleteAccount(page: Page, password: string, secondFactor?: SecondFactor): Promise<void> {
  await openDeleteDialog(page);
  await submitDeletion(page, password, secondFactor);
  await expect(heading(page, 'Sign in').or(heading(page, 'Create account'))).toBeVisible();
}

export { field };
