import { expect, test } from './fixtures';
import { ALICE, alertWith, button, createAccount, expectSignInScreen, field, signOut, submitSignIn } from './support/accounts';

test('the Sign in button is disabled while the password is checked', async ({ page }) => {
  await createAccount(page, ALICE);
  await signOut(page, ALICE);

  await field(page, 'Email').fill(ALICE.email);
  await field(page, 'Password').fill('not the right password');
  await button(page, 'Sign in').click();
  // scrypt takes a noticeable fraction of a second: the button is busy, and keeps its name.
  await expect(button(page, 'Sign in')).toBeDisabled();
  await expect(alertWith(page, 'Incorrect email or password.')).toBeVisible();
  await expect(button(page, 'Sign in')).toBeEnabled();
});

test('after five wrong passwords the sign-in screen says when the next attempt is allowed', async ({ page }) => {
  await createAccount(page, ALICE);
  await signOut(page, ALICE);

  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await submitSignIn(page, { email: ALICE.email, password: `wrong password number ${attempt}` });
    await expect(alertWith(page, 'Incorrect email or password.')).toBeVisible();
    await expect(button(page, 'Sign in')).toBeEnabled();
  }

  // The fifth failure starts the backoff: the screen says so and when to try again.
  await submitSignIn(page, { email: ALICE.email, password: 'wrong password number 5' });
  const wait = alertWith(page, /Incorrect email or password\.\s+Too many failed attempts\. Try again in 1 second\./);
  await expect(wait).toBeVisible();
  await expect(wait.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await expect(button(page, 'Sign in')).toBeDisabled();
  await expectSignInScreen(page);

  // A one-second wait: then the button comes back and the right password gets in.
  await expect(button(page, 'Sign in')).toBeEnabled();
  await expect(wait).toHaveCount(0);
  await submitSignIn(page, ALICE);
  await expect(page.getByRole('heading', { name: 'Dashboard', exact: true })).toBeVisible();
});
