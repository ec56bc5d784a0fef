/**
 * In-page isolation, under either driver: the renderer reaches nothing of Node, Electron or IPC;
 * its one bridge is exactly the contract's API, frozen; and the Content-Security-Policy (header and
 * <meta>) stops injected scripts and any request leaving the app.
 */
import type { Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../src-main/electron/contentSecurityPolicy';
import { OPERATION_NAMES } from '../../src-shared/operations';
import { expect, test } from './fixtures';
import { NETWORK_PROBES, runProbe, SCRIPT_PROBES, type Probe } from './support/cspProbes';
import { recordSecurityCheck } from '../support/securityCheck';

/** Globals a Node-integrated or leaky renderer would have. */
const NODE_AND_ELECTRON_GLOBALS = [
  'require',
  'process',
  'module',
  'exports',
  'global',
  'Buffer',
  'setImmediate',
  '__dirname',
  '__filename',
  'ipcRenderer',
  'electron',
  'contextBridge',
  'webFrame',
  'ipc',
  'api',
  'bridge',
  'nodeRequire',
];

test('the page cannot reach require, process, Electron or any IPC object', async ({ page }) => {
  const seen = await page.evaluate((names) => {
    // Bare identifiers first (typeof of an undeclared name is 'undefined', never a ReferenceError).
    const bare = {
      require: typeof require,
      process: typeof process,
      module: typeof module,
      exports: typeof exports,
      global: typeof global,
      Buffer: typeof Buffer,
      __dirname: typeof __dirname,
      __filename: typeof __filename,
    };
    const onGlobals = names.flatMap((name) =>
      [window, globalThis, self].map((scope) => ({ name, type: typeof (scope as unknown as Record<string, unknown>)[name] })),
    );
    // Anything on window whose name smells of IPC, Electron or Node. Playwright's own plumbing
    // (__playwright…, in any page it drives; the chromium driver's transport rides on it) and the
    // WebXR interface XRWebGLBinding are not the app's.
    const smells = (name: string): boolean => /ipc|electron|binding/i.test(name) || /require|^process$|^Buffer$|^module$/.test(name);
    const suspicious = Object.getOwnPropertyNames(window).filter(
      (name) => smells(name) && !name.startsWith('__playwright') && name !== 'XRWebGLBinding',
    );
    return {
      bare,
      defined: onGlobals.filter(({ type }) => type !== 'undefined'),
      suspicious,
      scanned: Object.getOwnPropertyNames(window).length,
    };
  }, NODE_AND_ELECTRON_GLOBALS);

  expect(Object.entries(seen.bare).filter(([, type]) => type !== 'undefined')).toEqual([]);
  expect(seen.defined).toEqual([]);
  expect(seen.suspicious).toEqual([]);
  recordSecurityCheck(test.info(), {
    area: 'Electron shell',
    check: 'the page reaches no require, process, Node global or IPC object',
    tried: Object.keys(seen.bare).length + NODE_AND_ELECTRON_GLOBALS.length * 3 + seen.scanned,
    unit: 'global names probed',
  });
});

test("window.gatehouse is exactly the contract's methods, frozen, and cannot be replaced or extended", async ({ page }) => {
  const bridge = await page.evaluate(() => {
    const win = window as unknown as { gatehouse: Record<string, unknown> };
    const api = win.gatehouse;
    const original = api['signIn'];
    const attempts = [
      () => Object.assign(api, { invoke: () => 'smuggled' }),
      () => Object.defineProperty(api, 'send', { value: () => 'smuggled' }),
      () => {
        api['signIn'] = () => 'hijacked';
      },
      () => delete api['signIn'],
      () => {
        win.gatehouse = { invoke: () => 'smuggled' };
      },
      () => Object.setPrototypeOf(api, { invoke: () => 'smuggled' }),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
      } catch {
        // Refused loudly (strict semantics) or silently: either way the checks below decide.
      }
    }
    return {
      keys: Object.keys(win.gatehouse),
      functions: Object.values(win.gatehouse).every((value) => typeof value === 'function'),
      frozen: Object.isFrozen(win.gatehouse),
      sameSignIn: win.gatehouse['signIn'] === original,
      smuggled: ['invoke', 'send'].filter((name) => name in win.gatehouse),
      attempts: attempts.length,
    };
  });

  expect([...bridge.keys].sort()).toEqual([...OPERATION_NAMES].sort());
  expect(bridge).toMatchObject({ functions: true, frozen: true, sameSignIn: true, smuggled: [] });
  recordSecurityCheck(test.info(), {
    area: 'Hostile input at the IPC boundary',
    check: "window.gatehouse equals the contract's operation list and resists tampering",
    tried: bridge.attempts,
    unit: 'tampering attempts',
  });
});

/** Runs each probe; each must fail and be reported, as enforced, by the header and the <meta> policy. */
async function expectBlocked(page: Page, probes: readonly Probe[]): Promise<void> {
  const policies = [CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY];
  const where = (): Promise<{ url: string; heading: string | undefined }> =>
    page.evaluate(() => ({ url: location.href, heading: document.querySelector('h1')?.textContent?.trim() }));
  const before = await where();
  expect(before.heading).toBe('Create account');
  for (const probe of probes) {
    const result = await runProbe(page, probe, policies);
    expect(result.outcome, probe).toBe('blocked');
    expect([...new Set(result.violations.map((v) => v.policy))].sort(), probe).toEqual([...policies].sort());
    expect(
      result.violations.every((v) => v.disposition === 'enforce'),
      probe,
    ).toBe(true);
  }
  // Still the app, on the same screen. Read from the page itself: after the blocked form post,
  // Playwright's locators keep waiting for a navigation that Chromium cancelled.
  expect(await where()).toEqual(before);
}

test('the CSP blocks injected inline scripts, inline handlers, javascript: URLs, eval, new Function and wasm', async ({ page }) => {
  await expectBlocked(page, SCRIPT_PROBES);
  recordSecurityCheck(test.info(), {
    area: 'Electron shell',
    check: 'CSP blocks injected inline scripts and eval (header and meta)',
    tried: SCRIPT_PROBES.length,
    unit: 'injection attempts',
  });
});

test('the CSP blocks every request to another origin: fetch, XHR, WebSocket, EventSource, scripts, styles, images, frames, forms', async ({
  page,
}) => {
  await expectBlocked(page, NETWORK_PROBES);
  recordSecurityCheck(test.info(), {
    area: 'Electron shell',
    check: 'CSP blocks every request to an external origin',
    tried: NETWORK_PROBES.length,
    unit: 'request attempts',
  });
});
