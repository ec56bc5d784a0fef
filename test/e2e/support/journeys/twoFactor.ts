/** Screens of two-factor authentication: setup, the codes, sign-in's second step (see ../screens.ts). */
import { expect, type Page } from '@playwright/test';
import type { Journey } from '../screens';
import { ALICE, alertWith, button, createAccount, field, openSecurity, signOut, statusWith } from '../accounts';
import {
  beginActivation,
  closeRecoveryCodes,
  confirmPassword,
  dialogButton,
  dialogs,
  enterCode,
  passwordDialog,
  readRecoveryCodes,
  recoveryCodeList,
  startTwoFactorSignIn,
  wrongCode,
} from '../twoFactor';

/** Renderer time jumps (Playwright's clock) for the one-minute warnings; main keeps real time. */
async function toOneMinuteLeft(page: Page, minutes: number): Promise<void> {
  await page.clock.fastForward((minutes - 1) * 60_000 + 10_000);
}

export const twoFactorSetupJourney: Journey = {
  name: 'two-factor setup',
  screens: [
    {
      name: 'Security: two-factor inactive',
      show: async ({ page }) => {
        await createAccount(page, ALICE);
        await openSecurity(page, ALICE);
        await expect(page.getByText('Inactive', { exact: true })).toBeVisible();
      },
    },
    {
      name: 'Password pop-up',
      show: async ({ page }) => {
        await button(page, 'Activate').click();
        await expect(passwordDialog(page)).toBeVisible();
      },
    },
    {
      name: 'Password pop-up: wrong password',
      show: async ({ page }) => {
        await confirmPassword(page, 'not my password at all');
        await expect(passwordDialog(page).getByRole('alert')).toBeVisible();
      },
    },
    {
      name: 'Enrollment',
      show: async ({ page, state }) => {
        await dialogButton(page, 'Cancel').click();
        await expect(dialogs(page)).toHaveCount(0);
        // The renderer's clock is Playwright's from here, so the one-minute warning can be reached.
        await page.clock.install();
        state.secret = (await beginActivation(page, ALICE.password)).secret;
      },
    },
    {
      name: 'Enrollment: wrong code',
      show: async ({ page, state }) => {
        await enterCode(page, await wrongCode(state.secret!), 'Activate');
        await expect(alertWith(page, "That code didn't work.")).toBeVisible();
        await expect(field(page, '6-digit code')).toHaveAttribute('aria-invalid', 'true');
      },
    },
    {
      name: 'Enrollment: a minute left, More time',
      show: async ({ page }) => {
        await toOneMinuteLeft(page, 10);
        await expect(dialogButton(page, 'More time')).toBeVisible();
      },
    },
  ],
};

export const twoFactorActiveJourney: Journey = {
  name: 'two-factor active',
  slow: true,
  screens: [
    {
      name: 'Recovery codes after activation (not yet saved)',
      show: async ({ page, state }) => {
        await createAccount(page, ALICE);
        await openSecurity(page, ALICE);
        const enrollment = await beginActivation(page, ALICE.password);
        await enterCode(page, await enrollment.authenticator.freshCode(), 'Activate');
        state.authenticator = enrollment.authenticator;
        state.recoveryCodes = await readRecoveryCodes(page);
        await expect(dialogButton(page, 'Done')).toBeDisabled();
      },
    },
    {
      name: 'Recovery codes: copied',
      show: async ({ page }) => {
        await dialogButton(page, 'Copy').click();
        await expect(dialogs(page).getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
      },
    },
    {
      name: 'Security: two-factor active',
      show: async ({ page }) => {
        await closeRecoveryCodes(page);
        await expect(button(page, 'Deactivate')).toBeVisible();
      },
    },
    {
      name: 'See Recovery Codes',
      show: async ({ page }) => {
        await button(page, 'See Recovery Codes').click();
        await expect(recoveryCodeList(page)).toBeVisible();
      },
    },
    {
      name: 'Regenerate confirmation',
      show: async ({ page }) => {
        await closeRecoveryCodes(page);
        await button(page, 'Regenerate Codes').click();
        await expect(page.getByRole('alertdialog', { name: 'Regenerate recovery codes?' })).toBeVisible();
      },
    },
    {
      name: 'Recovery codes after regenerating',
      show: async ({ page, state }) => {
        await dialogButton(page, 'Regenerate Codes').click();
        state.recoveryCodes = await readRecoveryCodes(page);
      },
    },
    {
      name: 'Deactivate confirmation',
      show: async ({ page }) => {
        await closeRecoveryCodes(page);
        await button(page, 'Deactivate').click();
        await expect(page.getByRole('alertdialog', { name: 'Deactivate two-factor authentication?' })).toBeVisible();
      },
    },
    {
      name: 'Sign-in second step',
      show: async ({ page }) => {
        await dialogButton(page, 'Cancel').click();
        await signOut(page, ALICE);
        await startTwoFactorSignIn(page, ALICE);
      },
    },
    {
      name: 'Sign-in second step: wrong code',
      show: async ({ page, state }) => {
        await enterCode(page, await wrongCode(state.authenticator!.secret), 'Submit');
        await expect(alertWith(page, /attempts left/)).toBeVisible();
      },
    },
    {
      name: 'Sign-in second step: Lost your phone?',
      show: async ({ page }) => {
        await button(page, 'Lost your phone?').click();
        await expect(page.getByText(/Nobody can reset two-factor authentication/)).toBeVisible();
      },
    },
    {
      name: 'Sign-in second step: recovery code',
      show: async ({ page }) => {
        await button(page, 'Use a recovery code').click();
        await expect(field(page, 'Recovery code')).toBeVisible();
      },
    },
    {
      name: 'Dashboard after a recovery-code sign-in',
      show: async ({ page, state }) => {
        await field(page, 'Recovery code').fill(state.recoveryCodes![0]!);
        await button(page, 'Submit').click();
        await expect(statusWith(page, 'You have 9 recovery codes left.')).toBeVisible();
      },
    },
    {
      name: 'Sign-in second step: a minute left, More time',
      show: async ({ page }) => {
        await signOut(page, ALICE);
        await page.clock.install();
        await startTwoFactorSignIn(page, ALICE);
        await toOneMinuteLeft(page, 5);
        await expect(button(page, 'More time')).toBeVisible();
      },
    },
  ],
};
