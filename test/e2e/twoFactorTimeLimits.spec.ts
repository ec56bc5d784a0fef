/**
 * Time limits (issue 13, WCAG 2.2.1), end to end: the enrollment and the sign-in step show the
 * time left, warn about a minute before the end without moving focus, and "More time" extends
 * the limit in main.
 *
 * The renderer's clock is Playwright's (page.clock), fast-forwarded to the warning; main keeps real
 * time. So after More time, main's new end (a full period from real now) again lies less than a
 * minute ahead of the renderer's clock: the warning stays, counting one extension fewer, which is
 * how the spec sees main's count. The step then still completes with a real code.
 */
import { expect, test } from './fixtures';
import { ALICE, createAccount, expectDashboard, field, openSecurity, signOut } from './support/accounts';
import {
  activateTwoFactor,
  beginActivation,
  dialogButton,
  dialogs,
  enterCode,
  readRecoveryCodes,
  startTwoFactorSignIn,
} from './support/twoFactor';

test('enrollment: time left, a warning a minute before the end that keeps focus, More time counted in main', async ({ page }) => {
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);
  await page.clock.install();
  const { authenticator } = await beginActivation(page, ALICE.password);
  const setup = dialogs(page);
  await expect(setup.getByRole('timer', { name: /^Time left: \d+ minutes?/ })).toHaveText(/Time left: ([1-9]|10):[0-5]\d$/);
  const code = field(page, '6-digit code');
  await expect(code).toBeFocused();

  await page.clock.fastForward('09:10');
  await expect(
    setup.getByText('Less than a minute left. Choose More time for another 10 minutes (you can do this 10 more times).'),
  ).toBeVisible();
  await expect(code).toBeFocused();
  await dialogButton(page, 'More time').click();
  await expect(setup.getByText(/you can do this 9 more times/)).toBeVisible();
  await expect(code).toBeFocused();

  await enterCode(page, await authenticator.freshCode(), 'Activate');
  expect(await readRecoveryCodes(page)).toHaveLength(10);
});

test('sign-in step: time left, a warning a minute before the end that keeps focus, More time counted in main', async ({ page }) => {
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);
  const { authenticator } = await activateTwoFactor(page, ALICE.password);
  await signOut(page, ALICE);
  await page.clock.install();
  await startTwoFactorSignIn(page, ALICE);
  await expect(page.getByRole('timer', { name: /^Time left: \d+ minutes?/ })).toHaveText(/Time left: [1-5]:[0-5]\d$/);
  const code = field(page, '6-digit code');
  await code.focus();

  await page.clock.fastForward('04:10');
  await expect(
    page.getByText('Less than a minute left. Choose More time for another 5 minutes (you can do this 10 more times).'),
  ).toBeVisible();
  await expect(code).toBeFocused();
  await page.getByRole('button', { name: 'More time', exact: true }).click();
  await expect(page.getByText(/you can do this 9 more times/)).toBeVisible();
  await expect(code).toBeFocused();

  await enterCode(page, await authenticator.freshCode(), 'Submit');
  await expectDashboard(page, ALICE);
});
