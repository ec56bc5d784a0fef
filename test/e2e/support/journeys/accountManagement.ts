/**
 * Account Settings → Profile's account management (see ../screens.ts): the email row, "Change
 * email" (empty, refused, done with the authenticator note), "Delete your account?", the deletion
 * dialog (code, wrong code, recovery code, password only) and where a deletion lands (Sign in, and
 * Create account once none are left).
 */
import { expect } from '@playwright/test';
import type { Journey } from '../screens';
import { ALICE, BOB, button, createAccount, heading, openSecurity, signIn, signOut, statusWith } from '../accounts';
import { changeEmailDialog, deleteConfirmation, deleteDialog, openProfile, submitChangeEmail, submitDeletion } from '../accountManagement';
import { activateTwoFactor, wrongCode } from '../twoFactor';

export const accountManagementJourney: Journey = {
  name: 'account management',
  screens: [
    {
      name: 'Profile: email and Delete account',
      show: async ({ page, state }) => {
        await createAccount(page, BOB);
        await signOut(page, BOB);
        await createAccount(page, ALICE);
        await openSecurity(page, ALICE);
        const { secret, recoveryCodes } = await activateTwoFactor(page, ALICE.password);
        Object.assign(state, { secret, recoveryCodes });
        await openProfile(page, ALICE);
      },
    },
    {
      name: 'Change email',
      show: async ({ page }) => {
        await button(page, 'Change email').click();
        await expect(changeEmailDialog(page)).toBeVisible();
      },
    },
    {
      name: 'Change email: email taken',
      show: async ({ page }) => {
        await changeEmailDialog(page).getByRole('button', { name: 'Cancel', exact: true }).click();
        await submitChangeEmail(page, BOB.email, ALICE.password);
        await expect(changeEmailDialog(page).getByLabel('New email', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      },
    },
    {
      name: 'Profile: email changed, authenticator note',
      show: async ({ page }) => {
        await changeEmailDialog(page).getByRole('button', { name: 'Cancel', exact: true }).click();
        await submitChangeEmail(page, 'alice.new@example.com', ALICE.password);
        await expect(statusWith(page, 'your authenticator app keeps the old label')).toBeVisible();
      },
    },
    {
      name: 'Delete your account?',
      show: async ({ page }) => {
        await button(page, 'Delete account').click();
        await expect(deleteConfirmation(page)).toBeVisible();
      },
    },
    {
      name: 'Delete account: password and 6-digit code',
      show: async ({ page }) => {
        await deleteConfirmation(page).getByRole('button', { name: 'Continue', exact: true }).click();
        await expect(deleteDialog(page).getByLabel('6-digit code', { exact: true })).toBeVisible();
      },
    },
    {
      name: 'Delete account: wrong code',
      show: async ({ page, state }) => {
        await submitDeletion(page, ALICE.password, { code: await wrongCode(state.secret!) });
        await expect(deleteDialog(page).getByRole('alert')).toBeVisible();
      },
    },
    {
      name: 'Delete account: recovery code',
      show: async ({ page }) => {
        await deleteDialog(page).getByRole('button', { name: 'Use a recovery code', exact: true }).click();
        await expect(deleteDialog(page).getByLabel('Recovery code', { exact: true })).toBeVisible();
      },
    },
    {
      name: 'Sign in after a deletion',
      show: async ({ page, state }) => {
        await submitDeletion(page, ALICE.password, { recoveryCode: state.recoveryCodes![0]! });
        await expect(heading(page, 'Sign in')).toBeVisible();
      },
    },
    {
      name: 'Delete account: password only',
      show: async ({ page }) => {
        await signIn(page, BOB);
        await openProfile(page, BOB);
        await button(page, 'Delete account').click();
        await deleteConfirmation(page).getByRole('button', { name: 'Continue', exact: true }).click();
        await expect(deleteDialog(page).getByLabel('Password', { exact: true })).toBeFocused();
      },
    },
    {
      name: 'Create account after the last deletion',
      show: async ({ page }) => {
        await submitDeletion(page, BOB.password);
        await expect(heading(page, 'Create account')).toBeVisible();
      },
    },
  ],
};
