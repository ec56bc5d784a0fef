import { expect, test } from './fixtures';
import {
  ALICE,
  BOB,
  accountButton,
  accountChoice,
  accountList,
  alertWith,
  button,
  createAccount,
  expectDashboard,
  expectSignInScreen,
  field,
  heading,
  signIn,
  signOut,
  submitSignIn,
} from './support/accounts';

test('creating the first account signs in to the Dashboard', async ({ page }) => {
  await expect(heading(page, 'Create account')).toBeVisible();
  await expect(heading(page, 'Sign in')).toHaveCount(0);

  await createAccount(page, ALICE);

  await expectDashboard(page, ALICE);
  await expect(accountButton(page, ALICE.name)).toBeVisible();
});

test('signing out and signing in again', async ({ page }) => {
  await createAccount(page, ALICE);

  await signOut(page, ALICE);
  await expect(accountButton(page, ALICE.name)).toHaveCount(0);

  await signIn(page, ALICE);
  await expect(accountButton(page, ALICE.name)).toBeVisible();
});

test('a wrong password shows an error and stays on sign-in', async ({ page }) => {
  await createAccount(page, ALICE);
  await signOut(page, ALICE);

  await submitSignIn(page, { email: ALICE.email, password: 'not the right password' });

  await expect(alertWith(page, 'Incorrect email or password.')).toBeVisible();
  await expectSignInScreen(page);
  await expect(heading(page, 'Dashboard')).toHaveCount(0);
  await expect(accountButton(page, ALICE.name)).toHaveCount(0);
});

test('two accounts on one computer: both listed, each signs in to its own', async ({ page }) => {
  await createAccount(page, ALICE);
  await signOut(page, ALICE);
  await createAccount(page, BOB); // via the sign-in screen's "Create account"
  await signOut(page, BOB);

  await expect(accountList(page).getByRole('button')).toHaveCount(2);
  for (const account of [ALICE, BOB]) {
    await expect(accountChoice(page, account)).toHaveAccessibleName(new RegExp(account.name));
  }

  for (const account of [ALICE, BOB]) {
    await accountChoice(page, account).click();
    await expect(field(page, 'Email')).toHaveValue(account.email);
    await field(page, 'Password').fill(account.password);
    await button(page, 'Sign in').click();
    await expectDashboard(page, account);
    await signOut(page, account);
  }
});

test('the create screen opened from sign-in can go back', async ({ page }) => {
  await createAccount(page, ALICE);
  await signOut(page, ALICE);

  await button(page, 'Create account').click();
  await expect(heading(page, 'Create account')).toBeVisible();
  await button(page, 'Back to sign in').click();
  await expectSignInScreen(page);
  await expect(accountChoice(page, ALICE)).toBeVisible();
});
