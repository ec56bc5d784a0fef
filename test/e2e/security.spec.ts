import { expect, test } from './fixtures';
import {
  ALICE,
  alertWith,
  button,
  createAccount,
  expectSignInScreen,
  field,
  openSecurity,
  securityActivity,
  signIn,
  signOut,
  submitSignIn,
} from './support/accounts';

const NEW_PASSWORD = 'a brand new passphrase 42';

test('changing the password in Account Settings → Security', async ({ page }) => {
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);

  await button(page, 'Change password').click();
  const dialog = page.getByRole('dialog', { name: 'Change password', exact: true });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Current password', { exact: true }).fill(ALICE.password);
  await dialog.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await dialog.getByRole('button', { name: 'Save new password', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(securityActivity(page).getByRole('listitem').filter({ hasText: 'Password changed' })).not.toHaveCount(0);

  await signOut(page, ALICE);
  await submitSignIn(page, ALICE);
  await expect(alertWith(page, 'Incorrect email or password.')).toBeVisible();
  await expectSignInScreen(page);

  await signIn(page, { ...ALICE, password: NEW_PASSWORD });
});

test('the change-password dialog can be cancelled', async ({ page }) => {
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);

  await button(page, 'Change password').click();
  const dialog = page.getByRole('dialog', { name: 'Change password', exact: true });
  await dialog.getByLabel('Current password', { exact: true }).fill(ALICE.password);
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toBeHidden();

  await signOut(page, ALICE);
  await signIn(page, ALICE);
});

test('recent security activity lists account creation, sign-ins and failed sign-ins', async ({ page }) => {
  await createAccount(page, ALICE);
  await signOut(page, ALICE);
  await submitSignIn(page, { email: ALICE.email, password: 'definitely wrong password' });
  await expect(alertWith(page, 'Incorrect email or password.')).toBeVisible();
  await field(page, 'Password').fill(ALICE.password);
  await button(page, 'Sign in').click();

  await openSecurity(page, ALICE);

  const entries = securityActivity(page).getByRole('listitem');
  for (const event of ['Account created', 'Signed in', 'Sign-in failed', 'Signed out']) {
    await expect(entries.filter({ hasText: event }).first()).toBeVisible();
  }
});
