/**
 * Checks of the harness itself: under either driver the page gets exactly the contract's API and
 * the fixture's clipboard and save-dialog controls see what the real core does with them; the
 * chromium driver must give the page what the preload and the app protocol give it in Electron,
 * and refuse what the Electron IPC layer refuses.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/contentSecurityPolicy';
import type { OperationInput, OperationOutput } from '../../src-shared/contract';
import { OPERATION_NAMES, type OperationName } from '../../src-shared/operations';
import type { Result } from '../../src-shared/result';
import { chooseDriver } from './drivers/chooseDriver';
import { BINDING_NAME } from './drivers/bridgeScript';
import { APP_URL } from './drivers/serveRenderer';
import { expect, test } from './fixtures';
import { ALICE } from './support/accounts';
import { Authenticator } from './support/twoFactor';

/** window as the page sees it; the renderer's own typing of window.gatehouse is not visible here. */
type BridgeWindow = { gatehouse: Record<string, (payload?: unknown) => Promise<unknown>> };

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: 'This request was refused.' } };

/** Calls one operation through the page's window.gatehouse, as the renderer would. */
function callApi<K extends OperationName>(page: Page, operation: K, input: OperationInput<K>): Promise<Result<OperationOutput<K>>> {
  return page.evaluate(([name, payload]) => (window as unknown as BridgeWindow).gatehouse[name]!(payload), [
    operation,
    input,
  ] as const) as Promise<Result<OperationOutput<K>>>;
}

/** callApi, expecting success; resolves to the value. */
async function callOk<K extends OperationName>(page: Page, operation: K, input: OperationInput<K>): Promise<OperationOutput<K>> {
  const result = await callApi(page, operation, input);
  if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

test.describe('either driver', () => {
  test('window.gatehouse has exactly one method per operation', async ({ page }) => {
    const keys = await page.evaluate(() => Object.keys((window as unknown as BridgeWindow).gatehouse));
    expect(keys).toEqual([...OPERATION_NAMES]);
  });

  test("the fixture sees the real core's clipboard copies and saved files, and can cancel a save", async ({ app, page }) => {
    expect(await app.savedFiles()).toEqual([]);
    await callOk(page, 'createAccount', ALICE);
    const { enrollment } = await callOk(page, 'beginTwoFactorEnrollment', { password: ALICE.password });
    const secret = enrollment.secretKey.replace(/\s+/g, '');

    // A signed-in reply also carries the session's new expiry (issue 14).
    expect(await callApi(page, 'copyToClipboard', { item: 'secretKey' })).toEqual({
      ok: true,
      value: {},
      sessionExpiresAt: expect.any(Number),
    });
    expect((await app.clipboardText()).replace(/\s+/g, '')).toBe(secret);

    const code = await new Authenticator(secret).freshCode();
    const { recoveryCodes } = await callOk(page, 'confirmTwoFactorEnrollment', { code });

    const saved = await callOk(page, 'downloadRecoveryCodes', {});
    if (!saved.saved) throw new Error('downloadRecoveryCodes did not save');
    const files = await app.savedFiles();
    expect(files.map(({ name }) => name)).toEqual([saved.fileName]);
    expect(files[0]!.path).toBe(join(app.downloadsDir, saved.fileName));
    for (const { code: recoveryCode } of recoveryCodes.codes) expect(files[0]!.contents).toContain(recoveryCode);

    await app.cancelNextSave();
    expect(await callApi(page, 'downloadRecoveryCodes', {})).toEqual({
      ok: true,
      value: { saved: false },
      sessionExpiresAt: expect.any(Number),
    });
    expect(await app.savedFiles()).toHaveLength(1);
  });
});

test.describe('chromium driver', () => {
  test.skip(chooseDriver().name !== 'chromium', 'only the chromium driver has a test bridge');

  test('window.gatehouse is the frozen preload API and the binding is hidden', async ({ page }) => {
    const bridge = await page.evaluate((bindingName) => {
      const descriptor = Object.getOwnPropertyDescriptor(window, 'gatehouse');
      const { gatehouse } = window as unknown as BridgeWindow;
      return {
        keys: Object.keys(gatehouse),
        frozen: Object.isFrozen(gatehouse),
        writable: descriptor?.writable,
        configurable: descriptor?.configurable,
        bindingVisible: bindingName in window,
      };
    }, BINDING_NAME);
    expect(bridge).toEqual({
      keys: [...OPERATION_NAMES],
      frozen: true,
      writable: false,
      configurable: false,
      bindingVisible: false,
    });
    expect(await page.evaluate(() => (window as unknown as BridgeWindow).gatehouse.listAccounts!())).toEqual({
      ok: true,
      value: { accounts: [] },
    });
  });

  test('calls from a child frame or another origin are refused', async ({ page }) => {
    await page.evaluate(async () => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>child</p>';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve));
      document.body.append(frame);
      await loaded;
    });
    const child = page.frames().find((frame) => frame !== page.mainFrame());
    expect(child).toBeDefined();
    expect(await child!.evaluate(() => (window as unknown as BridgeWindow).gatehouse.listAccounts!())).toEqual(FORBIDDEN);

    const stranger = await page.context().newPage();
    await stranger.goto('http://elsewhere.localhost/');
    expect(await stranger.evaluate(() => (window as unknown as BridgeWindow).gatehouse.listAccounts!())).toEqual(FORBIDDEN);
  });

  test('serves only the built renderer, with the CSP header', async ({ page }) => {
    const other = await page.context().newPage();
    const index = await other.goto(APP_URL);
    expect(index?.status()).toBe(200);
    expect(index?.headers()['content-type']).toBe('text/html; charset=utf-8');
    const meta = await other.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBeTruthy();
    // The header is the app protocol's policy; the <meta> carries the same directives, less the
    // header-only frame-ancestors.
    const header = index?.headers()['content-security-policy'];
    expect(header).toBe(CONTENT_SECURITY_POLICY);
    const directives = (policy: string): string[] => policy.split(';').map((directive) => directive.trim());
    expect(directives(meta ?? '').length).toBeGreaterThan(0);
    expect(directives(header ?? '')).toEqual(expect.arrayContaining(directives(meta ?? '')));

    for (const path of ['missing.js', '..%2f..%2fpackage.json', '%2e%2e/%2e%2e/package.json', 'assets/..%5c..%5cpackage.json']) {
      expect((await other.goto(`${APP_URL}${path}`))?.status(), path).toBe(404);
    }
    expect((await other.goto('http://elsewhere.localhost/index.html'))?.status()).toBe(404);
  });
});
