import { expect, test } from './fixtures';
import { ALICE, accountButton, createAccount, expectSignInScreen, heading, signOut } from './support/accounts';

/** The preload API as the page sees it (the renderer's own typing of window.gatehouse is not visible here). */
type BridgeWindow = { gatehouse: { getSession(): Promise<unknown>; listSecurityEvents(): Promise<unknown> } };

test('signing out ends the session: the Dashboard is no longer reachable', async ({ page }) => {
  await createAccount(page, ALICE);
  await signOut(page, ALICE);

  await page.evaluate(() => {
    window.location.hash = '#/dashboard';
  });

  await expectSignInScreen(page);
  await expect(heading(page, 'Dashboard')).toHaveCount(0);
  await expect(accountButton(page, ALICE.name)).toHaveCount(0);
  await expect(page.getByRole('menu')).toHaveCount(0);

  // Not just hidden by the UI: the main process no longer has a session for this window.
  const bridge = await page.evaluate(async () => {
    const { gatehouse } = window as unknown as BridgeWindow;
    return { session: await gatehouse.getSession(), events: await gatehouse.listSecurityEvents() };
  });
  expect(bridge.session).toEqual({ ok: true, value: { session: null, endedReason: 'user' } });
  expect(bridge.events).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
});

test("a signed-in call's reply carries the session's new expiry across the bridge, as getSession reports it", async ({ page }) => {
  await createAccount(page, ALICE);

  // Sent together, so no other call of the renderer can move the session in between.
  const [events, session] = (await page.evaluate(() => {
    const { gatehouse } = window as unknown as BridgeWindow;
    return Promise.all([gatehouse.listSecurityEvents(), gatehouse.getSession()]);
  })) as [{ ok: true; sessionExpiresAt?: number }, { ok: true; value: { session: { expiresAt: number } }; sessionExpiresAt?: number }];
  expect(events.sessionExpiresAt).toEqual(expect.any(Number));
  expect(events.sessionExpiresAt).toBe(session.value.session.expiresAt);
  // getSession does not act in the session: it reports the expiry without moving it.
  expect(session).not.toHaveProperty('sessionExpiresAt');
});
