import { expect, test } from './fixtures';
import { ALICE, alertWith, button, createAccount, expectSignInScreen, field, signOut, submitSignIn } from './support/accounts';

test('the Sign in button is disabled while the password is checked', async ({ page }) => {
  await createAccount(page, ALICE);
  await signOut(page, ALICE);

  await field(page, 'Email').fill(ALICE.email);
  await field(page, 'Password').fill('not the right password');
  await button(page, 'Sign in').click();
  // scrypt takes a noticeable fraction of a second: the button is busy, and keeps its name.
  await expect(button(page, 'Sign in')).toBeDisabled();
  await expect(alertWith(page, 'Incorrect email or password.')).toBeVisible();
  await expect(button(page, 'Sign in')).toBeEnabled();
});

test('after five wrong passwords the sign-in screen says when the next attempt is allowed', async ({ page }) => {
  await createAccount(page, ALICE);
  await signOut(page, ALICE);

  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await submitSignIn(page, { email: ALICE.email, password: `wrong password number ${attempt}` });
    await expect(alertWith(page, 'Incorrect email or password.')).toBeVisible();
    await expect(button(page, 'Sign in')).toBeEnabled();
  }

  // The fifth failure starts the backoff (one second): the screen says so and when to try again.
  // The page's clock is held meanwhile, so on a loaded machine the wait cannot end before it is
  // read. Main keeps real time, and the page counts from the held moment, so it may say more than
  // one second (the password check itself takes a while), and its wait never ends before main's.
  await page.clock.install();
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  await submitSignIn(page, { email: ALICE.email, password: 'wrong password number 5' });
  const wait = alertWith(page, /Incorrect email or password\.\s+Too many failed attempts\. Try again in \d+ seconds?\./);
  await expect(wait).toBeVisible();
  await expect(wait.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await expect(button(page, 'Sign in')).toBeDisabled();
  await expectSignInScreen(page);
  await page.clock.resume();

  // The wait over, the button comes back and the right password gets in.
  await expect(button(page, 'Sign in')).toBeEnabled();
  await expect(wait).toHaveCount(0);
  await submitSignIn(page, ALICE);
  await expect(page.getByRole('heading', { name: 'Dashboard', exact: true })).toBeVisible();
});
