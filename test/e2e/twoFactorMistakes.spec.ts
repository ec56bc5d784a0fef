/** What happens when people get it wrong: wrong password, wrong or replayed codes, cancelling, a clock that is off. */
import { expect, test } from './fixtures';
import { ALICE, alertWith, button, createAccount, expectSignInScreen, openSecurity, signOut } from './support/accounts';
import {
  activateTwoFactor,
  beginActivation,
  confirmPassword,
  dialogButton,
  driftedCode,
  enterCode,
  passwordDialog,
  qrCodeImage,
  startTwoFactorSignIn,
  wrongCode,
} from './support/twoFactor';

test('a wrong password in the pop-up shows an alert and keeps the pop-up open', async ({ page }) => {
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);
  await button(page, 'Activate').click();

  await confirmPassword(page, 'not the right password');
  await expect(passwordDialog(page).getByRole('alert')).toBeVisible();
  await expect(passwordDialog(page)).toBeVisible();
  await expect(qrCodeImage(page)).toHaveCount(0);

  await confirmPassword(page, ALICE.password);
  await expect(qrCodeImage(page)).toBeVisible();
});

test('a wrong code at activation can be retried; Cancel discards the pending secret', async ({ page }) => {
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);
  const first = await beginActivation(page, ALICE.password);

  await enterCode(page, await wrongCode(first.secret), 'Activate');
  await expect(alertWith(page, "That code didn't work.")).toBeVisible();
  await enterCode(page, await driftedCode(first.secret, -5), 'Activate');
  await expect(alertWith(page, /clock looks about 5 minutes ahead/)).toBeVisible();

  await dialogButton(page, 'Cancel').click();
  await expect(qrCodeImage(page)).toHaveCount(0);
  await expect(page.getByText('Inactive', { exact: true })).toBeVisible();

  // A new attempt gets a new secret; the cancelled one is gone.
  const second = await beginActivation(page, ALICE.password);
  expect(second.secret).not.toBe(first.secret);
  await enterCode(page, await second.authenticator.freshCode(), 'Activate');
  await expect(page.getByRole('list', { name: 'Recovery codes', exact: true })).toBeVisible();
});

test('at sign-in, wrong and replayed codes are refused; five wrong codes send you back to sign in', async ({ page }) => {
  test.slow();
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);
  const { authenticator, secret } = await activateTwoFactor(page, ALICE.password);
  await signOut(page, ALICE);

  // The code that activated two-factor authentication cannot be used again.
  await startTwoFactorSignIn(page, ALICE);
  await enterCode(page, authenticator.lastCode!, 'Submit');
  await expect(alertWith(page, 'That code was already used.')).toBeVisible();

  const wrong = await wrongCode(secret);
  for (let attempt = 2; attempt <= 4; attempt += 1) {
    await enterCode(page, wrong, 'Submit');
    await expect(alertWith(page, new RegExp(`${5 - attempt} attempts? left`))).toBeVisible();
  }
  await enterCode(page, wrong, 'Submit');
  await expectSignInScreen(page);
  await expect(alertWith(page, 'Too many wrong codes. Please sign in again.')).toBeVisible();

  // Email and password again, then a fresh code.
  await startTwoFactorSignIn(page, ALICE);
  await enterCode(page, await authenticator.freshCode(), 'Submit');
  await expect(page.getByRole('heading', { name: 'Dashboard', exact: true })).toBeVisible();
});
