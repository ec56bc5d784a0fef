import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export interface AccountDetails {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

/** Test people. Each test has its own data directory, so the same details can be reused freely. */
export const ALICE: AccountDetails = {
  name: 'Alice Example',
  email: 'alice@example.com',
  password: 'correct horse battery staple',
};
export const BOB: AccountDetails = {
  name: 'Bob Example',
  email: 'bob@example.com',
  password: 'purple monkey dishwasher',
};

export const heading = (page: Page, name: string): Locator => page.getByRole('heading', { name, exact: true });
export const button = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });
export const field = (page: Page, label: string): Locator => page.getByLabel(label, { exact: true });

/** The list of accounts on the sign-in screen. */
export const accountList = (page: Page): Locator => page.getByRole('list', { name: 'Accounts on this computer', exact: true });

/** The top-right button named after the signed-in account. */
export const accountButton = (page: Page, name: string): Locator => button(page, name);

export async function expectDashboard(page: Page, account: Pick<AccountDetails, 'name'>): Promise<void> {
  await expect(heading(page, 'Dashboard')).toBeVisible();
  await expect(accountButton(page, account.name)).toBeVisible();
}

export async function expectSignInScreen(page: Page): Promise<void> {
  await expect(heading(page, 'Sign in')).toBeVisible();
}

/** Creates an account from the create screen (or from sign-in, via its "Create account" button) and lands on the Dashboard. */
export async function createAccount(page: Page, account: AccountDetails): Promise<void> {
  await expect(heading(page, 'Create account').or(heading(page, 'Sign in'))).toBeVisible();
  if (await heading(page, 'Sign in').isVisible()) {
    await button(page, 'Create account').click();
    await expect(heading(page, 'Create account')).toBeVisible();
  }
  await field(page, 'Name').fill(account.name);
  await field(page, 'Email').fill(account.email);
  await field(page, 'Password').fill(account.password);
  await button(page, 'Create account').click();
  await expectDashboard(page, account);
}

/** Fills the sign-in form and submits it; does not check the outcome. */
export async function submitSignIn(page: Page, credentials: Pick<AccountDetails, 'email' | 'password'>): Promise<void> {
  await expectSignInScreen(page);
  await field(page, 'Email').fill(credentials.email);
  await field(page, 'Password').fill(credentials.password);
  await button(page, 'Sign in').click();
}

/** Signs in and lands on the Dashboard. */
export async function signIn(page: Page, account: AccountDetails): Promise<void> {
  await submitSignIn(page, account);
  await expectDashboard(page, account);
}

/** Opens the account menu and returns it. */
export async function openAccountMenu(page: Page, account: Pick<AccountDetails, 'name'>): Promise<Locator> {
  await accountButton(page, account.name).click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  return menu;
}

/** Signs out through the account menu and lands on the sign-in screen. */
export async function signOut(page: Page, account: Pick<AccountDetails, 'name'>): Promise<void> {
  const menu = await openAccountMenu(page, account);
  await menu.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expectSignInScreen(page);
  await expect(statusWith(page, 'You have signed out.')).toBeVisible();
}

/** Opens Account Settings through the account menu. */
export async function openAccountSettings(page: Page, account: Pick<AccountDetails, 'name'>): Promise<void> {
  const menu = await openAccountMenu(page, account);
  await menu.getByRole('menuitem', { name: 'Account Settings', exact: true }).click();
  await expect(heading(page, 'Account Settings')).toBeVisible();
}

/** Opens Account Settings → Security. */
export async function openSecurity(page: Page, account: Pick<AccountDetails, 'name'>): Promise<void> {
  await openAccountSettings(page, account);
  await page.getByRole('link', { name: 'Security', exact: true }).click();
  await expect(button(page, 'Change password')).toBeVisible();
}

/** The "Recent security activity" list on Account Settings → Security. */
export const securityActivity = (page: Page): Locator => page.getByRole('list', { name: 'Recent security activity', exact: true });

/** The button for `account` in the sign-in screen's list (its name holds the account's name and email). */
export const accountChoice = (page: Page, account: Pick<AccountDetails, 'email'>): Locator =>
  accountList(page).getByRole('button', { name: account.email });

/** The alert that carries `message`. */
export const alertWith = (page: Page, message: string | RegExp): Locator => page.getByRole('alert').filter({ hasText: message });

/** The status message that carries `message`. */
export const statusWith = (page: Page, message: string): Locator => page.getByRole('status').filter({ hasText: message });
