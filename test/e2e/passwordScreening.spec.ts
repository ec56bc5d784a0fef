import { describeScreenedPassword } from '../../src-shared/passwordPolicy';
import { expect, test } from './fixtures';
import { ALICE, alertWith, button, createAccount, expectDashboard, field, heading, openSecurity } from './support/accounts';

test('a screened password is refused with its reason, on Create account and in Change password', async ({ page }) => {
  await expect(heading(page, 'Create account')).toBeVisible();
  await field(page, 'Name').fill(ALICE.name);
  await field(page, 'Email').fill(ALICE.email);
  await field(page, 'Password').fill('Gatehouse2024!');
  await button(page, 'Create account').click();
  await expect(alertWith(page, describeScreenedPassword('contains-app-name'))).toBeVisible();
  await expect(heading(page, 'Create account')).toBeVisible();

  await field(page, 'Password').fill(ALICE.password);
  await button(page, 'Create account').click();
  await expectDashboard(page, ALICE);

  await openSecurity(page, ALICE);
  await button(page, 'Change password').click();
  const dialog = page.getByRole('dialog', { name: 'Change password', exact: true });
  await dialog.getByLabel('Current password', { exact: true }).fill(ALICE.password);
  await dialog.getByLabel('New password', { exact: true }).fill('password1234');
  await dialog.getByRole('button', { name: 'Save new password', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText(describeScreenedPassword('common'));
  await expect(dialog).toBeVisible();
});

test('an address with an apostrophe makes an account', async ({ page }) => {
  await createAccount(page, { name: "Siobhán O'Neil", email: "siobhan.o'neil@example.ie", password: ALICE.password });
});
