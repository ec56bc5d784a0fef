/** The recovery codes view: Download (native save dialog), Copy (through the main process), Print. */
import { expect, test } from './fixtures';
import { ALICE, createAccount, openSecurity } from './support/accounts';
import { activateTwoFactor, closeRecoveryCodes, dialogButton, dialogs, seeRecoveryCodes } from './support/twoFactor';

test('Download saves a .txt file naming the app, the account and the date; Copy puts the codes on the clipboard', async ({ app, page }) => {
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);
  const { recoveryCodes } = await activateTwoFactor(page, ALICE.password);
  const codes = await seeRecoveryCodes(page, ALICE.password);
  expect(codes).toEqual(recoveryCodes);

  await dialogButton(page, 'Download').click();
  await expect(
    dialogs(page)
      .getByRole('status')
      .filter({ hasText: /Saved as .*\.txt/ }),
  ).toBeVisible();
  const [file] = await app.savedFiles();
  expect(file!.name).toMatch(/\.txt$/);
  expect(file!.contents).toContain('Gatehouse');
  expect(file!.contents).toContain(ALICE.email);
  const today = new Date();
  const localDate = [today.getFullYear(), today.getMonth() + 1, today.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
  expect(file!.name).toContain(localDate);
  expect(file!.contents).toContain(localDate);
  for (const code of recoveryCodes) expect(file!.contents).toContain(code);

  await app.cancelNextSave();
  await dialogButton(page, 'Download').click();
  await expect(dialogs(page)).toBeVisible();
  expect(await app.savedFiles()).toHaveLength(1);

  await dialogButton(page, 'Copy').click();
  await expect.poll(() => app.clipboardText()).toContain(recoveryCodes[0]!);
  const copied = await app.clipboardText();
  for (const code of recoveryCodes) expect(copied).toContain(code);

  const printed = await page.evaluate(async () => {
    let calls = 0;
    window.print = () => {
      calls += 1;
    };
    const print = [...document.querySelectorAll('button')].find((node) => node.textContent?.trim() === 'Print');
    print?.click();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return calls;
  });
  expect(printed).toBe(1);
  await closeRecoveryCodes(page);
});

test('Copy next to the secret key copies the secret without its grouping spaces', async ({ app, page }) => {
  await createAccount(page, ALICE);
  await openSecurity(page, ALICE);
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  const password = page.getByLabel('Password', { exact: true });
  await password.fill(ALICE.password);
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  const secretText = await page.getByLabel('Secret key', { exact: true }).textContent();
  expect(secretText).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4})+$/);
  await dialogButton(page, 'Copy').click();
  await expect.poll(() => app.clipboardText()).toBe(secretText!.replace(/\s+/g, ''));
});
