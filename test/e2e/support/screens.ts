/**
 * Every screen and dialog of Gatehouse, as journeys through the app: each journey starts from a
 * freshly launched app and each of its screens brings the app from the previous screen to itself
 * (by role and name, waiting for what a person sees). The accessibility walk (axe, light and dark:
 * accessibility.spec.ts) and the reflow checks (sizes: reflow.spec.ts) visit exactly this list.
 *
 * Adding a screen: append `{ name, show }` to the journey whose last screen leads to it (or add a
 * journey to JOURNEYS); both specs pick it up. `show` may read and write `context.state` to pass
 * what it learnt (a secret, recovery codes) to later screens of its journey.
 */
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { GatehouseApp } from '../fixtures';
import { ALICE, BOB, accountChoice, alertWith, button, createAccount, field, heading, openAccountMenu, openSecurity, signOut, statusWith } from './accounts';
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
  type Authenticator,
} from './twoFactor';

export interface JourneyContext {
  readonly page: Page;
  readonly app: GatehouseApp;
  /** What earlier screens of the journey learnt. */
  readonly state: { secret?: string; authenticator?: Authenticator; recoveryCodes?: string[] };
}

export interface Screen {
  /** How the checks name it, e.g. "Enrollment: wrong code". */
  readonly name: string;
  /** Brings the app from the journey's previous screen to this one. */
  readonly show: (context: JourneyContext) => Promise<void>;
}

export interface Journey {
  readonly name: string;
  /** Mark the journey's tests slow (a third TOTP code in one window waits for the next step). */
  readonly slow?: boolean;
  readonly screens: readonly Screen[];
}

/** Renderer time jumps (Playwright's clock) for the one-minute warnings; main keeps real time. */
async function toOneMinuteLeft(page: Page, minutes: number): Promise<void> {
  await page.clock.fastForward((minutes - 1) * 60_000 + 10_000);
}

const signedOutScreens: Journey = {
  name: 'accounts',
  screens: [
    { name: 'Create account (first account)', show: async ({ page }) => expect(heading(page, 'Create account')).toBeVisible() },
    {
      name: 'Create account: fields refused',
      show: async ({ page }) => {
        await button(page, 'Create account').click();
        await expect(page.getByRole('alert')).toBeVisible();
      },
    },
    { name: 'Dashboard', show: async ({ page }) => createAccount(page, ALICE) },
    { name: 'Account menu', show: async ({ page }) => void (await openAccountMenu(page, ALICE)) },
    {
      name: 'Account Settings → Profile',
      show: async ({ page }) => {
        await page.getByRole('menuitem', { name: 'Account Settings', exact: true }).click();
        await expect(heading(page, 'Profile')).toBeVisible();
      },
    },
    {
      name: 'Account Settings → Security',
      show: async ({ page }) => {
        await page.getByRole('link', { name: 'Security', exact: true }).click();
        await expect(button(page, 'Change password')).toBeVisible();
      },
    },
    {
      name: 'Change password',
      show: async ({ page }) => {
        await button(page, 'Change password').click();
        await expect(page.getByRole('dialog', { name: 'Change password', exact: true })).toBeVisible();
      },
    },
    {
      name: 'Change password: wrong current password',
      show: async ({ page }) => {
        const changeDialog = page.getByRole('dialog', { name: 'Change password', exact: true });
        await changeDialog.getByLabel('Current password', { exact: true }).fill('not my password at all');
        await changeDialog.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
        await changeDialog.getByRole('button', { name: 'Save new password', exact: true }).click();
        await expect(changeDialog.getByRole('alert')).toBeVisible();
        await expect(changeDialog.getByLabel('Current password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      },
    },
    {
      name: 'Sign in (signed out)',
      show: async ({ page }) => {
        await dialogButton(page, 'Cancel').click();
        await expect(dialogs(page)).toHaveCount(0);
        await signOut(page, ALICE);
        // The account just signed out is chosen: pressed, not only coloured.
        await expect(accountChoice(page, ALICE)).toHaveAttribute('aria-pressed', 'true');
      },
    },
    {
      name: 'Sign in: wrong password',
      show: async ({ page }) => {
        await field(page, 'Password').fill('not my password at all');
        await button(page, 'Sign in').click();
        await expect(alertWith(page, 'Incorrect email or password.')).toBeVisible();
        await expect(field(page, 'Password')).toHaveAttribute('aria-invalid', 'true');
      },
    },
    {
      name: 'Create account (from sign in)',
      show: async ({ page }) => {
        await button(page, 'Create account').click();
        await expect(button(page, 'Back to sign in')).toBeVisible();
      },
    },
  ],
};

const twoFactorSetup: Journey = {
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

const twoFactorActive: Journey = {
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

const BACKUP = /^gatehouse-\d{8}T\d{9}Z\.db$/;

const damagedDatabase: Journey = {
  name: 'damaged database',
  screens: [
    {
      name: 'Create account after a damaged database',
      show: async ({ page, app }) => {
        await expect.poll(async () => (await readdir(join(app.dataDir, 'backups')).catch(() => [])).filter((name) => BACKUP.test(name))).toHaveLength(1);
        const database = join(app.dataDir, 'gatehouse.db');
        await writeFile(`${database}.incoming`, Buffer.from('this is not a database '.repeat(500)));
        await rename(`${database}.incoming`, database);
        // Without its write-ahead log too: SQLite would read the pages still in it and never see the garbage.
        await rm(`${database}-wal`, { force: true });
        await rm(`${database}-shm`, { force: true });
        await app.restart();
        await expect(page.getByRole('alert', { name: 'Damaged database' })).toBeVisible();
      },
    },
    {
      name: 'Sign in after a damaged database',
      show: async ({ page }) => {
        await createAccount(page, BOB);
        await signOut(page, BOB);
        await expect(heading(page, 'Sign in')).toBeVisible();
      },
    },
  ],
};

/** Every journey: together they visit every screen and dialog of the app. */
export const JOURNEYS: readonly Journey[] = [signedOutScreens, twoFactorSetup, twoFactorActive, damagedDatabase];

/** Walks `journey` from a freshly launched app, running `check` on each screen once it shows. */
export async function walkJourney(
  journey: Journey,
  context: Omit<JourneyContext, 'state'>,
  check: (screen: Screen) => Promise<void>,
): Promise<string[]> {
  const full: JourneyContext = { ...context, state: {} };
  const visited: string[] = [];
  for (const screen of journey.screens) {
    await screen.show(full);
    await check(screen);
    visited.push(screen.name);
  }
  return visited;
}
