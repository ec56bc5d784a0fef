/** Screens of accounts: create, the Dashboard and its menu, settings, password, sign-in (see ../screens.ts). */
import { expect } from '@playwright/test';
import type { Journey } from '../screens';
import { ALICE, accountChoice, alertWith, button, createAccount, field, heading, openAccountMenu, signOut } from '../accounts';
import { dialogButton, dialogs } from '../twoFactor';

export const accountJourney: Journey = {
  name: 'accounts',
  screens: [
    { name: 'Create account (first account)', show: async ({ page }) => expect(heading(page, 'Create account')).toBeVisible() },
    {
      name: 'Create account: fields refused',
      show: async ({ page }) => {
        await button(page, 'Create account').click();
        await expect(page.getByRole('alert')).toBeVisible();
      },
    },
    { name: 'Dashboard', show: async ({ page }) => createAccount(page, ALICE) },
    { name: 'Account menu', show: async ({ page }) => void (await openAccountMenu(page, ALICE)) },
    {
      name: 'Account Settings → Profile',
      show: async ({ page }) => {
        await page.getByRole('menuitem', { name: 'Account Settings', exact: true }).click();
        await expect(heading(page, 'Profile')).toBeVisible();
      },
    },
    {
      name: 'Account Settings → Security',
      show: async ({ page }) => {
        await page.getByRole('link', { name: 'Security', exact: true }).click();
        await expect(button(page, 'Change password')).toBeVisible();
      },
    },
    {
      name: 'Change password',
      show: async ({ page }) => {
        await button(page, 'Change password').click();
        await expect(page.getByRole('dialog', { name: 'Change password', exact: true })).toBeVisible();
      },
    },
    {
      name: 'Change password: wrong current password',
      show: async ({ page }) => {
        const changeDialog = page.getByRole('dialog', { name: 'Change password', exact: true });
        await changeDialog.getByLabel('Current password', { exact: true }).fill('not my password at all');
        await changeDialog.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
        await changeDialog.getByRole('button', { name: 'Save new password', exact: true }).click();
        await expect(changeDialog.getByRole('alert')).toBeVisible();
        await expect(changeDialog.getByLabel('Current password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      },
    },
    {
      name: 'Sign in (signed out)',
      show: async ({ page }) => {
        await dialogButton(page, 'Cancel').click();
        await expect(dialogs(page)).toHaveCount(0);
        await signOut(page, ALICE);
        // The account just signed out is chosen: pressed, not only coloured.
        await expect(accountChoice(page, ALICE)).toHaveAttribute('aria-pressed', 'true');
      },
    },
    {
      name: 'Sign in: wrong password',
      show: async ({ page }) => {
        await field(page, 'Password').fill('not my password at all');
        await button(page, 'Sign in').click();
        await expect(alertWith(page, 'Incorrect email or password.')).toBeVisible();
        await expect(field(page, 'Password')).toHaveAttribute('aria-invalid', 'true');
      },
    },
    {
      name: 'Create account (from sign in)',
      show: async ({ page }) => {
        await button(page, 'Create account').click();
        await expect(button(page, 'Back to sign in')).toBeVisible();
      },
    },
  ],
};
