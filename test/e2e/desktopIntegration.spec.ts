/**
 * What the desktop shell does around the screens: screen-capture protection while secrets are
 * shown, and the start screen main picks before the window opens. Both drivers: under electron the
 * window's own protection (recorded on Linux, where Electron has none), under chromium what the core
 * asked of the desktop port.
 */
import { expect, test } from './fixtures';
import { ALICE, button, createAccount, heading, openSecurity } from './support/accounts';
import {
  beginActivation,
  closeRecoveryCodes,
  dialogButton,
  enterCode,
  qrCodeImage,
  readRecoveryCodes,
  recoveryCodeList,
  seeRecoveryCodes,
} from './support/twoFactor';

test('the window is kept out of screen capture while the QR code, secret key or recovery codes show, and only then', async ({
  app,
  page,
}) => {
  test.slow(); // three password checks and an activation, each a deliberate scrypt: slow on a loaded machine
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);
  expect(await app.screenProtected()).toBe(false);

  // The QR code and secret key: protected; Cancel lifts it.
  await beginActivation(page, ALICE.password);
  expect(await app.screenProtected()).toBe(true);
  await dialogButton(page, 'Cancel').click();
  await expect(qrCodeImage(page)).toBeHidden();
  await expect.poll(() => app.screenProtected()).toBe(false);

  // Activating swaps the QR code for the recovery codes: protected throughout; Done lifts it.
  const enrollment = await beginActivation(page, ALICE.password);
  await enterCode(page, await enrollment.authenticator.freshCode(), 'Activate');
  await readRecoveryCodes(page);
  expect(await app.screenProtected()).toBe(true);
  await closeRecoveryCodes(page);
  await expect.poll(() => app.screenProtected()).toBe(false);

  // See Recovery Codes: protected until Done.
  await seeRecoveryCodes(page, ALICE.password);
  expect(await app.screenProtected()).toBe(true);
  await closeRecoveryCodes(page);
  await expect(recoveryCodeList(page)).toBeHidden();
  await expect.poll(() => app.screenProtected()).toBe(false);
  await expect(button(page, 'Deactivate')).toBeVisible();
});

test('the window opens straight on Create account with no accounts, and on Sign in once there is one', async ({ app, page }) => {
  await expect(heading(page, 'Create account')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/create-account');
  await createAccount(page, ALICE);
  await app.restart();
  await expect(heading(page, 'Sign in')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/sign-in');
});
