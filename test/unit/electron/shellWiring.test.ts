/**
 * The Electron-facing modules, with the shared fake `electron` (the real package cannot
 * load in plain Node): what they register, and what they pass to Electron.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/fakeElectron').then((fake) => fake.electronModule));

import { resetFakeElectron, type FakeElectron } from '../../support/fakeElectron';
import { MESSAGES } from '../../../src-shared/errors';
import { channelFor, OPERATION_NAMES } from '../../../src-shared/operations';
import { registerAppSchemeAsPrivileged, serveAppProtocol } from '../../../src-main/electron/appProtocol';
import { applicationMenuTemplate } from '../../../src-main/electron/applicationMenu';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/electron/contentSecurityPolicy';
import { createMainWindow, WINDOW_BACKGROUND } from '../../../src-main/electron/createMainWindow';
import { hardenWebContents } from '../../../src-main/electron/hardenWebContents';
import { registerIpc } from '../../../src-main/electron/registerIpc';
import { showStartupError, STARTUP_ERROR_TITLE, startupErrorMessage } from '../../../src-main/electron/startupError';
import { DatabaseOpenError } from '../../../src-main/core/db/openDatabase';
import type { WebContents } from 'electron';

let electron: FakeElectron;
beforeEach(() => {
  electron = resetFakeElectron();
});

// openExternalSafely and denyAllPermissions: test/security/electronShellOpenExternal.test.ts and
// electronShellPermissions.test.ts (security checks, with rows in the security report).

describe('registerIpc', () => {
  const mainFrame = { url: 'gatehouse://app/index.html', parent: null, detached: false };
  const trustedEvent = { sender: { id: 7, mainFrame }, senderFrame: mainFrame };
  const trust = { allowedOrigin: 'gatehouse://app', getTrustedWebContentsId: () => 7 };
  const ok = { ok: true as const, value: 'done' };

  it('registers exactly one handler per operation, on its channel', () => {
    registerIpc(() => ({ dispatch: async () => ok }), trust);
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(OPERATION_NAMES.map(channelFor).sort());
  });

  it('dispatches a trusted call to the backend with the operation name and payload', async () => {
    const dispatch = vi.fn(async () => ok);
    registerIpc(() => ({ dispatch }), trust);
    const result = await electron.ipcHandlers.get(channelFor('signIn'))!(trustedEvent, { email: 'a@b.c' });
    expect(result).toEqual(ok);
    expect(dispatch).toHaveBeenCalledWith('signIn', { email: 'a@b.c' });
  });

  it("passes a signed-in reply's sessionExpiresAt through unchanged", async () => {
    const reply = { ok: true as const, value: { events: [] }, sessionExpiresAt: 1_764_000_000_000 };
    registerIpc(() => ({ dispatch: async () => reply }), trust);
    expect(await electron.ipcHandlers.get(channelFor('listSecurityEvents'))!(trustedEvent, {})).toStrictEqual(reply);
  });

  it('refuses an untrusted sender with FORBIDDEN, without calling the backend', async () => {
    const dispatch = vi.fn(async () => ok);
    registerIpc(() => ({ dispatch }), trust);
    const subFrame = { url: 'gatehouse://app/index.html', parent: mainFrame };
    for (const event of [
      { sender: { id: 7, mainFrame }, senderFrame: null },
      { sender: { id: 7, mainFrame }, senderFrame: subFrame },
      { sender: { id: 9, mainFrame }, senderFrame: mainFrame },
    ]) {
      expect(await electron.ipcHandlers.get(channelFor('listAccounts'))!(event, {})).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: MESSAGES.forbidden },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing backend into INTERNAL and logs only the error name', async () => {
    const error = Object.assign(new TypeError('password hunter2 leaked'), { name: 'TypeError' });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    registerIpc(() => ({ dispatch: async () => Promise.reject(error) }), trust);
    const result = await electron.ipcHandlers.get(channelFor('signIn'))!(trustedEvent, {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: MESSAGES.internal } });
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0])).toContain('TypeError');
    expect(String(log.mock.calls[0])).not.toContain('hunter2');
    log.mockRestore();
  });

  it('answers INTERNAL once the backend is closed', async () => {
    registerIpc(() => null, trust);
    expect(await electron.ipcHandlers.get(channelFor('getSession'))!(trustedEvent, {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: MESSAGES.internal },
    });
  });

  it('can unregister every handler', () => {
    const unregister = registerIpc(() => null, trust);
    unregister();
    expect(electron.ipcHandlers.size).toBe(0);
  });
});

describe('createMainWindow', () => {
  const options = {
    preloadPath: '/app/out/preload/index.cjs',
    startUrl: 'gatehouse://app/index.html',
    allowedOrigin: 'gatehouse://app',
    devTools: false,
  };
  type FakeWindow = EventEmitter & {
    options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
    show: ReturnType<typeof vi.fn>;
    loadURL: ReturnType<typeof vi.fn>;
    webContents: EventEmitter & { windowOpenHandler: (details: { url: string }) => unknown };
  };
  const create = (): FakeWindow => createMainWindow(options) as unknown as FakeWindow;
  const navigate = (window: FakeWindow, event: string, url: string): boolean => {
    const preventDefault = vi.fn();
    window.webContents.emit(event, { url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };

  // Every webPreference, key by key, is asserted in test/security/electronShellWindow.test.ts.
  it("opens a titled window of the app's size with the preload", () => {
    const window = create();
    expect(window.options.webPreferences).toMatchObject({ preload: options.preloadPath });
    expect(window.options).toMatchObject({
      title: 'Gatehouse',
      width: 1100,
      height: 760,
      minWidth: 760,
      minHeight: 560,
      show: false,
      backgroundColor: WINDOW_BACKGROUND.light,
    });
  });

  const tokens = join(__dirname, '..', '..', '..', 'src-renderer', 'styles', 'tokens.css');
  it.skipIf(!existsSync(tokens))("uses the renderer's --color-bg as the window background, light then dark", () => {
    const backgrounds = [...readFileSync(tokens, 'utf8').matchAll(/--color-bg:\s*(#[0-9a-f]{3,8})\s*;/gi)].map((m) => m[1]);
    expect(backgrounds.map((colour) => colour!.toLowerCase())).toEqual([WINDOW_BACKGROUND.light, WINDOW_BACKGROUND.dark]);
  });

  it('loads the start URL and shows the window when it is ready', () => {
    const window = create();
    expect(window.loadURL).toHaveBeenCalledWith('gatehouse://app/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('blocks navigation away from the app origin, in any frame and on redirects', () => {
    const window = create();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(navigate(window, event, 'https://evil.example/'), event).toBe(true);
      expect(navigate(window, event, 'file:///etc/passwd'), event).toBe(true);
      expect(navigate(window, event, 'gatehouse://app/index.html#/accounts'), event).toBe(false);
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window and webview', () => {
    const window = create();
    expect(window.webContents.windowOpenHandler({ url: 'gatehouse://app/index.html' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const preventDefault = vi.fn();
    window.webContents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });
});

describe('hardenWebContents', () => {
  it('hands a blocked main-frame link to openExternal exactly once, and never a sub-frame or redirect', () => {
    const contents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: vi.fn(),
    });
    const openExternal = vi.fn(() => true);
    hardenWebContents(contents as unknown as WebContents, 'gatehouse://app', openExternal);
    const emit = (event: string, url: string) => contents.emit(event, { url, preventDefault: vi.fn() });
    // One click on a main-frame link fires both will-navigate and will-frame-navigate.
    emit('will-navigate', 'https://gatehouse.example/help');
    emit('will-frame-navigate', 'https://gatehouse.example/help');
    emit('will-redirect', 'https://gatehouse.example/other');
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://gatehouse.example/help');
    const windowOpen = contents.setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => unknown;
    expect(windowOpen({ url: 'https://gatehouse.example/new' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenLastCalledWith('https://gatehouse.example/new');
  });
});

describe('app protocol', () => {
  it('registers gatehouse: as standard, secure and fetch-capable, but not CORS-enabled', () => {
    registerAppSchemeAsPrivileged();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'gatehouse', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('answers 404 for traversal and 405 for other methods without touching the disk', async () => {
    serveAppProtocol('/nonexistent/out/renderer');
    const handler = electron.protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request('gatehouse://app/..%2f..%2fetc%2fpasswd'))).status).toBe(404);
    expect((await handler(new Request('gatehouse://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    expect(electron.net.fetch).not.toHaveBeenCalled();
  });

  it('serves a file under the root through net.fetch(file://…) with the security headers', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gatehouse-protocol-'));
    try {
      writeFileSync(join(root, 'index.html'), '<!doctype html>');
      electron.net.fetch.mockResolvedValueOnce(new Response('<!doctype html>', { status: 200 }));
      serveAppProtocol(root);
      const handler = electron.protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
      const response = await handler(new Request('gatehouse://app/'));
      expect(electron.net.fetch).toHaveBeenCalledWith(pathToFileURL(realpathSync(join(root, 'index.html'))).toString());
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(await response.text()).toBe('<!doctype html>');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('menu and start-up error', () => {
  it('offers developer tools only when asked to', () => {
    const roles = (includeDevTools: boolean, platform: NodeJS.Platform) =>
      JSON.stringify(applicationMenuTemplate(platform, includeDevTools, { appName: 'Gatehouse', openDataFolder: () => {} }));
    expect(roles(false, 'linux')).not.toContain('toggleDevTools');
    expect(roles(false, 'linux')).not.toContain('reload');
    expect(roles(true, 'linux')).toContain('toggleDevTools');
    expect(roles(false, 'darwin')).toContain('appMenu');
    expect(roles(false, 'linux')).not.toContain('appMenu');
    // Installing it (with the Help menu and About panel): test/unit/electron/applicationMenu.test.ts.
  });

  it("shows a DatabaseOpenError's own message, and a generic one otherwise", () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const newer = new DatabaseOpenError('Saved by a newer Gatehouse. Please update.', 'newer-version', '/d/db');
    showStartupError(newer);
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(STARTUP_ERROR_TITLE, 'Saved by a newer Gatehouse. Please update.');
    expect(startupErrorMessage(new Error('SQLITE_CORRUPT at /secret/path'))).not.toContain('/secret/path');
    log.mockRestore();
  });
});
