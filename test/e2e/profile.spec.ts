import { expect, test } from './fixtures';
import { ALICE, accountButton, button, createAccount, field, openAccountSettings, statusWith } from './support/accounts';

test('renaming the account in Account Settings → Profile', async ({ app, page }) => {
  await createAccount(page, ALICE);
  await openAccountSettings(page, ALICE);
  await page.getByRole('link', { name: 'Profile', exact: true }).click();

  await field(page, 'Name').fill('Alice Renamed');
  await button(page, 'Save').click();

  await expect(statusWith(page, 'Your name was saved.')).toBeVisible();
  await expect(accountButton(page, 'Alice Renamed')).toBeVisible();

  await app.restart();
  await expect(page.getByRole('list', { name: 'Accounts on this computer', exact: true })).toContainText('Alice Renamed');
});
