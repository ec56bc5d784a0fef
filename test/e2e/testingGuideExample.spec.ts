// The example from docs/testing.md ("Writing end-to-end tests"), verbatim, so the guide stays true
// (test/integration/docs/documentation.test.ts checks that the two stay identical).
import { expect, test } from './fixtures';

test('a new account lands on the Dashboard and survives a restart', async ({ page, app }) => {
  await page.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
  await page.getByLabel('Email', { exact: true }).fill('ada@example.com');
  await page.getByLabel('Password', { exact: true }).fill('analytical engine 1843');
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', exact: true })).toBeVisible();

  await app.restart(); // same data directory, a new app
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /Ada Lovelace/ })).toBeVisible();
});
