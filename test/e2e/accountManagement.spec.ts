import { expect, test } from './fixtures';
import {
  ALICE,
  BOB,
  accountChoice,
  accountList,
  alertWith,
  button,
  createAccount,
  expectDashboard,
  heading,
  openSecurity,
  securityActivity,
  signIn,
  signOut,
  statusWith,
  submitSignIn,
} from './support/accounts';
import {
  changeEmailDialog,
  deleteAccount,
  deleteDialog,
  openDeleteDialog,
  openProfile,
  submitChangeEmail,
  submitDeletion,
} from './support/accountManagement';
import { activateTwoFactor, signInWithCode, wrongCode } from './support/twoFactor';

const DELETED = 'Your account was deleted from this computer.';

test('deleting the only account lands on Create account, and nothing of it is left after a restart', async ({ app, page }) => {
  await createAccount(page, ALICE);
  await openProfile(page, ALICE);
  await expect(page.getByText(/removes it from this computer for good/)).toBeVisible();

  // Cancel at the confirmation changes nothing.
  await button(page, 'Delete account').click();
  await page
    .getByRole('alertdialog', { name: 'Delete your account?', exact: true })
    .getByRole('button', { name: 'Cancel', exact: true })
    .click();
  await expect(button(page, 'Delete account')).toBeFocused();

  const dialog = await openDeleteDialog(page);
  await expect(dialog.getByLabel('Password', { exact: true })).toBeFocused();
  await expect(dialog.getByLabel('6-digit code', { exact: true })).toHaveCount(0);
  await submitDeletion(page, 'not the password at all');
  await expect(dialog.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Password', { exact: true })).toBeFocused();

  await submitDeletion(page, ALICE.password);
  await expect(heading(page, 'Create account')).toBeVisible();
  await expect(statusWith(page, DELETED)).toBeVisible();
  await expect(button(page, 'Back to sign in')).toHaveCount(0);

  await app.restart();
  await expect(heading(page, 'Create account')).toBeVisible();
  await createAccount(page, ALICE); // the email is free again
});

test('deleting one of two accounts with two-factor authentication needs a code; the other stays on Sign in', async ({ page }) => {
  test.slow(); // fresh TOTP codes may wait for the next 30-second step
  await createAccount(page, BOB);
  await signOut(page, BOB);
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);
  const { authenticator, secret } = await activateTwoFactor(page, ALICE.password);
  await signOut(page, ALICE);
  await signInWithCode(page, ALICE, authenticator);

  await openProfile(page, ALICE);
  const dialog = await openDeleteDialog(page);
  await expect(dialog.getByLabel('6-digit code', { exact: true })).toBeVisible();
  await submitDeletion(page, ALICE.password, { code: await wrongCode(secret) });
  await expect(dialog.getByRole('alert')).toContainText('attempts left.');
  // The code that signed in a moment ago cannot be used again.
  await submitDeletion(page, ALICE.password, { code: authenticator.lastCode! });
  await expect(dialog.getByRole('alert')).toContainText('That code was already used.');

  await submitDeletion(page, ALICE.password, { code: await authenticator.freshCode() });
  await expect(heading(page, 'Sign in')).toBeVisible();
  await expect(statusWith(page, DELETED)).toBeVisible();
  await expect(accountList(page).getByRole('button')).toHaveCount(1);
  await expect(accountChoice(page, BOB)).toBeVisible();
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(BOB.email);

  await submitSignIn(page, ALICE);
  await expect(alertWith(page, 'Incorrect email or password.')).toBeVisible();
  await signIn(page, BOB);
});

test('a recovery code deletes an account too', async ({ page }) => {
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);
  const { recoveryCodes } = await activateTwoFactor(page, ALICE.password);
  await openProfile(page, ALICE);
  await deleteAccount(page, ALICE.password, { recoveryCode: recoveryCodes[0]!.toUpperCase() });
  await expect(heading(page, 'Create account')).toBeVisible();
});

test('changing the email: unique in any case, confirmed with the password, the authenticator label explained', async ({ app, page }) => {
  await createAccount(page, BOB);
  await signOut(page, BOB);
  await createAccount(page, ALICE);
  await openProfile(page, ALICE);

  await submitChangeEmail(page, BOB.email.toUpperCase(), ALICE.password);
  const dialog = changeEmailDialog(page);
  await expect(dialog.getByLabel('New email', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('An account with this email already exists on this computer.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(button(page, 'Change email')).toBeFocused();

  await openSecurity(page, ALICE);
  await activateTwoFactor(page, ALICE.password);
  await openProfile(page, ALICE);
  await submitChangeEmail(page, 'Alice.New@Example.com', ALICE.password);
  await expect(changeEmailDialog(page)).toBeHidden();
  const status = statusWith(page, 'Your email is now Alice.New@Example.com.');
  await expect(status).toContainText('your authenticator app keeps the old label');
  await expect(status).toContainText('To rename it, edit the entry in the app');
  await expect(page.getByText('Alice.New@Example.com', { exact: true })).toBeVisible();

  await openSecurity(page, ALICE);
  await expect(securityActivity(page).getByText('Email changed', { exact: true })).toBeVisible();
  await app.restart();
  await expect(accountChoice(page, { email: 'Alice.New@Example.com' })).toBeVisible();
  await expect(accountList(page)).not.toContainText(ALICE.email);
});

test('a signed-out deletion never happens: the dialog goes with the session', async ({ page }) => {
  await createAccount(page, ALICE);
  await openProfile(page, ALICE);
  await openDeleteDialog(page);
  await expect(deleteDialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(deleteDialog(page)).toBeHidden();
  await signOut(page, ALICE);
  await signIn(page, ALICE);
  await expectDashboard(page, ALICE);
});
