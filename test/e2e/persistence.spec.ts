import { expect, test } from './fixtures';
import { ALICE, accountChoice, createAccount, expectSignInScreen, heading, signIn } from './support/accounts';

test('accounts survive a restart of the app', async ({ app, page }) => {
  await createAccount(page, ALICE);

  await app.restart();

  // A restart never resumes a session: the app opens on sign-in with the account listed.
  await expectSignInScreen(page);
  await expect(heading(page, 'Dashboard')).toHaveCount(0);
  await expect(accountChoice(page, ALICE)).toHaveAccessibleName(new RegExp(ALICE.name));
  await signIn(page, ALICE);
});
