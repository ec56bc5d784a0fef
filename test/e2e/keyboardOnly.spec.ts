/**
 * The help article by keyboard only (issue 13): activate, sign in with a code, sign in with a
 * recovery code, regenerate, deactivate. Focus moves with Tab and Shift+Tab; buttons are pressed
 * with Enter or Space; dialogs are left with Escape; text is typed. The one other key is ArrowDown
 * in the account menu, whose pattern (WAI-ARIA menu button) moves between items with the arrows:
 * "Sign out" is its second item. No clicks. Each step also checks where focus lands.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ALICE, accountButton, button, expectDashboard, field, heading, statusWith } from './support/accounts';
import { Authenticator, dialogButton, dialogs, readRecoveryCodes, readSecretKey } from './support/twoFactor';

/** Presses `key` (Tab or Shift+Tab) until `target` has focus; fails if it never gets there. */
async function moveFocusTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `${key} never reached it`).toBeFocused();
}

async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await moveFocusTo(page, target);
  await page.keyboard.type(text);
}

/** The account menu by keyboard: Enter opens it on its first item; ArrowDown moves to the next. */
async function chooseFromAccountMenu(page: Page, item: 'Account Settings' | 'Sign out'): Promise<void> {
  await moveFocusTo(page, accountButton(page, ALICE.name), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Account Settings', exact: true })).toBeFocused();
  if (item === 'Sign out') await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: item, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
}

async function openSecurityByKeyboard(page: Page): Promise<void> {
  await chooseFromAccountMenu(page, 'Account Settings');
  await expect(heading(page, 'Account Settings')).toBeFocused();
  await moveFocusTo(page, page.getByRole('link', { name: 'Security', exact: true }));
  await page.keyboard.press('Enter');
  await expect(button(page, 'Change password')).toBeVisible();
  await expect(heading(page, 'Account Settings')).toBeFocused();
}

async function confirmPasswordByKeyboard(page: Page): Promise<void> {
  const password = dialogs(page).getByLabel('Password', { exact: true });
  await expect(password).toBeFocused();
  await page.keyboard.type(ALICE.password);
  await page.keyboard.press('Enter');
}

async function signInByKeyboard(page: Page): Promise<void> {
  await expect(heading(page, 'Sign in')).toBeFocused();
  await typeInto(page, field(page, 'Password'), ALICE.password);
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Two-factor authentication')).toBeFocused();
}

test('the two-factor article by keyboard only: activate, sign in with a code and a recovery code, regenerate, deactivate', async ({
  page,
  app,
}) => {
  test.slow();
  await expect(field(page, 'Name')).toBeFocused();
  await page.keyboard.type(ALICE.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ALICE.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ALICE.password);
  await page.keyboard.press('Enter');
  await expectDashboard(page, ALICE);
  await expect(heading(page, 'Dashboard')).toBeFocused();

  // Activating: account name → Account Settings → Security → Activate; Escape in the setup goes back to Activate.
  await openSecurityByKeyboard(page);
  await moveFocusTo(page, button(page, 'Activate'));
  await page.keyboard.press('Space');
  await confirmPasswordByKeyboard(page);
  await expect(field(page, '6-digit code')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialogs(page)).toHaveCount(0);
  await expect(button(page, 'Activate')).toBeFocused();
  // Until main has discarded the pending secret the section is busy and Activate unavailable, as a person sees.
  await expect(button(page, 'Activate')).not.toHaveAttribute('aria-disabled', 'true');

  await page.keyboard.press('Space');
  await confirmPasswordByKeyboard(page);
  const authenticator = new Authenticator(await readSecretKey(page));
  await expect(field(page, '6-digit code')).toBeFocused();
  await page.keyboard.type(await authenticator.freshCode());
  await page.keyboard.press('Enter');

  // Save the recovery codes: the dialog opens on its title, so Enter prints nothing; Escape and Done wait for a copy.
  const codes = page.getByRole('dialog', { name: 'Save your recovery codes', exact: true });
  await expect(codes.getByRole('heading', { name: 'Save your recovery codes' })).toBeFocused();
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(codes).toBeVisible();
  await moveFocusTo(page, dialogButton(page, 'Done'));
  await expect(dialogButton(page, 'Done')).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await expect(codes).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);
  const recoveryCodes = await readRecoveryCodes(page);
  await moveFocusTo(page, dialogButton(page, 'Copy'), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(codes.getByRole('status')).toHaveText('Copied. Gatehouse clears the clipboard in 60 seconds.');
  await expect(dialogButton(page, 'Copy')).toBeFocused();
  await moveFocusTo(page, dialogButton(page, 'Done'));
  await page.keyboard.press('Enter');
  await expect(codes).toBeHidden();
  await expect(button(page, 'See Recovery Codes')).toBeFocused();

  // Logging in with two-factor authentication: email and password, then the 6-digit code.
  await chooseFromAccountMenu(page, 'Sign out');
  await signInByKeyboard(page);
  await typeInto(page, field(page, '6-digit code'), await authenticator.freshCode());
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Dashboard')).toBeFocused();

  // A recovery code instead; Dismiss puts focus on the page's heading.
  await chooseFromAccountMenu(page, 'Sign out');
  await signInByKeyboard(page);
  await moveFocusTo(page, button(page, 'Use a recovery code'));
  await page.keyboard.press('Enter');
  await expect(field(page, 'Recovery code')).toBeFocused();
  await page.keyboard.type(recoveryCodes[0]!);
  await page.keyboard.press('Enter');
  await expect(statusWith(page, 'You have 9 recovery codes left.')).toBeVisible();
  await moveFocusTo(page, button(page, 'Dismiss'));
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Dashboard')).toBeFocused();

  // Regenerate Codes: confirm, password, save (Download), Done; focus returns to Regenerate Codes.
  await openSecurityByKeyboard(page);
  await moveFocusTo(page, button(page, 'Regenerate Codes'));
  await page.keyboard.press('Enter');
  await expect(dialogButton(page, 'Cancel')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialogButton(page, 'Regenerate Codes')).toBeFocused();
  await page.keyboard.press('Enter');
  await confirmPasswordByKeyboard(page);
  await expect(codes.getByRole('heading', { name: 'Save your recovery codes' })).toBeFocused();
  await moveFocusTo(page, dialogButton(page, 'Download'));
  await page.keyboard.press('Enter');
  await expect(codes.getByRole('status')).toHaveText(/^Saved as .*\.txt$/);
  await expect(dialogButton(page, 'Download')).toBeFocused();
  expect(await app.savedFiles()).toHaveLength(1);
  await moveFocusTo(page, dialogButton(page, 'Done'));
  await page.keyboard.press('Enter');
  await expect(codes).toBeHidden();
  await expect(button(page, 'Regenerate Codes')).toBeFocused();

  // Deactivating: Deactivate, confirm, password; focus lands on Activate.
  await moveFocusTo(page, button(page, 'Deactivate'));
  await page.keyboard.press('Enter');
  await expect(dialogButton(page, 'Cancel')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await confirmPasswordByKeyboard(page);
  await expect(page.getByText('Inactive', { exact: true })).toBeVisible();
  await expect(button(page, 'Activate')).toBeFocused();
});
