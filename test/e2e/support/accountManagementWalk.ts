/**
 * Account Settings → Profile's account management, screen by screen, for the axe and keyboard specs:
 * the email row, "Change email" (empty, refused, done with the authenticator note), "Delete your
 * account?", the deletion dialog (code, wrong code, recovery code, password only) and where a
 * deletion lands (Sign in, and Create account once none are left).
 */
import { expect } from '@playwright/test';
import { ALICE, BOB, button, createAccount, heading, openSecurity, signIn, signOut, statusWith } from './accounts';
import { changeEmailDialog, deleteConfirmation, deleteDialog, openProfile, submitChangeEmail, submitDeletion } from './accountManagement';
import type { ScreenWalk } from './axeScreens';
import { activateTwoFactor, wrongCode } from './twoFactor';

export const ACCOUNT_MANAGEMENT_SCREENS = [
  'Profile: email and Delete account',
  'Change email',
  'Change email: email taken',
  'Profile: email changed, authenticator note',
  'Delete your account?',
  'Delete account: password and 6-digit code',
  'Delete account: wrong code',
  'Delete account: recovery code',
  'Sign in after a deletion',
  'Delete account: password only',
  'Create account after the last deletion',
] as const;

export const walkAccountManagement: ScreenWalk = async (page, visit) => {
  await createAccount(page, BOB);
  await signOut(page, BOB);
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);
  const { secret, recoveryCodes } = await activateTwoFactor(page, ALICE.password);
  await openProfile(page, ALICE);
  await visit('Profile: email and Delete account');

  await button(page, 'Change email').click();
  await expect(changeEmailDialog(page)).toBeVisible();
  await visit('Change email');
  await changeEmailDialog(page).getByRole('button', { name: 'Cancel', exact: true }).click();
  await submitChangeEmail(page, BOB.email, ALICE.password);
  await expect(changeEmailDialog(page).getByLabel('New email', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await visit('Change email: email taken');
  await changeEmailDialog(page).getByRole('button', { name: 'Cancel', exact: true }).click();
  await submitChangeEmail(page, 'alice.new@example.com', ALICE.password);
  await expect(statusWith(page, 'your authenticator app keeps the old label')).toBeVisible();
  await visit('Profile: email changed, authenticator note');

  await button(page, 'Delete account').click();
  await expect(deleteConfirmation(page)).toBeVisible();
  await visit('Delete your account?');
  await deleteConfirmation(page).getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(deleteDialog(page).getByLabel('6-digit code', { exact: true })).toBeVisible();
  await visit('Delete account: password and 6-digit code');
  await submitDeletion(page, ALICE.password, { code: await wrongCode(secret) });
  await expect(deleteDialog(page).getByRole('alert')).toBeVisible();
  await visit('Delete account: wrong code');
  await deleteDialog(page).getByRole('button', { name: 'Use a recovery code', exact: true }).click();
  await expect(deleteDialog(page).getByLabel('Recovery code', { exact: true })).toBeVisible();
  await visit('Delete account: recovery code');
  await submitDeletion(page, ALICE.password, { recoveryCode: recoveryCodes[0]! });
  await expect(heading(page, 'Sign in')).toBeVisible();
  await visit('Sign in after a deletion');

  await signIn(page, BOB);
  await openProfile(page, BOB);
  await button(page, 'Delete account').click();
  await deleteConfirmation(page).getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(deleteDialog(page).getByLabel('Password', { exact: true })).toBeFocused();
  await visit('Delete account: password only');
  await submitDeletion(page, BOB.password);
  await expect(heading(page, 'Create account')).toBeVisible();
  await visit('Create account after the last deletion');
};
