/**
 * The help article (shared/seed/two-factor-help-article.txt), step by step, with the words it uses.
 * Codes come from the secret key read off the screen, as from an authenticator app.
 */
import { expect, test } from './fixtures';
import {
  ALICE,
  alertWith,
  button,
  createAccount,
  expectDashboard,
  field,
  heading,
  openAccountMenu,
  openSecurity,
  securityActivity,
  signIn,
  signOut,
  statusWith,
} from './support/accounts';
import {
  closeRecoveryCodes,
  confirmPassword,
  deactivateTwoFactor,
  dialogButton,
  dialogs,
  enterCode,
  readQrCodeUri,
  readRecoveryCodes,
  readSecretKey,
  recoveryCodeItem,
  regenerateRecoveryCodes,
  seeRecoveryCodes,
  signInWithCode,
  signInWithRecoveryCode,
  startTwoFactorSignIn,
  submitRecoveryCode,
  twoFactorHeading,
  Authenticator,
} from './support/twoFactor';

test('activating, signing in with a code and a recovery code, regenerating, seeing codes, deactivating', async ({ page }) => {
  test.slow();
  await createAccount(page, ALICE);

  // Activating: account name (upper right) → Account Settings → Security → Two-factor Authentication → Activate.
  const menu = await openAccountMenu(page, ALICE);
  await menu.getByRole('menuitem', { name: 'Account Settings', exact: true }).click();
  await page.getByRole('link', { name: 'Security', exact: true }).click();
  await expect(twoFactorHeading(page)).toBeVisible();
  await expect(page.getByText('Inactive', { exact: true })).toBeVisible();
  await button(page, 'Activate').click();

  // 4. Enter your password in the pop-up window that opens and click Confirm.
  await confirmPassword(page, ALICE.password);

  // 5. Scan the QR code or use the secret key: both carry the same secret.
  const secret = await readSecretKey(page);
  expect(secret).toHaveLength(32); // 20 bytes in base32
  const uri = await readQrCodeUri(page);
  expect(uri).toBe(`otpauth://totp/Gatehouse:alice%40example.com?secret=${secret}&issuer=Gatehouse`);
  const authenticator = new Authenticator(secret);

  // 6-7. Enter the 6-digit code generated in the authenticator app; click Activate.
  const codeField = field(page, '6-digit code');
  await expect(codeField).toHaveAttribute('inputmode', 'numeric');
  await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');
  const firstCode = await authenticator.freshCode();
  await enterCode(page, `${firstCode.slice(0, 3)} ${firstCode.slice(3)}`, 'Activate'); // as pasted from an app

  // 8. Save the single-use recovery codes.
  const recoveryCodes = await readRecoveryCodes(page);
  expect(recoveryCodes).toHaveLength(10);
  expect(new Set(recoveryCodes).size).toBe(10);
  for (const code of recoveryCodes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);
  for (const name of ['Download', 'Copy', 'Print', 'Done']) await expect(dialogButton(page, name)).toBeVisible();
  await closeRecoveryCodes(page);
  await expect(page.getByText('Active', { exact: true })).toBeVisible();
  await expect(button(page, 'Regenerate Codes')).toBeVisible();
  await expect(button(page, 'See Recovery Codes')).toBeVisible();

  // Logging in with two-factor authentication: email and password, then the 6-digit code, Submit.
  await signOut(page, ALICE);
  await signInWithCode(page, ALICE, authenticator);
  await expectDashboard(page, ALICE);

  // A recovery code instead of the app: the app says how many remain.
  await signOut(page, ALICE);
  await signInWithRecoveryCode(page, ALICE, recoveryCodes[0]!.toUpperCase()); // case does not matter
  await expect(statusWith(page, 'You have 9 recovery codes left.')).toBeVisible();

  // Tip: See Recovery Codes shows the set with the used one marked (password confirmed again: a new session).
  await openSecurity(page, ALICE);
  const shown = await seeRecoveryCodes(page, ALICE.password);
  expect(shown).toEqual(recoveryCodes);
  await expect(recoveryCodeItem(page, recoveryCodes[0]!)).toContainText(/used/i);
  await expect(recoveryCodeItem(page, recoveryCodes[1]!)).not.toContainText(/used/i);
  await closeRecoveryCodes(page);

  // Tip: Regenerate Codes gives a new set (no password within 15 minutes of the last confirmation); the old set stops working.
  const regenerated = await regenerateRecoveryCodes(page, ALICE.password);
  expect(regenerated).toHaveLength(10);
  expect(regenerated.filter((code) => recoveryCodes.includes(code))).toEqual([]);
  await closeRecoveryCodes(page);

  await signOut(page, ALICE);
  await startTwoFactorSignIn(page, ALICE);
  await submitRecoveryCode(page, recoveryCodes[1]!);
  await expect(alertWith(page, /recovery code didn't work/)).toBeVisible();
  await field(page, 'Recovery code').fill(regenerated[0]!);
  await button(page, 'Submit').click();
  await expectDashboard(page, ALICE);

  // Deactivating: Deactivate, confirm the action, password pop-up, Confirm.
  await openSecurity(page, ALICE);
  await deactivateTwoFactor(page, ALICE.password);
  await expect(page.getByText('Inactive', { exact: true })).toBeVisible();
  await expect(dialogs(page)).toHaveCount(0);

  const activity = securityActivity(page).getByRole('listitem');
  for (const event of ['Two-factor authentication activated', 'Recovery codes regenerated', 'Two-factor authentication deactivated']) {
    await expect(activity.filter({ hasText: event }).first()).toBeVisible();
  }

  // Sign-in asks for no code any more.
  await signOut(page, ALICE);
  await signIn(page, ALICE);
  await expect(field(page, '6-digit code')).toHaveCount(0);
  await expect(heading(page, 'Dashboard')).toBeVisible();
});
