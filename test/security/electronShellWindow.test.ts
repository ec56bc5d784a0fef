/**
 * The main window, with the shared fake `electron`: its webPreferences, and what its webContents does with
 * navigation, redirects, new windows, webviews and device pickers, for hand-picked hostile URLs and
 * generated ones (fast-check).
 */
import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../support/fakeElectron').then((fake) => fake.electronModule));

import type { WebContents } from 'electron';
import { resetFakeElectron, type FakeElectron } from '../support/fakeElectron';
import { mainWindowConstructorOptions } from '../../src-main/electron/createMainWindow';
import { hardenWebContents } from '../../src-main/electron/hardenWebContents';
import { APP_ORIGIN } from '../../src-main/electron/origins';
import { recordSecurityCheck } from '../support/securityCheck';

let shell: FakeElectron['shell'];
beforeEach(() => {
  shell = resetFakeElectron().shell;
});

/**
 * Keys that must never appear: Blink features and extra renderer arguments weaken the renderer,
 * the remote module is gone for good, and a partition or session would be a session without
 * denyAllPermissions' handlers.
 */
const FORBIDDEN_PREFERENCES = ['enableBlinkFeatures', 'enableRemoteModule', 'additionalArguments', 'partition', 'session'];

describe('webPreferences', () => {
  it('isolate and sandbox the renderer, with every risky feature off and DevTools only when asked for', (ctx) => {
    const expected = {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      safeDialogs: true,
      spellcheck: false,
    };
    let tried = 0;
    for (const devTools of [false, true]) {
      const options = {
        preloadPath: '/app/out/preload/index.cjs',
        startUrl: `${APP_ORIGIN}/index.html`,
        allowedOrigin: APP_ORIGIN,
        devTools,
      };
      const preferences = mainWindowConstructorOptions(options, false).webPreferences as Record<string, unknown>;
      for (const [key, value] of Object.entries(expected)) {
        expect(preferences[key], key).toBe(value);
        tried += 1;
      }
      expect(preferences['devTools']).toBe(devTools);
      expect(preferences['preload']).toBe(options.preloadPath);
      for (const key of FORBIDDEN_PREFERENCES) expect(preferences, key).not.toHaveProperty(key);
      tried += 2 + FORBIDDEN_PREFERENCES.length;
    }
    recordSecurityCheck(ctx, {
      area: 'Electron shell',
      check: 'window webPreferences locked down (isolation, sandbox, no Node, no webview, DevTools off unless unpackaged)',
      tried,
      unit: 'preferences',
    });
  });
});

type Handler = (...args: unknown[]) => unknown;
function hardened(openExternal?: (url: string) => boolean) {
  const contents = Object.assign(new EventEmitter(), { windowOpenHandler: undefined as Handler | undefined });
  Object.assign(contents, { setWindowOpenHandler: (handler: Handler) => (contents.windowOpenHandler = handler) });
  hardenWebContents(contents as unknown as WebContents, APP_ORIGIN, openExternal);
  /** Emits a navigation event; true when the handler prevented it. */
  const navigate = (event: string, url: string): boolean => {
    const preventDefault = vi.fn();
    contents.emit(event, { url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, navigate, openWindow: (url: string) => contents.windowOpenHandler!({ url }) };
}

const NAVIGATION_EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect'];
const HOSTILE_URLS = [
  'https://evil.example/',
  'http://app/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>1</script>',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'gatehouse://evil/index.html',
  'gatehouse://app.evil.example/',
  'gatehouse://app:8080/',
  'gatehouse://user@app.evil/',
  'blob:gatehouse://app/1',
  'http://gatehouse.localhost/',
  'https://gatehouse.example/help',
  'not a url',
  '',
];
/** Any URL on another origin; fast-check's webUrl covers schemes, hosts, ports, userinfo and paths. */
const foreignUrl = fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.constantFrom(...HOSTILE_URLS));
const appUrl = fc.webPath().map((path) => `${APP_ORIGIN}${path.startsWith('/') ? path : `/${path}`}`);

describe('webContents', () => {
  it('blocks every navigation and redirect away from gatehouse://app in any frame, and lets the app move within itself', (ctx) => {
    const openExternal = vi.fn((_url: string) => false);
    const { navigate } = hardened(openExternal);
    const mainFrameLinks: string[] = [];
    let tried = 0;
    fc.assert(
      fc.property(foreignUrl, appUrl, (foreign, own) => {
        mainFrameLinks.push(foreign);
        for (const event of NAVIGATION_EVENTS) {
          expect(navigate(event, foreign), `${event} ${foreign}`).toBe(true);
          expect(navigate(event, own), `${event} ${own}`).toBe(false);
          tried += 2;
        }
      }),
      { numRuns: 500, examples: HOSTILE_URLS.map((url) => [url, `${APP_ORIGIN}/index.html#/dashboard`] as [string, string]) },
    );
    // Only a main-frame link is handed to openExternalSafely (which applies the allow-list), once
    // per click; sub-frame navigations and redirects never are.
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(mainFrameLinks);
    recordSecurityCheck(ctx, {
      area: 'Electron shell',
      check: 'will-navigate, will-frame-navigate, will-redirect deny every other origin',
      tried,
      unit: 'navigations',
    });
  });

  it('denies every new window, webview attachment and Bluetooth device pick; opens nothing externally by default', (ctx) => {
    const { contents, openWindow } = hardened();
    let tried = 0;
    fc.assert(
      fc.property(fc.oneof(foreignUrl, appUrl), (url) => {
        expect(openWindow(url), url).toEqual({ action: 'deny' });
        tried += 1;
      }),
      { numRuns: 300, examples: HOSTILE_URLS.map((url) => [url] as [string]) },
    );
    // The default allow-list is empty: nothing reached the browser.
    expect(shell.openExternal).not.toHaveBeenCalled();

    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach, { preload: '/evil.js', nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(attach.preventDefault).toHaveBeenCalled();
    const bluetooth = { preventDefault: vi.fn() };
    const pick = vi.fn();
    contents.emit('select-bluetooth-device', bluetooth, [{ deviceId: 'b1', deviceName: 'Headset' }], pick);
    expect(bluetooth.preventDefault).toHaveBeenCalled();
    expect(pick).toHaveBeenCalledExactlyOnceWith('');
    tried += 2;
    recordSecurityCheck(ctx, {
      area: 'Electron shell',
      check: 'setWindowOpenHandler, will-attach-webview and device picks denied',
      tried,
      unit: 'attempts',
    });
  });
});
